#include "typeset/hyphenate.hpp"

#include <hyphen.h>
#include <sys/stat.h>

#include <cstdlib>

#include "base/text.hpp"

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

std::string default_hyphen_dir() { return BRIEFING_HYPHEN_DIR; }

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
    HyphenDict* d = hnj_hyphen_load(c.c_str());
    if (!d) continue;
    std::unique_ptr<Hyphenator> h(new Hyphenator());
    h->dict_ = d;
    h->path_ = c;
    return h;
  }
  error = "no hyphenation dictionary for '" + std::string(lang) + "' in " + dir;
  return nullptr;
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
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  const int rc = hnj_hyphen_hyphenate3(static_cast<HyphenDict*>(dict_), utf8.data(), static_cast<int>(utf8.size()),
                                       hyphens.data(), nullptr, &rep, &pos, &cut, static_cast<int>(left),
                                       static_cast<int>(right), static_cast<int>(left), static_cast<int>(right));
  if (rep) {
    // Non-standard hyphenation (replacements) is not supported: ignore such points.
    for (std::size_t i = 0; i < utf8.size(); ++i) std::free(rep[i]);
    std::free(rep);
  }
  std::free(pos);
  std::free(cut);
  if (rc == 0) {
    unsigned cp_index = 0;
    for (std::size_t b = 0; b < utf8.size(); ++b) {
      if ((static_cast<unsigned char>(utf8[b]) & 0xC0) == 0x80) continue;
      // byte b starts code point cp_index; find its last byte
      std::size_t e = b + 1;
      while (e < utf8.size() && (static_cast<unsigned char>(utf8[e]) & 0xC0) == 0x80) ++e;
      const unsigned after = cp_index + 1;
      if ((hyphens[e - 1] & 1) && after >= left && after + right <= key.size()) out.push_back(after);
      ++cp_index;
    }
  }
  cache_.emplace(std::move(key), out);
  return out;
}

}  // namespace briefing::typeset
