#include "typeset/hyphenate.hpp"

#include <hyphen.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>

#include "base/fileio.hpp"
#include "base/text.hpp"
#include "typeset/embedded.hpp"
#include "typeset/patterns.hpp"

namespace briefing::typeset {

namespace {
bool exists(const std::string& p) {
  struct stat st {};
  return ::stat(p.c_str(), &st) == 0;
}

char32_t lower(char32_t c) {
  if ((c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 0x20;
  return c;
}
}  // namespace

std::string default_hyphen_dir() {
  return BRIEFING_HYPHEN_DIR;
}

const Hyphenator* hyphenator_for(std::string_view lang, std::string& error) {
  static std::mutex mutex;
  static std::unordered_map<std::string, std::unique_ptr<Hyphenator>> cache;
  std::lock_guard lock(mutex);
  auto& slot = cache[std::string(lang)];
  if (!slot) slot = Hyphenator::load(default_hyphen_dir(), lang, error);
  return slot.get();
}

bool is_word_letter(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

std::unique_ptr<Hyphenator> Hyphenator::load(const std::string& dir, std::string_view lang, std::string& error) {
  std::string tag(lang);
  for (char& c : tag)
    if (c == '-') c = '_';
  const auto us = tag.find('_');
  std::vector<std::string> candidates = {dir + "/hyph_" + tag + ".dic"};
  if (us != std::string::npos) candidates.push_back(dir + "/hyph_" + tag.substr(0, us) + ".dic");
  for (const auto& c : candidates) {
    if (!exists(c)) continue;
    std::unique_ptr<Hyphenator> h(new Hyphenator());
    std::string read_error;
    if (const auto text = base::read_file(c, read_error)) h->patterns_ = patterns_for(*text, embedded_dictionaries());
    if (!h->patterns_) h->dict_ = hnj_hyphen_load(c.c_str());
    if (!h->patterns_ && !h->dict_) continue;
    h->path_ = c;
    return h;
  }
  error = "no hyphenation dictionary for '" + std::string(lang) + "' in " + dir;
  return nullptr;
}

bool Hyphenator::embedded() const {
  return patterns_ && patterns_->borrowed();
}

Hyphenator::~Hyphenator() {
  if (dict_) hnj_hyphen_free(static_cast<HyphenDict*>(dict_));
}

std::vector<unsigned> Hyphenator::points(std::u32string_view word, unsigned left, unsigned right) const {
  std::vector<unsigned> out;
  if (word.size() < left + right) return out;
  for (char32_t c : word)
    if (!is_word_letter(c)) return out;
  std::u32string key(word.size(), 0);
  for (std::size_t i = 0; i < word.size(); ++i) key[i] = lower(word[i]);
  std::lock_guard lock(mutex_);
  if (const auto it = cache_.find(key); it != cache_.end()) return it->second;
  const std::string utf8 = base::utf8_encode(key);
  std::vector<char> hyphens(utf8.size() + 5, 0);
  int rc = 0;
  if (patterns_) {
    rc = patterns_->hyphenate(utf8, hyphens.data(), static_cast<int>(left), static_cast<int>(right)) ? 0 : 1;
  } else {
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    rc = hnj_hyphen_hyphenate3(static_cast<HyphenDict*>(dict_), utf8.data(), static_cast<int>(utf8.size()),
                               hyphens.data(), nullptr, &rep, &pos, &cut, static_cast<int>(left),
                               static_cast<int>(right), static_cast<int>(left), static_cast<int>(right));
    if (rep) {
      // Non-standard hyphenation (replacements) is not supported: ignore such points.
      for (std::size_t i = 0; i < utf8.size(); ++i) std::free(rep[i]);
      std::free(rep);
    }
    std::free(pos);
    std::free(cut);
  }
  if (rc == 0) {
    // With a UTF-8 dictionary libhyphen (and PatternDict, which matches it) gives one entry per
    // character, not per byte: an odd entry i allows a break after character i.
    for (unsigned i = 0; i < key.size(); ++i) {
      const unsigned after = i + 1;
      if ((hyphens[i] & 1) && after >= left && after + right <= key.size()) out.push_back(after);
    }
  }
  cache_.emplace(std::move(key), out);
  return out;
}

namespace {
/// ASCII digits.
bool is_digit(char32_t c) {
  return c >= U'0' && c <= U'9';
}
/// Hyphens and dashes a line may break after.
bool is_dash(char32_t c) {
  return c == U'-' || c == 0x2010 || c == 0x2013 || c == 0x2014;
}
/// Capital letters (those lower() changes).
bool is_upper(char32_t c) {
  return lower(c) != c;
}

/// True when the letters word[from, to) are hyphenated by the patterns: not an acronym in
/// capitals and not part of an alphanumeric token such as "92nd" or "A380".
bool run_hyphenatable(std::u32string_view word, std::size_t from, std::size_t to) {
  if (from > 0 && is_digit(word[from - 1])) return false;
  if (to < word.size() && is_digit(word[to])) return false;
  return !std::all_of(word.begin() + static_cast<std::ptrdiff_t>(from), word.begin() + static_cast<std::ptrdiff_t>(to),
                      is_upper);
}

/// The break after a hyphen or dash at `i`, when the rules allow one there.
bool dash_break(std::u32string_view word, const std::vector<bool>& allowed, std::size_t i) {
  if (!is_dash(word[i]) || i < 2 || i + 3 > word.size()) return false;
  if (!allowed[i]) return false;  // a hyphen inside a tagged name
  return !(is_digit(word[i - 1]) && is_digit(word[i + 1])) && !is_dash(word[i + 1]);
}
}  // namespace

bool looks_like_address(std::u32string_view word) {
  if (word.find(U"://") != std::u32string_view::npos || word.find(U"www.") != std::u32string_view::npos ||
      word.find(U"WWW.") != std::u32string_view::npos)
    return true;
  const auto at = word.find(U'@');
  return at != std::u32string_view::npos && word.find(U'.', at + 1) != std::u32string_view::npos;
}

std::vector<WordBreak> word_breaks(std::u32string_view word, const std::vector<bool>& allowed, const Hyphenator* h,
                                   const std::vector<unsigned>& soft) {
  std::vector<WordBreak> out;
  if (looks_like_address(word) || allowed.size() < word.size()) return out;
  for (std::size_t i = 0; i < word.size();) {
    if (!is_word_letter(word[i]) || !allowed[i]) {
      if (dash_break(word, allowed, i)) out.push_back({static_cast<unsigned>(i + 1), true});
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < word.size() && is_word_letter(word[j]) && allowed[j]) ++j;
    std::vector<unsigned> points;
    const bool has_soft = std::any_of(soft.begin(), soft.end(), [&](unsigned p) { return p > i && p < j; });
    for (unsigned p : soft)
      if (p >= i + 2 && p + 3 <= j) points.push_back(p);
    if (!has_soft && h && run_hyphenatable(word, i, j))
      for (unsigned p : h->points(word.substr(i, j - i))) points.push_back(static_cast<unsigned>(i + p));
    for (unsigned p : points) out.push_back({p, false});
    i = j;
  }
  return out;
}

}  // namespace briefing::typeset
