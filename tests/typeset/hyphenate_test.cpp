// Hyphenation: en-GB break points from Debian's dictionary, and the rules around them.
#include <catch2/catch.hpp>

#include "base/text.hpp"
#include "typeset/hyphenate.hpp"

using namespace briefing;

namespace {
/// The word with '-' at each permitted break.
std::string marked(const typeset::Hyphenator& h, const std::string& word) {
  const auto w = base::utf8_decode(word);
  const auto points = h.points(w);
  std::u32string out;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (std::find(points.begin(), points.end(), i) != points.end()) out += U'-';
    out += w[i];
  }
  return base::utf8_encode(out);
}
}  // namespace

TEST_CASE("en-GB hyphenation follows the British patterns", "[typeset][hyphenate]") {
  std::string err;
  const auto* h = typeset::hyphenator_for("en-GB", err);
  REQUIRE(h);
  CHECK(h->path().ends_with("hyph_en_GB.dic"));
  const std::vector<std::pair<std::string, std::string>> table = {
      {"international", "in-ter-na-tional"},
      {"cooperation", "co-oper-a-tion"},
      {"organised", "or-gan-ised"},
      {"investigative", "in-vest-ig-at-ive"},
      {"responsible", "re-spons-ible"},
      {"government", "gov-ern-ment"},
      {"immigration", "im-mig-ra-tion"},
      {"dismantling", "dis-mant-ling"},
      {"representatives", "rep-res-ent-at-ives"},
      {"Assembly", "As-sembly"},
      {"specialized", "spe-cial-ized"},
      {"investigators", "in-vest-ig-at-ors"},
      {"trafficking", "traf-fick-ing"},
      {"facilitating", "fa-cil-it-at-ing"},
      {"authorities", "au-thor-it-ies"},
      {"significant", "sig-ni-fic-ant"},
      {"diplomatic", "dip-lo-matic"},
      {"multilateral", "mul-ti-lat-eral"},
      {"enforcement", "en-force-ment"},
      {"development", "de-vel-op-ment"},
      {"reputation", "repu-ta-tion"},
      {"collaboration", "col-lab-or-a-tion"},
      {"criminals", "crim-in-als"},
      {"commitment", "com-mit-ment"},
      {"terrorism", "ter-ror-ism"},
      {"programme", "pro-gramme"},
      {"organisation", "or-gan-isa-tion"},
      {"behaviour", "be-ha-viour"},
  };
  for (const auto& [word, want] : table) {
    INFO(word);
    CHECK(marked(*h, word) == want);
  }
}

TEST_CASE("break points count characters, not bytes, in words with accented letters", "[typeset][hyphenate]") {
  std::string err;
  const auto* h = typeset::hyphenator_for("en-GB", err);
  REQUIRE(h);
  // libhyphen's own answers for these words, one entry per character: "caféteria" breaks after
  // its é; past the ö, "internatiönalisation" breaks where "internationalisation" does.
  CHECK(marked(*h, "caféteria") == "café-teria");
  CHECK(marked(*h, "internatiönalisation") == "in-ter-natiön-al-isa-tion");
  CHECK(marked(*h, "internationalisation") == "in-ter-na-tion-al-isa-tion");
}

TEST_CASE("hyphenation keeps two letters before and three after a break", "[typeset][hyphenate]") {
  std::string err;
  const auto* h = typeset::hyphenator_for("en-GB", err);
  REQUIRE(h);
  for (const char* w : {"international", "cooperation", "policing", "biometric", "abbreviation"}) {
    const auto word = base::utf8_decode(w);
    for (unsigned p : h->points(word)) {
      CHECK(p >= 2);
      CHECK(word.size() - p >= 3);
    }
  }
  CHECK(h->points(U"and").empty());
  CHECK(h->points(U"2024").empty());
  CHECK(h->points(U"e-mail").empty());
}

TEST_CASE("the language tag picks the dictionary, with a fallback to the language", "[typeset][hyphenate]") {
  std::string err;
  const auto* us = typeset::hyphenator_for("en-US", err);
  REQUIRE(us);
  CHECK(us->path().ends_with("hyph_en_US.dic"));
  const auto* en = typeset::hyphenator_for("en", err);
  REQUIRE(en);
  CHECK(typeset::hyphenator_for("xx-YY", err) == nullptr);
  CHECK(err.find("no hyphenation dictionary for 'xx-YY'") != std::string::npos);
}

namespace {
/// The word with '-' at each inserted-hyphen break and '|' after each hyphen or dash that breaks.
std::string rules(const std::string& word, const std::vector<bool>& allowed = {},
                  const std::vector<unsigned>& soft = {}) {
  std::string err;
  const auto w = base::utf8_decode(word);
  const auto breaks = typeset::word_breaks(w, allowed.empty() ? std::vector<bool>(w.size(), true) : allowed,
                                           typeset::hyphenator_for("en-GB", err), soft);
  std::u32string out;
  for (std::size_t i = 0; i < w.size(); ++i) {
    for (const auto& b : breaks)
      if (b.index == i) out += b.explicit_hyphen ? U'|' : U'-';
    out += w[i];
  }
  return base::utf8_encode(out);
}
}  // namespace

TEST_CASE("web and e-mail addresses are never broken", "[typeset][hyphenate]") {
  CHECK(typeset::looks_like_address(U"https://www.gov.uk/government"));
  CHECK(typeset::looks_like_address(U"ftp://archive"));
  CHECK(typeset::looks_like_address(U"www.interpol.int"));
  CHECK(typeset::looks_like_address(U"press-office@nationalcrimeagency.gov.uk"));
  CHECK_FALSE(typeset::looks_like_address(U"user@localhost"));  // no dot after the '@'
  CHECK_FALSE(typeset::looks_like_address(U"e-mail"));
  CHECK_FALSE(typeset::looks_like_address(U"co-ordinating"));
  CHECK(rules("https://www.gov.uk/government/organisations/national-crime-agency") ==
        "https://www.gov.uk/government/organisations/national-crime-agency");
  CHECK(rules("press-office@nationalcrimeagency.gov.uk") == "press-office@nationalcrimeagency.gov.uk");
}

TEST_CASE("numbers, codes and acronyms are never hyphenated", "[typeset][hyphenate]") {
  CHECK(rules("2024") == "2024");
  CHECK(rules("2023-2024") == "2023-2024");  // a range: no break after its hyphen
  CHECK(rules("4\u20137") == "4\u20137");
  CHECK(rules("92nd") == "92nd");
  CHECK(rules("A380s") == "A380s");
  CHECK(rules("COVID19") == "COVID19");
  CHECK(rules("0141-555-1234") == "0141-555-1234");
  CHECK(rules("INTERPOL") == "INTERPOL");
  CHECK(rules("INTERPOL\u2019s") == "INTERPOL\u2019s");
  CHECK(rules("Britain\u2019s") == "Bri-tain\u2019s");
}

TEST_CASE("a hyphen or dash breaks after itself, with two characters either side", "[typeset][hyphenate]") {
  CHECK(rules("counter-terrorism") == "counter-|ter-ror-ism");
  CHECK(rules("co-ordinating") == "co-|or-din-at-ing");
  CHECK(rules("decision-making") == "de-cision-|mak-ing");
  CHECK(rules("e-mail") == "e-mail");  // one letter before the hyphen
  CHECK(rules("ten-year") == "ten-|year");
  CHECK(rules("well-to-do") == "well-|to-|do");
  CHECK(rules("jump-a") == "jump-a");  // one character after the hyphen
  CHECK(rules("Britain\u2014and") == "Bri-tain\u2014|and");
}

TEST_CASE("tagged names are never broken, even at their own hyphens", "[typeset][hyphenate]") {
  const std::string word = "Jean-Claude";
  CHECK(rules(word, std::vector<bool>(11, false)) == "Jean-Claude");
  // A tagged name with an untagged suffix: breaks only inside the untagged part.
  std::vector<bool> allowed(19, true);
  for (std::size_t i = 0; i < 8; ++i) allowed[i] = false;  // "Interpol" tagged, "-recognised" not
  CHECK(rules("Interpol-recognised", allowed) == "Interpol-|re-cog-nised");
}

TEST_CASE("soft hyphens replace the patterns in their word", "[typeset][hyphenate]") {
  CHECK(rules("Tugendhat", {}, {3}) == "Tug-endhat");
  CHECK(rules("Tugendhat") != "Tug-endhat");
  CHECK(rules("Tugendhat", {}, {1}) == "Tugendhat");  // too close to the start: ignored, no patterns either
}
