#include "typeset/uniname.hpp"

#include <fmt/format.h>

#include <array>
#include <string_view>
#include <utility>

#include "base/text.hpp"
#include "typeset/uniname_data.hpp"

namespace briefing::typeset {

namespace {

/// Ranges whose names are "<prefix>-<hex code point>".
constexpr std::array<std::pair<std::pair<char32_t, char32_t>, std::string_view>, 8> kIdeographs = {{
    {{0x3400, 0x4DBF}, "CJK UNIFIED IDEOGRAPH"},
    {{0x4E00, 0x9FFF}, "CJK UNIFIED IDEOGRAPH"},
    {{0x20000, 0x2A6DF}, "CJK UNIFIED IDEOGRAPH"},
    {{0x2A700, 0x2EBE0}, "CJK UNIFIED IDEOGRAPH"},
    {{0x30000, 0x3134A}, "CJK UNIFIED IDEOGRAPH"},
    {{0xF900, 0xFA6D}, "CJK COMPATIBILITY IDEOGRAPH"},
    {{0xFA70, 0xFAD9}, "CJK COMPATIBILITY IDEOGRAPH"},
    {{0x2F800, 0x2FA1D}, "CJK COMPATIBILITY IDEOGRAPH"},
}};

/// Expands the table's abbreviations (see uniname_gen.py).
std::string expand(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '^' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    switch (s[++i]) {
      case 'C': out += "LATIN CAPITAL LETTER "; break;
      case 'S': out += "LATIN SMALL LETTER "; break;
      case 'W': out += " WITH "; break;
      case 'A': out += "ARROW"; break;
      case 'F': out += " FACE"; break;
      case 'Q': out += "QUOTATION MARK"; break;
      default: out += s[i];
    }
  }
  return out;
}

/// The `index`-th ';'-terminated field of a block's name list.
std::string_view field(std::string_view names, std::size_t index) {
  std::size_t start = 0;
  for (std::size_t k = 0; k < index; ++k) {
    start = names.find(';', start);
    if (start == std::string_view::npos) return {};
    ++start;
  }
  const std::size_t end = names.find(';', start);
  return names.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

/// Hangul syllable names from their jamo (Unicode §3.12).
std::string hangul(char32_t cp) {
  static constexpr std::array<std::string_view, 19> kLead = {"G",  "GG", "N", "D",  "DD", "R", "M", "B", "BB", "S",
                                                             "SS", "",   "J", "JJ", "C",  "K", "T", "P", "H"};
  static constexpr std::array<std::string_view, 21> kVowel = {"A",   "AE", "YA", "YAE", "EO", "E",  "YEO",
                                                              "YE",  "O",  "WA", "WAE", "OE", "YO", "U",
                                                              "WEO", "WE", "WI", "YU",  "EU", "YI", "I"};
  static constexpr std::array<std::string_view, 28> kTail = {"",   "G",  "GG", "GS", "N",  "NJ", "NH", "D", "L",  "LG",
                                                             "LM", "LB", "LS", "LT", "LP", "LH", "M",  "B", "BS", "S",
                                                             "SS", "NG", "J",  "C",  "K",  "T",  "P",  "H"};
  const unsigned s = static_cast<unsigned>(cp - 0xAC00);
  return fmt::format("HANGUL SYLLABLE {}{}{}", kLead[s / (21 * 28)], kVowel[(s % (21 * 28)) / 28], kTail[s % 28]);
}

}  // namespace

std::string unicode_name(char32_t cp) {
  for (const auto& [range, prefix] : kIdeographs)
    if (cp >= range.first && cp <= range.second) return fmt::format("{}-{:04X}", prefix, static_cast<unsigned>(cp));
  if (cp >= 0xAC00 && cp <= 0xD7A3) return hangul(cp);
  for (std::size_t b = 0; b < uninames::kBlockCount; ++b) {
    const auto& block = uninames::kBlocks[b];
    if (cp >= block.first && cp <= block.last) return expand(field(block.names, cp - block.first));
  }
  for (std::size_t k = 0; k < uninames::kSingleCount; ++k)
    if (uninames::kSingles[k].cp == cp) return expand(uninames::kSingles[k].name);
  return {};
}

std::string describe_char(char32_t cp) {
  std::string out = fmt::format("{} '{}'", base::codepoint_label(cp), base::utf8_encode(std::u32string(1, cp)));
  if (const std::string name = unicode_name(cp); !name.empty()) out += fmt::format(" ({})", name);
  return out;
}

}  // namespace briefing::typeset
