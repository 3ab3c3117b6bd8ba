#include "base/text.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cstring>

namespace briefing::base {

namespace {
bool is_xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/// Decodes one sequence at `i`; returns the code point or U+FFFD and advances `i`.
char32_t decode_one(std::string_view s, std::size_t& i, bool& ok) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  int len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if (b0 < 0x80) {
    ++i;
    return b0;
  } else if ((b0 & 0xE0) == 0xC0) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    ++i;
    ok = false;
    return 0xFFFD;
  }
  if (i + static_cast<std::size_t>(len) > s.size()) {
    i = s.size();
    ok = false;
    return 0xFFFD;
  }
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
    if ((b & 0xC0) != 0x80) {
      i += static_cast<std::size_t>(k);
      ok = false;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  i += static_cast<std::size_t>(len);
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ok = false;
    return 0xFFFD;
  }
  return cp;
}
}  // namespace

std::u32string utf8_decode(std::string_view s, bool* valid) {
  std::u32string out(s.size(), U'\0');  // at most one code point per byte, written in place
  char32_t* p = out.data();
  bool ok = true;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      *p++ = b, ++i;
    } else {
      *p++ = decode_one(s, i, ok);
    }
  }
  out.resize(static_cast<std::size_t>(p - out.data()));
  if (valid) *valid = ok;
  return out;
}

std::size_t utf8_first_invalid(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    bool ok = true;
    decode_one(s, i, ok);
    if (!ok) return at;
  }
  return std::string_view::npos;
}

namespace {
/// The bytes utf8_append() writes for a code point.
std::size_t utf8_length(char32_t cp) {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/// Writes them at `p` and returns the end.
char* put_utf8(char* p, char32_t cp) {
  if (cp < 0x80) {
    *p++ = static_cast<char>(cp);
  } else if (cp < 0x800) {
    *p++ = static_cast<char>(0xC0 | (cp >> 6));
    *p++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *p++ = static_cast<char>(0xE0 | (cp >> 12));
    *p++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *p++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *p++ = static_cast<char>(0xF0 | (cp >> 18));
    *p++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *p++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *p++ = static_cast<char>(0x80 | (cp & 0x3F));
  }
  return p;
}
}  // namespace

void utf8_append(std::string& out, char32_t cp) {
  char bytes[4];
  out.append(bytes, static_cast<std::size_t>(put_utf8(bytes, cp) - bytes));
}

std::string utf8_encode(std::u32string_view s) {
  std::size_t n = 0;
  for (char32_t c : s) n += utf8_length(c);
  std::string out(n, '\0');  // sized exactly: glyph runs keep their text for the document's life
  char* p = out.data();
  for (char32_t c : s) p = put_utf8(p, c);
  return out;
}

std::string collapse_space(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool in_space = false;
  for (char c : s) {
    if (is_xml_space(c)) {
      in_space = true;
      continue;
    }
    if (in_space) out += ' ';
    in_space = false;
    out += c;
  }
  if (in_space) out += ' ';
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_xml_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_xml_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string codepoint_label(char32_t cp) {
  return fmt::format("U+{:04X}", static_cast<std::uint32_t>(cp));
}

std::u32string to_upper(std::u32string_view s) {
  std::u32string out(s);
  for (char32_t& c : out) {
    const bool odd_lower = (c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177);
    const bool even_lower = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if ((c >= U'a' && c <= U'z') || (c >= 0xE0 && c <= 0xFE && c != 0xF7)) {
      c -= 0x20;
    } else if (c == 0xFF) {
      c = 0x178;
    } else if ((odd_lower && c % 2 == 1) || (even_lower && c % 2 == 0)) {
      c -= 1;
    }
  }
  return out;
}

namespace {
bool starts_code_point(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
}
}  // namespace

LineMap::LineMap(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  for (const char* p = begin; p != end && (p = static_cast<const char*>(std::memchr(p, '\n', end - p))); ++p)
    line_starts_.push_back(static_cast<std::size_t>(p - begin) + 1);
  std::size_t points = 0;
  for (std::size_t from = 0; from < text.size(); from += kStride) {
    stride_points_.push_back(points);
    const std::size_t to = std::min(text.size(), from + kStride);
    for (std::size_t i = from; i < to; ++i) points += starts_code_point(text[i]) ? 1 : 0;
  }
}

std::size_t LineMap::code_points_before(std::size_t offset) const {
  if (offset == 0 || stride_points_.empty()) return 0;
  const std::size_t k = std::min((offset - 1) / kStride, stride_points_.size() - 1);
  std::size_t points = stride_points_[k];
  for (std::size_t i = k * kStride; i < offset; ++i) points += starts_code_point(text_[i]) ? 1 : 0;
  return points;
}

std::pair<int, int> LineMap::locate(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());
  const std::size_t start = line_starts_[line - 1];
  std::size_t col = 1;
  if (offset - start <= kStride) {  // a line of usual length: count its code points directly
    for (std::size_t i = start; i < offset; ++i) col += starts_code_point(text_[i]) ? 1 : 0;
  } else {
    col += code_points_before(offset) - code_points_before(start);
  }
  return {static_cast<int>(line), static_cast<int>(col)};
}

}  // namespace briefing::base
