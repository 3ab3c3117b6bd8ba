// The pattern hash (typeset/patterns.cpp) hyphenates every word the Hyphenator hands it exactly
// as libhyphen does with its own loader and automaton.
#include <catch2/catch.hpp>

#include <hyphen.h>

#include <algorithm>
#include <regex>

#include "base/fileio.hpp"
#include "base/text.hpp"
#include "typeset/hyphenate.hpp"
#include "typeset/patterns.hpp"

using namespace briefing;

namespace {

/// hnj_hyphen_hyphenate3's answer for a word, as the Hyphenator calls it.
std::string hyphens(HyphenDict* d, const std::string& word) {
  std::vector<char> h(word.size() + 5, 0);
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  hnj_hyphen_hyphenate3(d, word.data(), static_cast<int>(word.size()), h.data(), nullptr, &rep, &pos, &cut, 2, 3, 2, 3);
  if (rep)
    for (std::size_t i = 0; i < word.size(); ++i) std::free(rep[i]);
  std::free(rep), std::free(pos), std::free(cut);
  return std::string(h.data(), word.size());
}

/// The fast answer for the same word, in a buffer of the same size.
std::string hyphens(const typeset::PatternDict& d, const std::string& word) {
  std::vector<char> h(word.size() + 5, 0);
  d.hyphenate(word, h.data(), 2, 3);
  return std::string(h.data(), word.size());
}

/// True for what the Hyphenator hands to the patterns: a word of letters only.
bool letters_only(const std::string& word) {
  bool ok = true;
  const std::u32string w = base::utf8_decode(word, &ok);
  return ok && !w.empty() && std::all_of(w.begin(), w.end(), typeset::is_word_letter);
}

/// Words to compare on: every pattern's letters with endings and prefixes added, words with
/// accented letters and capitals; only words of letters are kept, as the Hyphenator hyphenates
/// nothing else.
std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out = {"government",  "GOVERNMENT", "x",           "ab",     "abc",
                                  "naïve",       "café",       "précédent",   "zürich", "señorita",
                                  "hyphenation", "Britain",    "coordinating"};
  const std::regex letters(R"(^[^%0-9A-Z\s][^\s]*)", std::regex::multiline);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), letters); it != std::sregex_iterator(); ++it) {
    std::string w;
    for (char c : it->str())
      if (c != '.' && (c < '0' || c > '9')) w += c;
    for (const std::string& v : {w, w + "ingly", "un" + w, w + "ation", "é" + w + "s"})
      if (letters_only(v)) out.push_back(v);
  }
  return out;
}

}  // namespace

TEST_CASE("the pattern hash hyphenates every word exactly as libhyphen does", "[typeset][hyphenate]") {
  for (const char* name : {"hyph_en_GB.dic", "hyph_en_US.dic"}) {
    const std::string path = typeset::default_hyphen_dir() + "/" + name;
    std::string err;
    const auto text = base::read_file(path, err);
    REQUIRE(text);
    const auto fast = typeset::PatternDict::parse(*text);
    REQUIRE(fast);
    HyphenDict* slow = hnj_hyphen_load(path.c_str());
    REQUIRE(slow);
    INFO(name);
    std::size_t differ = 0, checked = 0, hyphenated = 0;
    for (const auto& w : words(*text)) {
      ++checked;
      const std::string want = hyphens(slow, w);
      if (hyphens(*fast, w) != want) {
        if (++differ <= 5) UNSCOPED_INFO("differs: " << w << " libhyphen " << want << " fast " << hyphens(*fast, w));
      }
      hyphenated += want.find_first_of("13579") != std::string::npos;
    }
    CHECK(checked > 30000);
    CHECK(hyphenated > checked / 2);
    CHECK(differ == 0);
    hnj_hyphen_free(slow);
  }
}

TEST_CASE("the Hyphenator answers from the pattern hash for Debian's English dictionaries", "[typeset][hyphenate]") {
  std::string err;
  const auto h = typeset::Hyphenator::load(typeset::default_hyphen_dir(), "en-GB", err);
  REQUIRE(h);
  CHECK(h->points(U"hyphenation") == std::vector<unsigned>{2, 6, 7});  // hy-phen-a-tion
  CHECK(h->points(U"Government") == std::vector<unsigned>{3, 6});      // gov-ern-ment
}

TEST_CASE("the pattern hash leaves unusual dictionaries to libhyphen", "[typeset][hyphenate]") {
  CHECK(typeset::PatternDict::parse("UTF-8\n1a\nNEXTLEVEL\n1b\n") == nullptr);
  CHECK(typeset::PatternDict::parse("UTF-8\nNOHYPHEN x\n") == nullptr);
  CHECK(typeset::PatternDict::parse("UTF-8\nf1f/ff=f,1,2\n") == nullptr);
  CHECK(typeset::PatternDict::parse("UTF-8\n" + std::string(120, 'a') + "\n") == nullptr);
  CHECK(typeset::PatternDict::parse(std::string("UTF-8\na\0b\n", 11)) == nullptr);
  CHECK(typeset::PatternDict::parse("UTF-8\n% a comment\n.ab1c\n") != nullptr);
}
