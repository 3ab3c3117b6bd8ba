// Internal to hyphenation: libhyphen's answers from a pattern file, without libhyphen's automaton.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace briefing::typeset {

/// The patterns of a libhyphen dictionary, kept as parsed: a hash of every pattern's letters and
/// of every prefix of them (the states of the automaton hnj_hyphen_load would build), so that
/// loading is a single pass over the file and touches little memory.
///
/// hyphenate() answers as hnj_hyphen_hyphenate3 does with the dictionary hnj_hyphen_load builds
/// (same hyphens buffer, byte for byte) for the words the Hyphenator hands it: words of letters,
/// without digits, hyphens, dashes or apostrophes, so that libhyphen's first (compound) level and
/// its NOHYPHEN list never apply. It walks the word as libhyphen's automaton does: at each byte
/// the state is the longest suffix read so far that is a prefix of some pattern, and only that
/// state's own pattern, if it is one, is applied.
class PatternDict {
 public:
  /// Parses the file's bytes; null for what is left to libhyphen: NEXTLEVEL, NOHYPHEN,
  /// replacement patterns, over-long lines and NUL bytes.
  static std::unique_ptr<PatternDict> parse(std::string_view text);

  /// Fills `hyphens` (at least word.size() + 5 bytes) as hnj_hyphen_hyphenate3(dict, word, …,
  /// left, right, left, right) would for a word as described above; false where it would fail
  /// (a UTF-8 dictionary and a word that starts inside a character).
  bool hyphenate(std::string_view word, char* hyphens, int left, int right) const;

 private:
  PatternDict() = default;

  /// A state: its letters (arena_[off, off + len)) and its pattern's match (matches_ offset + 1,
  /// or 0 when the state is only a prefix of longer patterns).
  struct Slot {
    std::uint32_t off = 0;
    std::uint32_t len_match = 0;  ///< length in the top 8 bits, match + 1 in the low 24
  };

  void add(std::string_view letters, std::string_view match);
  [[nodiscard]] const Slot* find(std::string_view key) const;
  void grow();

  std::string arena_;    ///< every pattern's letters, one after another
  std::string matches_;  ///< the patterns' digit strings (leading zeros dropped), NUL-terminated
  std::vector<Slot> table_;
  std::size_t used_ = 0;
  std::size_t longest_ = 0;
  int lhmin_ = 0, rhmin_ = 0;
  bool utf8_ = false;
};

}  // namespace briefing::typeset
