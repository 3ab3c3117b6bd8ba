#include "layout/model.hpp"

#include <algorithm>
#include <cmath>

namespace briefing::layout {

namespace {
double channel(double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }
}  // namespace

double Colour::luminance() const {
  double r = c[0], g = c[0], b = c[0];
  if (space == Space::rgb) {
    r = c[0], g = c[1], b = c[2];
  } else if (space == Space::cmyk) {
    r = (1 - c[0]) * (1 - c[3]), g = (1 - c[1]) * (1 - c[3]), b = (1 - c[2]) * (1 - c[3]);
  }
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

const TextStyle& Layout::style(const std::string& name) const {
  const auto it = styles.find(name);
  if (it != styles.end()) return it->second;
  return styles.at("body");
}

const FontFamily* Layout::family(const std::string& name) const {
  for (const auto& f : families)
    if (f.name == name) return &f;
  return nullptr;
}

Colour Layout::colour(const std::string& name) const {
  const auto it = palette.find(name);
  return it == palette.end() ? Colour::grey(0) : it->second;
}

std::vector<std::string> Layout::font_files() const {
  std::vector<std::string> out;
  for (const auto& f : families)
    for (const auto& file : f.files)
      if (!file.empty() && std::find(out.begin(), out.end(), file) == out.end()) out.push_back(file);
  return out;
}

const std::vector<std::string>& required_styles() {
  static const std::vector<std::string> names = {
      "title",   "standfirst", "heading",  "body",    "callout",  "attribution", "box-title",
      "fact",    "who-name",   "who-role", "marking", "header",   "footer"};
  return names;
}

namespace {
TextStyle make(const std::string& name, const std::string& family, Face face, double size, double leading,
               const std::string& colour, Align align) {
  TextStyle s;
  s.name = name, s.family = family, s.face = face, s.size = size, s.leading = leading;
  s.colour = colour, s.align = align;
  s.fallback = {"dejavu"};
  return s;
}

FontFamily liberation(const std::string& name, const std::string& stem, const std::string& dir) {
  const std::string p = dir + "/Liberation" + stem + "-";
  return {name, {p + "Regular.ttf", p + "Italic.ttf", p + "Bold.ttf", p + "BoldItalic.ttf"}, {}};
}
}  // namespace

Layout default_layout(const std::string& fonts_dir) {
  Layout l;
  l.name = "default";
  l.palette = {{"black", Colour::grey(0)},
               {"white", Colour::grey(1)},
               {"ink", Colour::rgb(0.1, 0.1, 0.12)},
               {"accent", Colour::rgb(0x1f / 255.0, 0x3a / 255.0, 0x5f / 255.0)},
               {"tint", Colour::rgb(0xe4 / 255.0, 0xe9 / 255.0, 0xef / 255.0)},
               {"muted", Colour::rgb(0.33, 0.36, 0.40)}};
  l.families = {liberation("serif", "Serif", fonts_dir), liberation("sans", "Sans", fonts_dir)};
  const std::string dv = fonts_dir + "/DejaVuSans.ttf";
  l.families.push_back({"dejavu", {dv, dv, dv, dv}, {}});
  auto add = [&](TextStyle s) { l.styles[s.name] = std::move(s); };
  add(make("title", "sans", bold, 20, 24, "white", Align::left));
  add(make("standfirst", "sans", regular, 11, 14, "white", Align::left));
  add(make("heading", "sans", bold, 12, 15, "accent", Align::left));
  auto body = make("body", "serif", regular, 10, 13, "ink", Align::justify);
  body.hyphenate = true, body.space_after = 6;
  add(body);
  add(make("callout", "serif", italic, 13, 16, "accent", Align::left));
  add(make("attribution", "sans", regular, 8.5, 11, "muted", Align::left));
  add(make("box-title", "sans", bold, 11, 14, "accent", Align::left));
  auto fact = make("fact", "sans", regular, 8.5, 11, "ink", Align::left);
  fact.space_after = 4;
  add(fact);
  add(make("who-name", "sans", bold, 8.5, 11, "ink", Align::left));
  auto role = make("who-role", "sans", regular, 8.5, 11, "muted", Align::left);
  role.space_after = 5;
  add(role);
  auto marking = make("marking", "sans", bold, 8, 10, "ink", Align::centre);
  marking.letter_spacing = 1;
  add(marking);
  add(make("header", "sans", regular, 8, 10, "muted", Align::left));
  add(make("footer", "sans", regular, 8, 10, "muted", Align::left));
  return l;
}

}  // namespace briefing::layout
