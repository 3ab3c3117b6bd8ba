// The pattern hash (typeset/patterns.cpp) hyphenates every word the Hyphenator hands it exactly
// as libhyphen does with its own loader and automaton.
#include <catch2/catch.hpp>

#include <hyphen.h>

#include "base/fileio.hpp"
#include "base/hash.hpp"
#include "typeset/hyphen_words.hpp"
#include "typeset/hyphenate.hpp"
#include "typeset/patterns.hpp"

using namespace briefing;
using briefing::test::hyphens;
using briefing::test::words;

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

TEST_CASE("the dictionary hash (base::hash64) is pinned and sees every byte", "[typeset][hyphenate]") {
  // Pinned values: the hash must not depend on the build or the machine's byte order.
  CHECK(base::hash64("") == 0xd793242974bc4888u);
  CHECK(base::hash64("UTF-8\n") == 0x17e7ce342bd0adf8u);
  CHECK(base::hash64("UTF-8\nLEFTHYPHENMIN 2\n") == 0xe9be49169c3402b3u);
  CHECK(base::hash64("UTF-8\n", 1) != base::hash64("UTF-8\n"));  // a seed gives another hash
  std::string err;
  const auto dic = base::read_file(typeset::default_hyphen_dir() + "/hyph_en_GB.dic", err);
  REQUIRE(dic);
  const std::string text = dic->substr(0, 4099);
  const std::uint64_t h = base::hash64(text);
  CHECK(base::hash64(text.substr(0, text.size() - 1)) != h);
  std::size_t same = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::string changed = text;
    changed[i] = static_cast<char>(changed[i] ^ 0x01);
    same += base::hash64(changed) == h;
  }
  CHECK(same == 0);
}

TEST_CASE("the pattern hash leaves unusual dictionaries to libhyphen", "[typeset][hyphenate]") {
  CHECK(typeset::PatternDict::parse("UTF-8\n1a\nNEXTLEVEL\n1b\n") == nullptr);
  CHECK(typeset::PatternDict::parse("UTF-8\nNOHYPHEN x\n") == nullptr);
  CHECK(typeset::PatternDict::parse("UTF-8\nf1f/ff=f,1,2\n") == nullptr);
  CHECK(typeset::PatternDict::parse("UTF-8\n" + std::string(120, 'a') + "\n") == nullptr);
  CHECK(typeset::PatternDict::parse(std::string("UTF-8\na\0b\n", 11)) == nullptr);
  CHECK(typeset::PatternDict::parse("UTF-8\n% a comment\n.ab1c\n") != nullptr);
}
