// Dictionaries compiled into the program (typeset/embedded.hpp): they are the tables
// PatternDict::parse makes of Debian's files, and they answer only for those very bytes.
#include <catch2/catch.hpp>

#include <hyphen.h>

#include <algorithm>
#include <cstring>

#include "base/fileio.hpp"
#include "base/hash.hpp"
#include "support/run.hpp"
#include "typeset/embedded.hpp"
#include "typeset/hyphen_words.hpp"
#include "typeset/hyphenate.hpp"

using namespace briefing;
using test::hyphens;

namespace {

const char* const kNames[] = {"hyph_en_GB.dic", "hyph_en_US.dic"};

/// True when the build compiles Debian's English dictionaries in (BRIEFING_EMBED_HYPHEN, on by
/// default); a build with it off must embed nothing and still hyphenate.
constexpr bool kEmbedding = BRIEFING_EMBED_HYPHEN;

/// A dictionary file's bytes from the compiled-in dictionary folder.
std::string dictionary(const std::string& name) {
  std::string err;
  const auto text = base::read_file(typeset::default_hyphen_dir() + "/" + name, err);
  REQUIRE(text);
  return *text;
}

/// The compiled-in dictionary made from the file of that name, or null.
const typeset::EmbeddedDictionary* compiled(std::string_view file) {
  for (const typeset::EmbeddedDictionary* e : typeset::embedded_dictionaries())
    if (e->file == file) return e;
  return nullptr;
}

/// Words to compare on: the dictionary's patterns with endings and prefixes (test::words), every
/// word of the seed article, and the system's word list when there is one.
std::vector<std::string> all_words(const std::string& dic) {
  std::vector<std::string> out = test::words(dic);
  std::string err;
  for (const std::string& path : {test::source_dir() + "/source/article.xml", std::string("/usr/share/dict/words")})
    if (const auto text = base::read_file(path, err))
      for (std::string& w : test::text_words(*text)) out.push_back(std::move(w));
  return out;
}

/// The same bytes with one pattern's digit changed: "hy3ph", which breaks hy-phen, becomes "hy2ph".
std::string one_byte_changed(std::string text) {
  const auto at = text.find("\nhy3ph\n");
  REQUIRE(at != std::string::npos);
  text[at + 3] = '2';
  return text;
}

}  // namespace

TEST_CASE("the compiled-in dictionaries are the tables parse makes of the files, shrunk", "[typeset][hyphenate]") {
  for (const char* name : kNames) {
    INFO(name);
    const std::string text = dictionary(name);
    const typeset::EmbeddedDictionary* e = compiled(name);
    if (!kEmbedding) {
      CHECK(e == nullptr);
      continue;
    }
    REQUIRE(e);
    CHECK(e->size == text.size());
    CHECK(e->hash == base::hash64(text));
    const auto parsed = typeset::PatternDict::parse(text);
    REQUIRE(parsed);
    const std::size_t spacious = parsed->tables().table.size();
    parsed->shrink();
    const typeset::PatternTables& want = parsed->tables();
    const auto states = std::count_if(want.table.begin(), want.table.end(),
                                      [](const typeset::PatternSlot& s) { return s.len_match != 0; });
    CHECK(4 * states <= 3 * static_cast<std::ptrdiff_t>(want.table.size()));  // at most 3/4 full
    CHECK(8 * states > 3 * static_cast<std::ptrdiff_t>(want.table.size()));   // half as many slots would not do
    CHECK(want.table.size() <= spacious);
    CHECK(e->tables.arena == want.arena);
    CHECK(e->tables.matches == want.matches);
    REQUIRE(e->tables.table.size() == want.table.size());
    CHECK(std::memcmp(e->tables.table.data(), want.table.data(), want.table.size_bytes()) == 0);
    CHECK(e->tables.longest == want.longest);
    CHECK(e->tables.lhmin == want.lhmin);
    CHECK(e->tables.rhmin == want.rhmin);
    CHECK(e->tables.utf8 == want.utf8);
  }
}

TEST_CASE("the compiled-in dictionaries hyphenate as parsed ones and as libhyphen", "[typeset][hyphenate]") {
  for (const char* name : kNames) {
    INFO(name);
    const std::string text = dictionary(name);
    const typeset::EmbeddedDictionary* e = compiled(name);
    const auto served = typeset::patterns_for(text, typeset::embedded_dictionaries());
    REQUIRE(served);
    CHECK(served->borrowed() == kEmbedding);
    if (kEmbedding) {
      REQUIRE(e);
      CHECK(served->tables().table.data() == e->tables.table.data());  // a view, not a copy
    }
    const auto parsed = typeset::PatternDict::parse(text);
    REQUIRE(parsed);
    HyphenDict* slow = hnj_hyphen_load((typeset::default_hyphen_dir() + "/" + name).c_str());
    REQUIRE(slow);
    std::size_t checked = 0, from_parsed = 0, from_libhyphen = 0, hyphenated = 0;
    for (const std::string& w : all_words(text)) {
      ++checked;
      const std::string got = hyphens(*served, w);
      from_parsed += got != hyphens(*parsed, w);
      const std::string want = hyphens(slow, w);
      if (got != want && ++from_libhyphen <= 5) UNSCOPED_INFO("differs: " << w << " libhyphen " << want << " " << got);
      hyphenated += want.find_first_of("13579") != std::string::npos;
    }
    hnj_hyphen_free(slow);
    CHECK(checked > 30000);
    CHECK(hyphenated > checked / 2);
    CHECK(from_parsed == 0);
    CHECK(from_libhyphen == 0);
  }
}

TEST_CASE("a dictionary file one byte away from a compiled-in one is parsed", "[typeset][hyphenate]") {
  const std::string text = dictionary("hyph_en_GB.dic");
  const std::string changed = one_byte_changed(text);
  REQUIRE(changed.size() == text.size());
  const auto original = typeset::patterns_for(text, typeset::embedded_dictionaries());
  const auto served = typeset::patterns_for(changed, typeset::embedded_dictionaries());
  const auto parsed = typeset::PatternDict::parse(changed);
  REQUIRE(original);
  REQUIRE(served);
  REQUIRE(parsed);
  CHECK(original->borrowed() == kEmbedding);
  CHECK_FALSE(served->borrowed());
  std::size_t from_parsed = 0, from_original = 0;
  for (const std::string& w : all_words(text)) {
    const std::string got = hyphens(*served, w);
    from_parsed += got != hyphens(*parsed, w);
    from_original += got != hyphens(*original, w);
  }
  CHECK(from_parsed == 0);
  CHECK(from_original > 0);  // the change shows

  test::TempDir dir;
  test::write_text(dir.file("hyph_en_GB.dic"), changed);
  std::string err;
  const auto h = typeset::Hyphenator::load(dir.path(), "en-GB", err);
  REQUIRE(h);
  CHECK_FALSE(h->embedded());
  CHECK(h->points(U"hyphenation") == std::vector<unsigned>{6, 7});  // hyphen-a-tion: no hy-
}

TEST_CASE("a dictionary file with no compiled-in twin is parsed", "[typeset][hyphenate]") {
  const std::string text = dictionary("hyph_en_GB.dic");
  const auto compiled_in = typeset::patterns_for(text, typeset::embedded_dictionaries());
  const auto parsed = typeset::patterns_for(text, {});  // as in a build that found no dictionaries
  REQUIRE(compiled_in);
  REQUIRE(parsed);
  CHECK(compiled_in->borrowed() == kEmbedding);
  CHECK_FALSE(parsed->borrowed());
  std::size_t differ = 0;
  for (const std::string& w : all_words(text)) differ += hyphens(*parsed, w) != hyphens(*compiled_in, w);
  CHECK(differ == 0);

  test::TempDir dir;
  test::write_text(dir.file("hyph_xx.dic"), "UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\n1b\n");
  std::string err;
  const auto h = typeset::Hyphenator::load(dir.path(), "xx", err);
  REQUIRE(h);
  CHECK_FALSE(h->embedded());
  CHECK(h->points(U"abab", 1, 1) == std::vector<unsigned>{1, 3});
}

TEST_CASE("the Hyphenator serves Debian's English files from the compiled-in tables", "[typeset][hyphenate]") {
  const std::pair<const char*, std::vector<unsigned>> cases[] = {
      {"en-GB", {2, 6, 7}}, {"en-US", {2, 6}}, {"en", {2, 6}}};  // hy-phen-a-tion; hy-phen-ation
  for (const auto& [lang, points] : cases) {
    INFO(lang);
    std::string err;
    const auto h = typeset::Hyphenator::load(typeset::default_hyphen_dir(), lang, err);
    REQUIRE(h);
    CHECK(h->embedded() == kEmbedding);
    CHECK(h->points(U"hyphenation") == points);
  }
}
