// Hyphenation with libhyphen and Debian's pattern dictionaries.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace briefing::typeset {

class PatternDict;

/// Finds the permitted break points of words in one language.
class Hyphenator {
 public:
  /// Loads the dictionary for a BCP 47 tag such as "en-GB" from `dir` (hyph_en_GB.dic, then
  /// hyph_en.dic); null with a reason in `error` when there is none.
  static std::unique_ptr<Hyphenator> load(const std::string& dir, std::string_view lang, std::string& error);
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  /// Indices i (in code points) where the word may break before word[i], honouring at least
  /// `left` letters before and `right` after a break. Only words of letters are hyphenated.
  [[nodiscard]] std::vector<unsigned> points(std::u32string_view word, unsigned left = 2, unsigned right = 3) const;

  /// The dictionary file in use.
  [[nodiscard]] const std::string& path() const { return path_; }

  /// True when it answers from tables compiled into the program (the file matched one of them).
  [[nodiscard]] bool embedded() const;

 private:
  Hyphenator() = default;
  void* dict_ = nullptr;                   // libhyphen's HyphenDict*, only for files PatternDict leaves to it
  std::unique_ptr<PatternDict> patterns_;  ///< the file's patterns, when PatternDict can answer for them
  std::string path_;
  mutable std::mutex mutex_;
  mutable std::unordered_map<std::u32string, std::vector<unsigned>> cache_;
};

/// A process-wide, thread-safe cache of hyphenators by language tag (loaded from
/// default_hyphen_dir()); null with a reason in `error` when the language has no dictionary.
[[nodiscard]] const Hyphenator* hyphenator_for(std::string_view lang, std::string& error);

/// The hyphenation dictionary folder compiled in (Debian: /usr/share/hyphen).
[[nodiscard]] std::string default_hyphen_dir();

/// True for letters the hyphenator handles (Latin letters incl. Latin-1 and Extended-A).
[[nodiscard]] bool is_word_letter(char32_t c);

/// True for a word (a run of non-space characters) that reads as a web or e-mail address: it
/// contains "://" or "www.", or an '@' followed later by a '.'. Such words are never broken.
[[nodiscard]] bool looks_like_address(std::u32string_view word);

/// A place inside a word where a line may break, before word[index].
struct WordBreak {
  unsigned index = 0;
  bool explicit_hyphen = false;  ///< the word has a hyphen or dash there; nothing is added
};

/// Every permitted break inside `word` (a run of non-space characters, in order) under the house
/// rules: addresses are never broken; a hyphen or dash breaks after itself when two characters
/// precede it, two follow, and it does not join two digits; letter runs are hyphenated by `h`
/// (2 letters before, 3 after) unless they are in capitals (acronyms) or touch a digit (numbers,
/// codes). `allowed[i]` false marks word[i] as part of a tagged name: no hyphenation inside it and
/// no break at its own hyphens; `soft` holds the author's soft-hyphen positions, which replace the
/// patterns for the letter run they fall in.
[[nodiscard]] std::vector<WordBreak> word_breaks(std::u32string_view word, const std::vector<bool>& allowed,
                                                 const Hyphenator* h, const std::vector<unsigned>& soft = {});

}  // namespace briefing::typeset
