// Internal to hyphenation: libhyphen's answers from a pattern file, without libhyphen's automaton.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace briefing::typeset {

/// A state of the pattern automaton: its letters (arena[off, off + len)) and its pattern's match
/// (matches offset + 1, or 0 when the state is only a prefix of longer patterns).
struct PatternSlot {
  std::uint32_t off = 0;
  std::uint32_t len_match = 0;  ///< length in the top 8 bits, match + 1 in the low 24
};

/// A dictionary's tables, wherever they live: in a parsed PatternDict's own storage or compiled
/// into the program (typeset/embedded.hpp).
struct PatternTables {
  std::string_view arena;              ///< every pattern's letters, one after another
  std::string_view matches;            ///< the patterns' digit strings (leading zeros dropped), NUL-terminated
  std::span<const PatternSlot> table;  ///< open addressing, a power of two long
  std::uint32_t longest = 0;           ///< the longest pattern's letters
  int lhmin = 0, rhmin = 0;
  bool utf8 = false;
};

/// The patterns of a libhyphen dictionary, kept as parsed: a hash of every pattern's letters and
/// of every prefix of them (the states of the automaton hnj_hyphen_load would build), so that
/// loading is a single pass over the file and touches little memory. It reads those tables through
/// PatternTables views: of its own storage when parsed, or of constant tables compiled in (over()).
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

  /// Answers from tables that outlive it (constant data compiled in), without copying them.
  static std::unique_ptr<PatternDict> over(const PatternTables& tables);

  PatternDict(const PatternDict&) = delete;
  PatternDict& operator=(const PatternDict&) = delete;

  /// The tables it answers from: its own storage, or those it was made over.
  [[nodiscard]] const PatternTables& tables() const { return t_; }

  /// True when it answers from tables it does not own (see over()).
  [[nodiscard]] bool borrowed() const { return t_.table.data() != table_.data(); }

  /// Rehashes its own table into the smallest one at most three quarters full, as grow() keeps it
  /// (parse() sizes the table by the file's lines, with room to spare); answers are unchanged.
  void shrink();

  /// Fills `hyphens` (at least word.size() + 5 bytes) as hnj_hyphen_hyphenate3(dict, word, …,
  /// left, right, left, right) would for a word as described above; false where it would fail
  /// (a UTF-8 dictionary and a word that starts inside a character).
  bool hyphenate(std::string_view word, char* hyphens, int left, int right) const;

 private:
  PatternDict() = default;

  void add(std::string_view letters, std::string_view match);
  [[nodiscard]] const PatternSlot* find(std::string_view key) const;
  void grow();
  void rehash(std::size_t size);

  // A parsed dictionary's own storage, empty for one made over() constant tables.
  std::string arena_;
  std::string matches_;
  std::vector<PatternSlot> table_;
  std::size_t used_ = 0;
  PatternTables t_;  ///< what find() and hyphenate() read: views of the storage above, or of constant tables
};

}  // namespace briefing::typeset
