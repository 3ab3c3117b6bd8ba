#include "typeset/patterns.hpp"

#include <hyphen.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace briefing::typeset {

namespace {

/// The byte of a string as the unsigned number libhyphen compares.
unsigned byte_of(char c) {
  return static_cast<unsigned char>(c);
}

constexpr std::uint32_t kFnvBasis = 2166136261u;

/// One more byte of FNV-1a.
std::uint32_t fnv_step(std::uint32_t h, char c) {
  return (h ^ byte_of(c)) * 16777619u;
}

/// The table index bits of an FNV-1a value.
std::uint32_t mix(std::uint32_t h) {
  return h ^ (h >> 15);
}

/// FNV-1a over the key's bytes, mixed.
std::uint32_t hash_of(std::string_view key) {
  std::uint32_t h = kFnvBasis;
  for (char c : key) h = fnv_step(h, c);
  return mix(h);
}

/// Byte equality of short keys.
bool same(const char* a, const char* b, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

/// A number after a keyword, read as hnj_hyphen_load reads it (atoi).
int number(std::string_view line, std::size_t skip) {
  return std::atoi(std::string(line.substr(skip)).c_str());
}

constexpr std::uint32_t kMaxMatch = (1u << 24) - 1;

}  // namespace

const PatternSlot* PatternDict::find(std::string_view key) const {
  const std::size_t mask = t_.table.size() - 1;
  for (std::size_t i = hash_of(key) & mask;; i = (i + 1) & mask) {
    const PatternSlot& s = t_.table[i];
    const std::size_t len = s.len_match >> 24;
    if (len == 0) return nullptr;
    if (len == key.size() && same(t_.arena.data() + s.off, key.data(), len)) return &s;
  }
}

void PatternDict::shrink() {
  std::size_t cap = 1024;
  while (3 * cap < 4 * used_) cap *= 2;
  if (cap >= table_.size()) return;
  rehash(cap);
  t_.table = table_;
}

void PatternDict::grow() {
  rehash(2 * table_.size());
}

void PatternDict::rehash(std::size_t size) {
  std::vector<PatternSlot> old(size);
  old.swap(table_);
  const std::size_t mask = table_.size() - 1;
  for (const PatternSlot& s : old) {
    if ((s.len_match >> 24) == 0) continue;
    std::size_t i = hash_of({arena_.data() + s.off, s.len_match >> 24}) & mask;
    while ((table_[i].len_match >> 24) != 0) i = (i + 1) & mask;
    table_[i] = s;
  }
}

/// Adds a pattern's letters with its match, and every prefix of them as a state.
void PatternDict::add(std::string_view letters, std::string_view match) {
  if (letters.empty()) return;  // the start state's match is never applied
  const std::size_t n = letters.size();
  const auto off = static_cast<std::uint32_t>(arena_.size());
  arena_.append(letters);
  const auto match_at = static_cast<std::uint32_t>(matches_.size());
  matches_.append(match).push_back('\0');
  t_.longest = std::max(t_.longest, static_cast<std::uint32_t>(n));
  while (4 * (used_ + n) > 3 * table_.size()) grow();  // room for every prefix, so no slot moves below
  // The prefixes' hashes, shortest first; then the prefixes longest first: once one is there,
  // every shorter one is too (it was added with it), so the walk stops there.
  std::uint32_t hashes[MAX_CHARS];
  std::uint32_t h = kFnvBasis;
  for (std::size_t k = 0; k < n; ++k) hashes[k] = h = fnv_step(h, letters[k]);
  const std::size_t mask = table_.size() - 1;
  for (std::size_t k = n; k >= 1; --k) {
    std::size_t i = mix(hashes[k - 1]) & mask;
    for (;; i = (i + 1) & mask) {
      const std::size_t len = table_[i].len_match >> 24;
      if (len == 0 || (len == k && same(arena_.data() + table_[i].off, letters.data(), k))) break;
    }
    PatternSlot& s = table_[i];
    const bool known = (s.len_match >> 24) != 0;
    if (!known) {
      s = {off, static_cast<std::uint32_t>(k) << 24};
      ++used_;
    }
    if (k == n) s.len_match = (static_cast<std::uint32_t>(k) << 24) | (match_at + 1);  // the last wins
    if (known) break;
  }
}

std::unique_ptr<PatternDict> PatternDict::parse(std::string_view text) {
  if (text.find('\0') != std::string_view::npos) return nullptr;
  std::unique_ptr<PatternDict> d(new PatternDict());
  // libhyphen reads the character set with fgets into 20 bytes and the lines into 100.
  std::size_t at = std::min(text.find('\n'), text.size());
  const std::string_view first = text.substr(0, at);
  if (first.size() >= MAX_NAME - 1) return nullptr;
  d->t_.utf8 = first.substr(0, first.find('\r')) == "UTF-8";
  const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  // States are about 1.25 per pattern line; the table stays under three quarters full.
  std::size_t cap = 1024;
  while (3 * cap < 4 * 2 * lines) cap *= 2;
  d->table_.resize(cap);
  d->arena_.reserve(text.size() / 2);
  d->matches_.reserve(text.size() / 2 + 16);
  char letters[MAX_CHARS], digits[MAX_CHARS];
  for (at = at + 1; at < text.size();) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    const std::string_view line = text.substr(at, end - at);
    at = end + 1;
    if (line.size() >= MAX_CHARS - 1) return nullptr;
    if (!line.empty() && std::strchr("%CLNR", line[0])) {  // the keywords and comments, tested only here
      if (line.starts_with("NEXTLEVEL") || line.starts_with("NOHYPHEN")) return nullptr;
      if (line.starts_with("%")) continue;
      if (line.starts_with("LEFTHYPHENMIN")) {
        d->t_.lhmin = number(line, 13);
        continue;
      }
      if (line.starts_with("RIGHTHYPHENMIN")) {
        d->t_.rhmin = number(line, 14);
        continue;
      }
      if (line.starts_with("COMPOUNDLEFTHYPHENMIN") || line.starts_with("COMPOUNDRIGHTHYPHENMIN")) continue;
    }
    if (std::memchr(line.data(), '/', line.size())) return nullptr;
    // A pattern, read as hnj_hyphen_load_line reads it: a digit belongs to the gap before the
    // next letter (the last digit of a run wins); leading zeros are dropped from the match.
    std::size_t j = 0;
    digits[0] = '0';
    for (std::size_t i = 0; i < line.size() && byte_of(line[i]) > ' ' && j < MAX_CHARS - 2; ++i) {
      if (line[i] >= '0' && line[i] <= '9') {
        digits[j] = line[i];
      } else {
        letters[j] = line[i];
        digits[++j] = '0';
      }
    }
    std::size_t zeros = 0;
    while (zeros <= j && digits[zeros] == '0') ++zeros;
    const std::size_t from = std::min(zeros, j + 1);
    if (d->matches_.size() + (j + 1 - from) + 1 > kMaxMatch) return nullptr;
    d->add({letters, j}, {digits + from, j + 1 - from});
  }
  d->t_.arena = d->arena_;
  d->t_.matches = d->matches_;
  d->t_.table = d->table_;
  return d;
}

std::unique_ptr<PatternDict> PatternDict::over(const PatternTables& tables) {
  std::unique_ptr<PatternDict> d(new PatternDict());
  d->t_ = tables;
  return d;
}

bool PatternDict::hyphenate(std::string_view word, char* hyphens, int left, int right) const {
  const int size = static_cast<int>(word.size());
  auto at = [&](int i) { return i < size ? word[static_cast<std::size_t>(i)] : '\0'; };
  // hnj_hyphen_hyph_ on the patterns (the first level never matches such a word): the word
  // between dots, digits as dots.
  std::string prep;
  prep.reserve(word.size() + 2);
  prep.push_back('.');
  for (char c : word) prep.push_back(c >= '0' && c <= '9' ? '.' : c);
  prep.push_back('.');
  const int j = static_cast<int>(prep.size());
  std::fill(hyphens, hyphens + j, '0');
  std::size_t state = 0;  // length of the longest suffix read that is a state
  for (int i = 0; i < j; ++i) {
    const PatternSlot* found = nullptr;
    std::size_t len = std::min({state + 1, static_cast<std::size_t>(i) + 1, static_cast<std::size_t>(t_.longest)});
    for (; len > 0; --len)
      if ((found = find(std::string_view(prep).substr(static_cast<std::size_t>(i) + 1 - len, len)))) break;
    state = len;
    if (!found || (found->len_match & kMaxMatch) == 0) continue;
    const char* match = t_.matches.data() + (found->len_match & kMaxMatch) - 1;
    const int offset = i + 1 - static_cast<int>(std::strlen(match));
    for (int k = offset < 0 ? -offset : 0; match[k]; ++k)
      if (hyphens[offset + k] < match[k]) hyphens[offset + k] = match[k];
  }
  int i = 0;
  for (; i < j - 3; ++i) hyphens[i] = hyphens[i + 1];
  for (; i < size; ++i) hyphens[i] = '0';
  hyphens[size] = '\0';
  // hnj_hyphen_lhmin and hnj_hyphen_rhmin, as hnj_hyphen_hyphenate3 calls them.
  left = std::max(left, t_.lhmin);
  right = std::max(right, t_.rhmin);
  if (left <= 0) left = 2;
  if (right <= 0) right = 2;
  auto continuation = [&](int k) { return (byte_of(at(k)) & 0xC0) == 0x80; };
  int n = 1;
  for (int k = 0; n < left && at(k) != '\0'; ++n) do {
      hyphens[k] = '0';
      ++k;
    } while (t_.utf8 && continuation(k));
  n = 0;
  for (int k = size - 1; n < right && k > 0; --k) {
    hyphens[k] = '0';
    if (!t_.utf8 || (byte_of(at(k)) & 0xC0) == 0xC0 || (byte_of(at(k)) & 0x80) != 0x80) ++n;
  }
  // hnj_hyphen_norm: one entry per character, from its last byte; a word that starts inside a
  // character is an error there.
  if (!t_.utf8) return true;
  if (continuation(0)) return false;
  int c = -1;
  for (int b = 0; b < size; ++b) {
    if (!continuation(b)) ++c;
    hyphens[c] = hyphens[b];
  }
  hyphens[c + 1] = '\0';
  return true;
}

}  // namespace briefing::typeset
