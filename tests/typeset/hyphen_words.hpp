// Test helpers for the pattern hash: libhyphen's and PatternDict's answers side by side, and
// word lists to compare them on.
#pragma once

#include <hyphen.h>

#include <algorithm>
#include <cstdlib>
#include <regex>
#include <string>
#include <vector>

#include "base/text.hpp"
#include "typeset/hyphenate.hpp"
#include "typeset/patterns.hpp"

namespace briefing::test {

/// hnj_hyphen_hyphenate3's answer for a word, as the Hyphenator calls it.
inline std::string hyphens(HyphenDict* d, const std::string& word) {
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

/// The fast answer for the same word, in a buffer of the same size.
inline std::string hyphens(const typeset::PatternDict& d, const std::string& word) {
  std::vector<char> h(word.size() + 5, 0);
  d.hyphenate(word, h.data(), 2, 3);
  return std::string(h.data(), word.size());
}

/// True for what the Hyphenator hands to the patterns: a word of letters only.
inline bool letters_only(const std::string& word) {
  bool ok = true;
  const std::u32string w = base::utf8_decode(word, &ok);
  return ok && !w.empty() && std::all_of(w.begin(), w.end(), typeset::is_word_letter);
}

/// Words to compare on: every pattern's letters with endings and prefixes added, words with
/// accented letters and capitals; only words of letters are kept, as the Hyphenator hyphenates
/// nothing else.
inline std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out = {"government",  "GOVERNMENT", "x",           "ab",     "abc",
                                  "naïve",       "café",       "précédent",   "zürich", "señorita",
                                  "hyphenation", "Britain",    "coordinating"};
  const std::regex letters(R"(^[^%0-9A-Z\s][^\s]*)", std::regex::multiline);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), letters); it != std::sregex_iterator(); ++it) {
    std::string w;
    for (char c : it->str())
      if (c != '.' && (c < '0' || c > '9')) w += c;
    for (const std::string& v : {w, w + "ingly", "un" + w, w + "ation", "é" + w + "s"})
      if (letters_only(v)) out.push_back(v);
  }
  return out;
}

/// The runs of letters of a text (words as the Hyphenator sees them), as written and in lower
/// case, each once.
inline std::vector<std::string> text_words(const std::string& text) {
  std::vector<std::string> out;
  std::u32string run;
  auto flush = [&] {
    if (!run.empty()) {
      out.push_back(base::utf8_encode(run));
      for (char32_t& c : run)
        if ((c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) c += 0x20;
      out.push_back(base::utf8_encode(run));
    }
    run.clear();
  };
  for (char32_t c : base::utf8_decode(text)) {
    if (typeset::is_word_letter(c)) {
      run += c;
    } else {
      flush();
    }
  }
  flush();
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace briefing::test
