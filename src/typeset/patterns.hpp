// Internal to hyphenation: libhyphen's pattern automaton built without libhyphen's loader.
#pragma once

#include <hyphen.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace briefing::typeset {

/// The HyphenDict that hnj_hyphen_load builds from a pattern file (a level for hyphens and
/// apostrophes whose next level holds the file's patterns), built in a fraction of the time:
/// libhyphen's loader spends most of it in a string hash table and one allocation per state.
/// The states, matches, transitions and fallbacks are the same, so hnj_hyphen_hyphenate3
/// answers exactly as before. Owns all its memory: never pass it to hnj_hyphen_free.
/// One level's automaton and the memory its pointers refer to.
struct PatternLevel {
  HyphenDict dict{};
  std::vector<HyphenState> states;
  std::vector<HyphenTrans> trans;
  std::string matches;  ///< the states' match strings, NUL-terminated
};

class PatternDict {
 public:
  /// Builds the automaton from the file's bytes; null for what this loader leaves to libhyphen:
  /// NEXTLEVEL, NOHYPHEN, replacement patterns, over-long lines and NUL bytes.
  static std::unique_ptr<PatternDict> parse(std::string_view text);
  PatternDict(const PatternDict&) = delete;
  PatternDict& operator=(const PatternDict&) = delete;

  /// The top level, for hnj_hyphen_hyphenate3.
  [[nodiscard]] HyphenDict* dict() { return &top_.dict; }

 private:
  PatternDict() = default;

  PatternLevel patterns_;  ///< the file's patterns
  PatternLevel top_;       ///< the default first level: breaks at hyphens and apostrophes
  std::string nohyphen_;   ///< top_'s NOHYPHEN list, as libhyphen stores it
};

}  // namespace briefing::typeset
