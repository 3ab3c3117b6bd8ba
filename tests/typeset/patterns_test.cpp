// The fast pattern loader builds the automaton libhyphen's own loader builds, state for state,
// and so hyphenates every word exactly as libhyphen does.
#include <catch2/catch.hpp>

#include <hyphen.h>

#include <map>
#include <regex>
#include <set>

#include "base/fileio.hpp"
#include "typeset/hyphenate.hpp"
#include "typeset/patterns.hpp"

using namespace briefing;

namespace {

/// Every state of a level by the string that leads to it, with its match, its fallback's
/// string and its transitions.
std::map<std::string, std::string> describe(const HyphenDict& d) {
  std::map<int, std::string> path = {{0, ""}};
  std::vector<int> todo = {0};
  while (!todo.empty()) {
    const int s = todo.back();
    todo.pop_back();
    for (int t = 0; t < d.states[s].num_trans; ++t) {
      path[d.states[s].trans[t].new_state] = path[s] + d.states[s].trans[t].ch;
      todo.push_back(d.states[s].trans[t].new_state);
    }
  }
  std::map<std::string, std::string> out;
  for (const auto& [s, p] : path) {
    const HyphenState& st = d.states[s];
    std::set<char> chars;
    for (int t = 0; t < st.num_trans; ++t) chars.insert(st.trans[t].ch);
    const std::string fb = st.fallback_state < 0 ? "-" : path.at(st.fallback_state);
    out[p] = std::string(st.match ? st.match : "(null)") + "|" + fb + "|" + std::string(chars.begin(), chars.end());
  }
  return out;
}

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

/// Words to compare on: every pattern's letters, and words with hyphens, apostrophes and capitals.
std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out = {"co-ordinating", "Britain’s", "don't", "re–entry", "GOVERNMENT", "x", "ab"};
  const std::regex letters(R"(^[^%0-9A-Z\s][^\s]*)", std::regex::multiline);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), letters); it != std::sregex_iterator(); ++it) {
    std::string w;
    for (char c : it->str())
      if (c != '.' && (c < '0' || c > '9')) w += c;
    out.push_back(w), out.push_back(w + "ingly"), out.push_back("un" + w);
  }
  return out;
}

}  // namespace

TEST_CASE("the fast pattern loader builds libhyphen's automaton", "[typeset][hyphenate]") {
  for (const char* name : {"hyph_en_GB.dic", "hyph_en_US.dic"}) {
    const std::string path = typeset::default_hyphen_dir() + "/" + name;
    std::string err;
    const auto text = base::read_file(path, err);
    REQUIRE(text);
    auto fast = typeset::PatternDict::parse(*text);
    REQUIRE(fast);
    HyphenDict* slow = hnj_hyphen_load(path.c_str());
    REQUIRE(slow);
    INFO(name);
    const HyphenDict& f = *fast->dict();
    CHECK(describe(f) == describe(*slow));
    REQUIRE(f.nextlevel);
    CHECK(describe(*f.nextlevel) == describe(*slow->nextlevel));
    CHECK(std::string(f.cset) == slow->cset);
    CHECK(f.utf8 == slow->utf8);
    CHECK(f.nohyphenl == slow->nohyphenl);
    for (const HyphenDict* a : {&f, static_cast<const HyphenDict*>(f.nextlevel)}) {
      const HyphenDict* b = a == &f ? slow : slow->nextlevel;
      CHECK((std::vector<int>{a->lhmin, a->rhmin, a->clhmin, a->crhmin} ==
             std::vector<int>{b->lhmin, b->rhmin, b->clhmin, b->crhmin}));
    }
    std::size_t differ = 0, checked = 0;
    for (const auto& w : words(*text)) {
      ++checked;
      if (hyphens(fast->dict(), w) != hyphens(slow, w)) ++differ;
    }
    CHECK(checked > 30000);
    CHECK(differ == 0);
    hnj_hyphen_free(slow);
  }
}

TEST_CASE("the fast pattern loader leaves unusual dictionaries to libhyphen", "[typeset][hyphenate]") {
  CHECK(typeset::PatternDict::parse("UTF-8\n1a\nNEXTLEVEL\n1b\n") == nullptr);
  CHECK(typeset::PatternDict::parse("UTF-8\nNOHYPHEN x\n") == nullptr);
  CHECK(typeset::PatternDict::parse("UTF-8\nf1f/ff=f,1,2\n") == nullptr);
  CHECK(typeset::PatternDict::parse("UTF-8\n" + std::string(120, 'a') + "\n") == nullptr);
  CHECK(typeset::PatternDict::parse(std::string("UTF-8\na\0b\n", 11)) == nullptr);
  CHECK(typeset::PatternDict::parse("UTF-8\n% a comment\n.ab1c\n") != nullptr);
}
