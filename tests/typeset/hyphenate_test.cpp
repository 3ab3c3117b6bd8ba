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
  };
  for (const auto& [word, want] : table) {
    INFO(word);
    CHECK(marked(*h, word) == want);
  }
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
