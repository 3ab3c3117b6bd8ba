// Parsing of attribute values: lengths with units and colours in several spaces.
#include <charconv>
#include <cmath>

#include "base/text.hpp"
#include "layout/load.hpp"

namespace briefing::layout {

namespace {

/// Reads a comma-separated list of `n` numbers in 0..1 inside "name(...)".
bool parse_call(std::string_view s, std::string_view name, std::size_t n, std::array<double, 4>& out) {
  if (s.substr(0, name.size()) != name || s.size() < name.size() + 2 || s.back() != ')' || s[name.size()] != '(')
    return false;
  std::string_view args = s.substr(name.size() + 1, s.size() - name.size() - 2);
  for (std::size_t i = 0; i < n; ++i) {
    const auto comma = args.find(',');
    if ((comma == std::string_view::npos) != (i + 1 == n)) return false;
    if (!parse_number(args.substr(0, comma), out[i]) || out[i] < 0 || out[i] > 1) return false;
    args = comma == std::string_view::npos ? std::string_view{} : args.substr(comma + 1);
  }
  return true;
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

bool parse_number(std::string_view s, double& v) {
  s = base::trim(s);
  if (s.empty()) return false;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size() && std::isfinite(v);
}

bool parse_length(std::string_view s, double& pt) {
  s = base::trim(s);
  double scale = 1;
  if (s.ends_with("mm")) {
    scale = 72.0 / 25.4, s.remove_suffix(2);
  } else if (s.ends_with("cm")) {
    scale = 72.0 / 2.54, s.remove_suffix(2);
  } else if (s.ends_with("in")) {
    scale = 72.0, s.remove_suffix(2);
  } else if (s.ends_with("pt")) {
    s.remove_suffix(2);
  }
  double v = 0;
  if (!parse_number(s, v)) return false;
  pt = v * scale;
  return true;
}

bool parse_colour(std::string_view s, Colour& out) {
  s = base::trim(s);
  if (s.size() == 7 && s[0] == '#') {
    std::array<double, 4> c{};
    for (int i = 0; i < 3; ++i) {
      const int hi = hex(s[static_cast<std::size_t>(1 + 2 * i)]), lo = hex(s[static_cast<std::size_t>(2 + 2 * i)]);
      if (hi < 0 || lo < 0) return false;
      c[static_cast<std::size_t>(i)] = (hi * 16 + lo) / 255.0;
    }
    out = {Colour::Space::rgb, c};
    return true;
  }
  std::array<double, 4> c{};
  if (parse_call(s, "grey", 1, c) || parse_call(s, "gray", 1, c)) return out = {Colour::Space::grey, c}, true;
  if (parse_call(s, "rgb", 3, c)) return out = {Colour::Space::rgb, c}, true;
  if (parse_call(s, "cmyk", 4, c)) return out = {Colour::Space::cmyk, c}, true;
  return false;
}

}  // namespace briefing::layout
