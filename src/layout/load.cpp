#include "layout/load.hpp"

#include <sys/stat.h>

#include <charconv>
#include <cmath>
#include <functional>
#include <pugixml.hpp>

#include <fmt/format.h>

#include "base/fileio.hpp"
#include "base/text.hpp"
#include "base/xmlpos.hpp"

namespace briefing::layout {

namespace {

bool file_exists(const std::string& p) {
  struct stat st {};
  return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string dir_of(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

bool parse_number(std::string_view s, double& v) {
  s = base::trim(s);
  if (s.empty()) return false;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size() && std::isfinite(v);
}

/// Reads a comma-separated list of `n` numbers inside "name(...)".
bool parse_call(std::string_view s, std::string_view name, std::size_t n, std::array<double, 4>& out) {
  if (s.substr(0, name.size()) != name || s.size() < name.size() + 2 || s.back() != ')' ||
      s[name.size()] != '(')
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
      const int hi = hex(s[1 + 2 * i]), lo = hex(s[2 + 2 * i]);
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

std::string resolve_layout(const std::string& name_or_path, const SearchPaths& paths) {
  if (name_or_path.find('/') != std::string::npos || name_or_path.ends_with(".xml")) return name_or_path;
  return paths.layouts_dir + "/" + name_or_path + ".xml";
}

namespace {

/// One attribute an element accepts and what to do with its value.
struct AttrSpec {
  std::string_view name;
  std::function<bool(std::string_view)> set;  ///< false when the value is invalid
  std::string_view expected;                  ///< description for the error message
};

/// State of one load: the text, the line map and the sink, with position helpers.
class Loader {
 public:
  Loader(std::string_view xml, const std::string& path, const SearchPaths& paths, base::DiagSink& diags)
      : xml_(xml), lines_(xml), path_(path), paths_(paths), diags_(diags) {}

  std::optional<Layout> run();

 private:
  base::SourcePos at(std::size_t offset) const {
    const auto [l, c] = lines_.locate(offset);
    return {path_, l, c};
  }
  base::SourcePos pos(const pugi::xml_node& n) const {
    const auto off = static_cast<std::size_t>(std::max<std::ptrdiff_t>(n.offset_debug(), 1));
    return at(off - 1);
  }
  base::SourcePos pos(const pugi::xml_node& n, std::string_view attr) const {
    const auto off = static_cast<std::size_t>(std::max<std::ptrdiff_t>(n.offset_debug(), 0));
    return at(base::attribute_offset(xml_, off, attr));
  }
  void error(base::SourcePos p, std::string msg) { diags_.error(std::move(p), std::move(msg)); }

  void apply(const pugi::xml_node& n, const std::vector<AttrSpec>& specs);
  AttrSpec length(std::string_view name, double& v, bool positive = false);
  AttrSpec number(std::string_view name, int& v, int min, int max);
  AttrSpec flag(std::string_view name, bool& v);
  AttrSpec text(std::string_view name, std::string& v);
  AttrSpec colour_ref(std::string_view name, std::string& v);
  template <typename E>
  AttrSpec choice(std::string_view name, E& v, std::vector<std::pair<std::string_view, E>> options);

  void page(const pugi::xml_node& n);
  void palette(const pugi::xml_node& n);
  void fonts(const pugi::xml_node& n);
  void styles(const pugi::xml_node& n);
  void check_references();
  void check_geometry(const pugi::xml_node& root);
  std::string resolve_font(std::string_view file) const;

  std::string_view xml_;
  base::LineMap lines_;
  std::string path_;
  SearchPaths paths_;
  base::DiagSink& diags_;
  Layout layout_;
  std::vector<std::pair<std::string, base::SourcePos>> colour_uses_;
  pugi::xml_node page_node_;
};

void Loader::apply(const pugi::xml_node& n, const std::vector<AttrSpec>& specs) {
  for (const auto& a : n.attributes()) {
    const std::string_view name = a.name();
    const auto it = std::find_if(specs.begin(), specs.end(), [&](const AttrSpec& s) { return s.name == name; });
    if (it == specs.end()) {
      std::vector<std::string_view> names;
      for (const auto& s : specs) names.push_back(s.name);
      const auto hint = base::did_you_mean(name, names);
      error(pos(n, name), fmt::format("unknown attribute '{}' on <{}>{}", name, n.name(),
                                      hint.empty() ? "" : fmt::format("; did you mean '{}'?", hint)));
    } else if (!it->set(a.value())) {
      error(pos(n, name),
            fmt::format("invalid value '{}' for '{}' on <{}>: expected {}", a.value(), name, n.name(), it->expected));
    }
  }
}

AttrSpec Loader::length(std::string_view name, double& v, bool positive) {
  return {name, [&v, positive](std::string_view s) {
            double x = 0;
            if (!parse_length(s, x) || x < 0 || (positive && x <= 0) || x > 14400) return false;
            v = x;
            return true;
          },
          positive ? "a positive length such as 10pt, 18mm or 0.5in" : "a length such as 10pt, 18mm or 0.5in"};
}

AttrSpec Loader::number(std::string_view name, int& v, int min, int max) {
  return {name, [&v, min, max](std::string_view s) {
            s = base::trim(s);
            int x = 0;
            const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), x);
            if (ec != std::errc() || p != s.data() + s.size() || x < min || x > max) return false;
            v = x;
            return true;
          },
          "a whole number"};
}

AttrSpec Loader::flag(std::string_view name, bool& v) {
  return {name, [&v](std::string_view s) {
            if (s == "yes" || s == "true") return v = true, true;
            if (s == "no" || s == "false") return v = false, true;
            return false;
          },
          "yes or no"};
}

AttrSpec Loader::text(std::string_view name, std::string& v) {
  return {name, [&v](std::string_view s) { return v = std::string(s), true; }, "text"};
}

AttrSpec Loader::colour_ref(std::string_view name, std::string& v) {
  return {name, [this, &v](std::string_view s) {
            v = std::string(base::trim(s));
            return true;
          },
          "a colour name"};
}

template <typename E>
AttrSpec Loader::choice(std::string_view name, E& v, std::vector<std::pair<std::string_view, E>> options) {
  std::string expected;
  for (const auto& [k, _] : options) expected += (expected.empty() ? "" : ", ") + std::string(k);
  return {name, [&v, options](std::string_view s) {
            for (const auto& [k, e] : options)
              if (k == s) return v = e, true;
            return false;
          },
          std::move(expected)};
}

std::string Loader::resolve_font(std::string_view file) const {
  const std::string f(file);
  if (f.empty()) return f;
  if (f.front() == '/') return f;
  const std::string beside = dir_of(path_) + "/" + f;
  if (file_exists(beside)) return beside;
  return paths_.fonts_dir + "/" + f;
}

void Loader::page(const pugi::xml_node& n) {
  page_node_ = n;
  Page& p = layout_.page;
  std::string size, orientation = "portrait";
  double margin = -1;
  apply(n, {text("size", size), choice<std::string>("orientation", orientation, {{"portrait", "portrait"},
                                                                                 {"landscape", "landscape"}}),
            length("width", p.width, true), length("height", p.height, true), length("margin", margin),
            length("margin-top", p.margin_top), length("margin-bottom", p.margin_bottom),
            length("margin-left", p.margin_left), length("margin-right", p.margin_right)});
  static const std::vector<std::pair<std::string_view, std::pair<double, double>>> sizes = {
      {"A3", {841.8898, 1190.5512}}, {"A4", {595.2756, 841.8898}}, {"A5", {419.5276, 595.2756}},
      {"Letter", {612, 792}},        {"Legal", {612, 1008}}};
  if (!size.empty()) {
    const auto it = std::find_if(sizes.begin(), sizes.end(), [&](const auto& s) { return s.first == size; });
    if (it == sizes.end()) {
      std::vector<std::string_view> names;
      for (const auto& s : sizes) names.push_back(s.first);
      const auto hint = base::did_you_mean(size, names);
      error(pos(n, "size"), fmt::format("unknown page size '{}'{}", size,
                                        hint.empty() ? "; use A3, A4, A5, Letter or Legal"
                                                     : fmt::format("; did you mean '{}'?", hint)));
    } else {
      p.width = it->second.first, p.height = it->second.second;
    }
  }
  if (orientation == "landscape" && p.width < p.height) std::swap(p.width, p.height);
  if (margin >= 0) {
    for (const char* side : {"margin-top", "margin-bottom", "margin-left", "margin-right"})
      if (n.attribute(side)) error(pos(n, side), fmt::format("'{}' conflicts with 'margin'", side));
    p.margin_top = p.margin_bottom = p.margin_left = p.margin_right = margin;
  }
}

void Loader::palette(const pugi::xml_node& n) {
  apply(n, {});
  for (const auto& c : n.children()) {
    if (c.type() != pugi::node_element) continue;
    if (std::string_view(c.name()) != "colour") {
      error(pos(c), fmt::format("unknown element <{}> in <palette>; expected <colour>", c.name()));
      continue;
    }
    std::string name, value;
    apply(c, {text("name", name), text("value", value)});
    Colour col;
    if (name.empty()) {
      error(pos(c), "<colour> is missing required attribute 'name'");
    } else if (!parse_colour(value, col)) {
      error(pos(c, "value"), fmt::format("invalid colour '{}': expected #rrggbb, grey(g), rgb(r,g,b) or "
                                         "cmyk(c,m,y,k) with components 0..1",
                                         value));
    } else {
      layout_.palette[name] = col;
    }
  }
}

void Loader::fonts(const pugi::xml_node& n) {
  apply(n, {});
  for (const auto& c : n.children()) {
    if (c.type() != pugi::node_element) continue;
    if (std::string_view(c.name()) != "family") {
      error(pos(c), fmt::format("unknown element <{}> in <fonts>; expected <family>", c.name()));
      continue;
    }
    FontFamily f;
    f.pos = pos(c);
    std::array<std::string, 4> given;
    apply(c, {text("name", f.name), text("regular", given[0]), text("italic", given[1]), text("bold", given[2]),
              text("bold-italic", given[3])});
    if (f.name.empty()) error(pos(c), "<family> is missing required attribute 'name'");
    if (given[0].empty()) error(pos(c), "<family> is missing required attribute 'regular'");
    static const char* attrs[] = {"regular", "italic", "bold", "bold-italic"};
    for (std::size_t i = 0; i < 4; ++i) {
      f.files[i] = resolve_font(given[i].empty() ? given[0] : given[i]);
      if (!given[i].empty() && !file_exists(f.files[i]))
        error(pos(c, attrs[i]), fmt::format("font file '{}' does not exist (looked in {} and {})", given[i],
                                            dir_of(path_), paths_.fonts_dir));
    }
    auto existing = std::find_if(layout_.families.begin(), layout_.families.end(),
                                 [&](const FontFamily& e) { return e.name == f.name; });
    if (existing != layout_.families.end()) {
      *existing = f;
    } else {
      layout_.families.push_back(f);
    }
  }
}

void Loader::styles(const pugi::xml_node& n) {
  apply(n, {});
  for (const auto& c : n.children()) {
    if (c.type() != pugi::node_element) continue;
    if (std::string_view(c.name()) != "style") {
      error(pos(c), fmt::format("unknown element <{}> in <styles>; expected <style>", c.name()));
      continue;
    }
    const std::string name = c.attribute("name").value();
    if (name.empty()) {
      error(pos(c), "<style> is missing required attribute 'name'");
      continue;
    }
    const auto& known = required_styles();
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      std::vector<std::string_view> names(known.begin(), known.end());
      const auto hint = base::did_you_mean(name, names);
      error(pos(c, "name"), fmt::format("unknown style '{}'{}", name,
                                        hint.empty() ? "" : fmt::format("; did you mean '{}'?", hint)));
      continue;
    }
    TextStyle& s = layout_.styles[name];
    s.pos = pos(c);
    std::string ignored, fallback;
    bool leading_given = c.attribute("leading");
    const double old_size = s.size, old_leading = s.leading;
    apply(c, {text("name", ignored), text("family", s.family),
              choice<Face>("face", s.face,
                           {{"regular", regular}, {"italic", italic}, {"bold", bold}, {"bold-italic", bold_italic}}),
              length("size", s.size, true), length("leading", s.leading, true), colour_ref("colour", s.colour),
              choice<Align>("align", s.align,
                            {{"left", Align::left}, {"right", Align::right}, {"centre", Align::centre},
                             {"center", Align::centre}, {"justify", Align::justify}}),
              flag("hyphenate", s.hyphenate), length("space-before", s.space_before),
              length("space-after", s.space_after), length("first-indent", s.first_indent),
              length("letter-spacing", s.letter_spacing), flag("uppercase", s.uppercase), text("fallback", fallback)});
    if (!leading_given && s.size != old_size) s.leading = old_leading * s.size / old_size;
    if (c.attribute("fallback")) {
      s.fallback.clear();
      for (std::string_view rest = fallback; !rest.empty();) {
        const auto comma = rest.find(',');
        const auto item = base::trim(rest.substr(0, comma));
        if (!item.empty()) s.fallback.emplace_back(item);
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
      }
    }
    colour_uses_.push_back({s.colour, pos(c, "colour")});
  }
}

void Loader::check_references() {
  std::vector<std::string_view> colours;
  for (const auto& [k, _] : layout_.palette) colours.push_back(k);
  for (const auto& [name, where] : colour_uses_) {
    if (name.empty() || layout_.palette.count(name)) continue;
    const auto hint = base::did_you_mean(name, colours);
    error(where, fmt::format("unknown colour '{}'{}", name,
                             hint.empty() ? "; define it in <palette>" : fmt::format("; did you mean '{}'?", hint)));
  }
  std::vector<std::string_view> fams;
  for (const auto& f : layout_.families) fams.push_back(f.name);
  for (const auto& [name, s] : layout_.styles) {
    for (const auto& fam : [&] {
           auto v = s.fallback;
           v.insert(v.begin(), s.family);
           return v;
         }()) {
      if (layout_.family(fam)) continue;
      const auto hint = base::did_you_mean(fam, fams);
      error(s.pos.line ? s.pos : base::SourcePos{path_, 1, 1},
            fmt::format("style '{}' uses unknown font family '{}'{}", name, fam,
                        hint.empty() ? "" : fmt::format("; did you mean '{}'?", hint)));
    }
  }
}

void Loader::check_geometry(const pugi::xml_node& root) {
  const Page& p = layout_.page;
  const auto where = page_node_ ? pos(page_node_) : pos(root);
  if (p.margin_left + p.margin_right >= p.width || p.margin_top + p.margin_bottom >= p.height) {
    error(where, fmt::format("margins ({:.1f} mm left + right, {:.1f} mm top + bottom) leave no room on a "
                             "{:.1f} x {:.1f} mm page",
                             (p.margin_left + p.margin_right) * 25.4 / 72, (p.margin_top + p.margin_bottom) * 25.4 / 72,
                             p.width * 25.4 / 72, p.height * 25.4 / 72));
    return;
  }
  const double content = p.width - p.margin_left - p.margin_right;
  const double side = layout_.sidebar.enabled ? layout_.sidebar.width + layout_.sidebar.gap : 0;
  const double main = content - side;
  const double col = (main - (layout_.main.columns - 1) * layout_.main.gutter) / layout_.main.columns;
  if (col < 72) {
    error(where, fmt::format("the main flow's columns would be {:.1f} mm wide; at least 25.4 mm is needed "
                             "(content width {:.1f} mm, sidebar {:.1f} mm)",
                             col * 25.4 / 72, content * 25.4 / 72, side * 25.4 / 72));
  }
}

std::optional<Layout> Loader::run() {
  const std::size_t errors_before = diags_.error_count();
  pugi::xml_document doc;
  const auto res = doc.load_buffer(xml_.data(), xml_.size(), pugi::parse_default | pugi::parse_doctype);
  if (!res) {
    error(at(static_cast<std::size_t>(std::max<std::ptrdiff_t>(res.offset, 0))),
          fmt::format("malformed xml: {}", base::to_lower_ascii(res.description())));
    return std::nullopt;
  }
  for (const auto& n : doc.children())
    if (n.type() == pugi::node_doctype) {
      const auto at_doctype = xml_.find("<!DOCTYPE");
      error(at(at_doctype == std::string_view::npos ? 0 : at_doctype), "doctype and entity declarations are not allowed");
      return std::nullopt;
    }
  const auto root = doc.document_element();
  if (std::string_view(root.name()) != "layout") {
    error(pos(root), fmt::format("expected root element <layout>, found <{}>", root.name()));
    return std::nullopt;
  }
  layout_ = default_layout(paths_.fonts_dir);
  layout_.path = path_;
  layout_.sources = {path_};
  apply(root, {text("name", layout_.name)});
  if (layout_.name.empty()) layout_.name = "layout";
  using Handler = std::function<void(const pugi::xml_node&)>;
  const std::vector<std::pair<std::string_view, Handler>> handlers = {
      {"page", [this](const pugi::xml_node& n) { page(n); }},
      {"palette", [this](const pugi::xml_node& n) { palette(n); }},
      {"fonts", [this](const pugi::xml_node& n) { fonts(n); }},
      {"styles", [this](const pugi::xml_node& n) { styles(n); }},
      {"title-band",
       [this](const pugi::xml_node& n) {
         auto& b = layout_.band;
         apply(n, {flag("enabled", b.enabled), colour_ref("fill", b.fill), length("padding", b.padding),
                   length("space-after", b.space_after), flag("bleed", b.bleed)});
         colour_uses_.push_back({b.fill, pos(n, "fill")});
       }},
      {"main",
       [this](const pugi::xml_node& n) {
         apply(n, {number("columns", layout_.main.columns, 1, 6), length("gutter", layout_.main.gutter)});
       }},
      {"sidebar",
       [this](const pugi::xml_node& n) {
         auto& s = layout_.sidebar;
         apply(n, {flag("enabled", s.enabled), length("width", s.width, true), length("gap", s.gap),
                   choice<bool>("side", s.right, {{"right", true}, {"left", false}})});
       }},
      {"key-facts",
       [this](const pugi::xml_node& n) {
         auto& k = layout_.facts;
         apply(n, {flag("enabled", k.enabled), text("title", k.title), colour_ref("fill", k.fill),
                   colour_ref("border", k.border), length("border-width", k.border_width),
                   length("padding", k.padding), length("radius", k.radius), number("max", k.max, 0, 1000),
                   text("bullet", k.bullet), length("space-after", k.space_after),
                   choice<Placement>("placement", k.placement,
                                     {{"sidebar", Placement::sidebar}, {"top", Placement::top}, {"end", Placement::end}})});
         colour_uses_.push_back({k.fill, pos(n, "fill")});
         colour_uses_.push_back({k.border, pos(n, "border")});
       }},
      {"callouts",
       [this](const pugi::xml_node& n) {
         auto& c = layout_.callouts;
         apply(n, {number("count", c.count, 0, 100),
                   choice<CalloutSelect>("select", c.select,
                                         {{"marked", CalloutSelect::marked},
                                          {"first", CalloutSelect::first},
                                          {"longest", CalloutSelect::longest}}),
                   colour_ref("rule", c.rule), length("rule-width", c.rule_width), length("indent", c.indent),
                   length("space", c.space), text("attribution", c.attribution)});
         colour_uses_.push_back({c.rule, pos(n, "rule")});
       }},
      {"who-is-who",
       [this](const pugi::xml_node& n) {
         auto& w = layout_.who;
         apply(n, {flag("enabled", w.enabled), text("title", w.title), colour_ref("rule", w.rule),
                   choice<WhoOrder>("order", w.order,
                                    {{"mention", WhoOrder::mention},
                                     {"surname", WhoOrder::surname},
                                     {"declared", WhoOrder::declared}}),
                   choice<Placement>("placement", w.placement, {{"sidebar", Placement::sidebar}, {"end", Placement::end}})});
         colour_uses_.push_back({w.rule, pos(n, "rule")});
       }},
      {"header",
       [this](const pugi::xml_node& n) {
         auto& h = layout_.header;
         apply(n, {text("left", h.left), text("centre", h.centre), text("right", h.right), text("style", h.style)});
       }},
      {"footer",
       [this](const pugi::xml_node& n) {
         auto& h = layout_.footer;
         apply(n, {text("left", h.left), text("centre", h.centre), text("right", h.right), text("style", h.style)});
       }},
      {"fit",
       [this](const pugi::xml_node& n) {
         apply(n, {number("max-pages", layout_.max_pages, 0, 10000),
                   length("min-body-size", layout_.min_body_size, true)});
       }},
  };
  for (const auto& n : root.children()) {
    if (n.type() == pugi::node_pcdata && !base::trim(n.value()).empty()) {
      error(pos(n), "text is not allowed directly in <layout>");
      continue;
    }
    if (n.type() != pugi::node_element) continue;
    const std::string_view name = n.name();
    const auto it = std::find_if(handlers.begin(), handlers.end(), [&](const auto& h) { return h.first == name; });
    if (it != handlers.end()) {
      it->second(n);
      continue;
    }
    std::vector<std::string_view> names;
    for (const auto& h : handlers) names.push_back(h.first);
    const auto hint = base::did_you_mean(name, names);
    error(pos(n), fmt::format("unknown element <{}> in <layout>{}", name,
                              hint.empty() ? "" : fmt::format("; did you mean <{}>?", hint)));
  }
  for (const auto& s : {layout_.header.style, layout_.footer.style})
    if (!layout_.styles.count(s)) error(pos(root), fmt::format("unknown style '{}' in header or footer", s));
  check_references();
  check_geometry(root);
  if (diags_.error_count() > errors_before) return std::nullopt;
  return std::move(layout_);
}

}  // namespace

std::optional<Layout> load_from_string(std::string_view xml, const std::string& path, const SearchPaths& paths,
                                       base::DiagSink& diags) {
  if (xml.starts_with("\xEF\xBB\xBF")) xml.remove_prefix(3);
  if (const auto bad = base::utf8_first_invalid(xml); bad != std::string_view::npos) {
    const auto [l, c] = base::LineMap(xml).locate(bad);
    diags.error({path, l, c}, "invalid utf-8");
    return std::nullopt;
  }
  return Loader(xml, path, paths, diags).run();
}

std::optional<Layout> load_file(const std::string& path, const SearchPaths& paths, base::DiagSink& diags) {
  std::string err;
  const auto text = base::read_file(path, err);
  if (!text) {
    diags.error({path, 0, 0}, fmt::format("cannot read file: {}", err));
    return std::nullopt;
  }
  return load_from_string(*text, path, paths, diags);
}

}  // namespace briefing::layout
