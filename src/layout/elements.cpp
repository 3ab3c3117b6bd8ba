// The layout loader's element handlers: one function per element of the format.
#include <algorithm>

#include <fmt/format.h>

#include "base/fileio.hpp"
#include "layout/image.hpp"
#include "layout/loader.hpp"

namespace briefing::layout::detail {

namespace {
const std::vector<std::pair<std::string_view, std::pair<double, double>>>& page_sizes() {
  static const std::vector<std::pair<std::string_view, std::pair<double, double>>> sizes = {
      {"A3", {841.8898, 1190.5512}},
      {"A4", {595.2756, 841.8898}},
      {"A5", {419.5276, 595.2756}},
      {"Letter", {612, 792}},
      {"Legal", {612, 1008}}};
  return sizes;
}
}  // namespace

void Loader::element(const pugi::xml_node& n) {
  if (n.type() == pugi::node_pcdata && !base::trim(n.value()).empty()) {
    error(pos(n), "text is not allowed directly in <layout>");
    return;
  }
  if (n.type() != pugi::node_element) return;
  using Handler = void (Loader::*)(const pugi::xml_node&);
  static const std::vector<std::pair<std::string_view, Handler>> handlers = {
      {"page", &Loader::page},        {"palette", &Loader::palette},  {"fonts", &Loader::fonts},
      {"styles", &Loader::styles},    {"title-band", &Loader::boxes}, {"main", &Loader::boxes},
      {"sidebar", &Loader::boxes},    {"key-facts", &Loader::boxes},  {"callouts", &Loader::boxes},
      {"who-is-who", &Loader::boxes}, {"header", &Loader::boxes},     {"footer", &Loader::boxes},
      {"marking", &Loader::boxes},    {"fit", &Loader::boxes},        {"image", &Loader::image}};
  const std::string_view name = n.name();
  element_pos_.push_back({std::string(name), pos(n)});
  for (const auto& [k, h] : handlers)
    if (k == name) return (this->*h)(n);
  std::vector<std::string_view> names;
  for (const auto& h : handlers) names.push_back(h.first);
  unknown(n, "element", "layout", names);
}

void Loader::children_none(const pugi::xml_node& n) {
  for (const auto& c : n.children()) {
    if (c.type() == pugi::node_element) {
      error(pos(c), fmt::format("<{}> cannot contain <{}>", n.name(), c.name()));
    } else if (c.type() == pugi::node_pcdata && !base::trim(c.value()).empty()) {
      error(pos(c), fmt::format("text is not allowed in <{}>", n.name()));
    }
  }
}

void Loader::page(const pugi::xml_node& n) {
  page_node_ = n;
  Page& p = layout_.page;
  p.pos = pos(n);
  std::string size, orientation;
  double margin = -1;
  apply(n, {text("size", size),
            choice<std::string>("orientation", orientation, {{"portrait", "portrait"}, {"landscape", "landscape"}}),
            length("width", p.width, true), length("height", p.height, true), length("margin", margin),
            length("margin-top", p.margin_top), length("margin-bottom", p.margin_bottom),
            length("margin-left", p.margin_left), length("margin-right", p.margin_right), length("bleed", p.bleed),
            flag("crop-marks", p.crop_marks)});
  children_none(n);
  if (!size.empty()) {
    const auto& sizes = page_sizes();
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
      if (orientation.empty()) orientation = "portrait";
    }
    for (const char* dim : {"width", "height"})
      if (n.attribute(dim)) error(pos(n, dim), fmt::format("'{}' conflicts with 'size'", dim));
  }
  // Orientation applies when given (or with a named size); otherwise the page keeps its shape.
  if (!orientation.empty() && (orientation == "landscape") != (p.width > p.height)) std::swap(p.width, p.height);
  if (margin >= 0) {
    for (const char* side : {"margin-top", "margin-bottom", "margin-left", "margin-right"})
      if (n.attribute(side)) error(pos(n, side), fmt::format("'{}' conflicts with 'margin'", side));
    p.margin_top = p.margin_bottom = p.margin_left = p.margin_right = margin;
  }
  if (p.bleed > 36) error(pos(n, "bleed"), "bleed of more than 12.7 mm (36 pt) is not supported");
}

void Loader::palette(const pugi::xml_node& n) {
  apply(n, {});
  for (const auto& c : n.children()) {
    if (c.type() != pugi::node_element) continue;
    if (std::string_view(c.name()) != "colour") {
      unknown(c, "element", "palette", {"colour"});
      continue;
    }
    std::string name, value;
    apply(c, {text("name", name), text("value", value)});
    name = std::string(base::trim(name));
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
  static const char* attrs[] = {"regular", "italic", "bold", "bold-italic"};
  for (const auto& c : n.children()) {
    if (c.type() != pugi::node_element) continue;
    if (std::string_view(c.name()) != "family") {
      unknown(c, "element", "fonts", {"family"});
      continue;
    }
    FontFamily f;
    f.pos = pos(c);
    std::array<std::string, 4> given;
    apply(c, {text("name", f.name), text("regular", given[0]), text("italic", given[1]), text("bold", given[2]),
              text("bold-italic", given[3])});
    if (f.name.empty()) error(pos(c), "<family> is missing required attribute 'name'");
    if (given[0].empty()) error(pos(c), "<family> is missing required attribute 'regular'");
    for (std::size_t i = 0; i < 4; ++i) {
      f.files[i] = resolve_file(given[i].empty() ? given[0] : given[i], paths_.fonts_dir);
      if (given[i].empty() || !confined(f.files[i], given[i], "font", pos(c, attrs[i]))) continue;
      if (!base::is_regular_file(f.files[i]))
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
      unknown(c, "element", "styles", {"style"});
      continue;
    }
    style(c);
  }
}

void Loader::style(const pugi::xml_node& c) {
  const std::string name = c.attribute("name").value();
  if (name.empty()) {
    error(pos(c), "<style> is missing required attribute 'name'");
    return;
  }
  const auto& known = required_styles();
  if (std::find(known.begin(), known.end(), name) == known.end()) {
    std::vector<std::string_view> names(known.begin(), known.end());
    const auto hint = base::did_you_mean(name, names);
    error(pos(c, "name"),
          fmt::format("unknown style '{}'{}", name, hint.empty() ? "" : fmt::format("; did you mean '{}'?", hint)));
    return;
  }
  TextStyle& s = layout_.styles[name];
  s.pos = pos(c);
  std::string ignored, fallback;
  const bool leading_given = c.attribute("leading");
  const double old_size = s.size, old_leading = s.leading;
  apply(c, {text("name", ignored), text("family", s.family),
            choice<Face>("face", s.face,
                         {{"regular", regular}, {"italic", italic}, {"bold", bold}, {"bold-italic", bold_italic}}),
            length("size", s.size, true), length("leading", s.leading, true), colour_ref("colour", s.colour, c),
            choice<Align>("align", s.align,
                          {{"left", Align::left},
                           {"right", Align::right},
                           {"centre", Align::centre},
                           {"center", Align::centre},
                           {"justify", Align::justify}}),
            flag("hyphenate", s.hyphenate), length("space-before", s.space_before),
            length("space-after", s.space_after), length("first-indent", s.first_indent),
            length("letter-spacing", s.letter_spacing), flag("uppercase", s.uppercase), text("fallback", fallback)});
  children_none(c);
  if (s.size > 500) error(pos(c, "size"), "a text size above 500 pt is not supported");
  // libharu refuses character spacing beyond 300 pt; no text wants more than a fraction of its size.
  if (s.letter_spacing > 100) error(pos(c, "letter-spacing"), "letter-spacing above 100 pt is not supported");
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
}

void Loader::running(const pugi::xml_node& n, Running& r) {
  apply(n, {text("left", r.left), text("centre", r.centre), text("center", r.centre), text("right", r.right),
            text("style", r.style)});
  const auto& known = required_styles();
  if (std::find(known.begin(), known.end(), r.style) == known.end()) {
    const auto hint = base::did_you_mean(r.style, std::vector<std::string_view>(known.begin(), known.end()));
    error(pos(n, "style"),
          fmt::format("unknown style '{}'{}", r.style, hint.empty() ? "" : fmt::format("; did you mean '{}'?", hint)));
  }
  for (const auto* t : {&r.left, &r.centre, &r.right})
    check_fields(n, *t, {"title", "date", "marking", "page", "pages", "source", "place"});
}

void Loader::check_fields(const pugi::xml_node& n, const std::string& tmpl,
                          const std::vector<std::string_view>& known) {
  for (std::size_t open = tmpl.find('{'); open != std::string::npos; open = tmpl.find('{', open + 1)) {
    const auto close = tmpl.find('}', open);
    if (close == std::string::npos) {
      error(pos(n), fmt::format("unclosed '{{' in template '{}'", tmpl));
      return;
    }
    const std::string field = tmpl.substr(open + 1, close - open - 1);
    if (std::find(known.begin(), known.end(), field) != known.end()) continue;
    const auto hint = base::did_you_mean(field, known);
    std::string list;
    for (auto k : known) list += (list.empty() ? "{" : ", {") + std::string(k) + "}";
    error(pos(n), fmt::format("unknown field '{{{}}}' in template '{}'; {}", field, tmpl,
                              hint.empty() ? "fields are " + list : fmt::format("did you mean '{{{}}}'?", hint)));
  }
}

void Loader::image(const pugi::xml_node& n) {
  Image img;
  img.pos = pos(n);
  std::string file, pages = "first";
  apply(n, {text("src", file), choice<std::string>("pages", pages, {{"first", "first"}, {"all", "all"}}),
            length("x", img.x), length("y", img.y), length("width", img.width), length("height", img.height)});
  children_none(n);
  img.every_page = pages == "all";
  if (file.empty()) {
    error(pos(n), "<image> is missing required attribute 'src'");
    return;
  }
  img.file = resolve_file(file, dir_of(path_));
  if (!confined(img.file, file, "image", pos(n, "src"))) return;
  if (!base::is_regular_file(img.file)) {
    error(pos(n, "src"), fmt::format("image file '{}' does not exist", file));
    return;
  }
  ImageInfo info;
  std::string why;
  if (!probe_image(img.file, info, why)) {
    error(pos(n, "src"), fmt::format("image '{}' cannot be used: {}", file, why));
    return;
  }
  if (img.width <= 0 && img.height <= 0) {
    error(pos(n), "<image> needs a 'width' or a 'height'");
    return;
  }
  // The missing dimension follows the image's own proportions.
  if (img.width <= 0) img.width = img.height * info.width / info.height;
  if (img.height <= 0) img.height = img.width * info.height / info.width;
  layout_.images.push_back(img);
}

void Loader::boxes(const pugi::xml_node& n) {
  const std::string_view name = n.name();
  children_none(n);
  if (name == "title-band") {
    auto& b = layout_.band;
    apply(n, {flag("enabled", b.enabled), colour_ref("fill", b.fill, n), length("padding", b.padding),
              length("space-after", b.space_after), flag("bleed", b.bleed), flag("dateline", b.dateline)});
  } else if (name == "main") {
    auto& m = layout_.main;
    apply(n, {flag("enabled", m.enabled), number("columns", m.columns, 1, 6), length("gutter", m.gutter),
              flag("balance", m.balance)});
  } else if (name == "sidebar") {
    auto& s = layout_.sidebar;
    std::string pages = s.following_pages ? "all" : "first";
    apply(n, {flag("enabled", s.enabled), length("width", s.width, true), length("gap", s.gap),
              choice<bool>("side", s.right, {{"right", true}, {"left", false}}),
              choice<std::string>("pages", pages, {{"first", "first"}, {"all", "all"}})});
    s.following_pages = pages == "all";
  } else if (name == "key-facts") {
    auto& k = layout_.facts;
    apply(n, {flag("enabled", k.enabled), text("title", k.title), colour_ref("fill", k.fill, n),
              colour_ref("border", k.border, n), length("border-width", k.border_width), length("padding", k.padding),
              length("radius", k.radius), number("max", k.max, 0, 1000), text("bullet", k.bullet),
              length("space-after", k.space_after), number("after-paragraph", k.after_paragraph, 1, 100000),
              choice<FactSource>(
                  "facts", k.source,
                  {{"all", FactSource::all}, {"tagged", FactSource::tagged}, {"listed", FactSource::listed}}),
              choice<Placement>("placement", k.placement,
                                {{"sidebar", Placement::sidebar},
                                 {"top", Placement::top},
                                 {"end", Placement::end},
                                 {"after-paragraph", Placement::after_paragraph}})});
    if (n.attribute("after-paragraph") && k.placement != Placement::after_paragraph)
      error(pos(n, "after-paragraph"), "'after-paragraph' needs placement=\"after-paragraph\"");
  } else if (name == "callouts") {
    auto& c = layout_.callouts;
    apply(
        n,
        {number("count", c.count, 0, 100),
         choice<CalloutSelect>(
             "select", c.select,
             {{"marked", CalloutSelect::marked}, {"first", CalloutSelect::first}, {"longest", CalloutSelect::longest}}),
         choice<Placement>("placement", c.placement,
                           {{"column", Placement::column}, {"span", Placement::span}, {"sidebar", Placement::sidebar}}),
         colour_ref("rule", c.rule, n), length("rule-width", c.rule_width), flag("marks", c.marks),
         length("indent", c.indent), length("space", c.space), text("attribution", c.attribution)});
    check_fields(n, c.attribution, {"name", "role", "affiliation"});
  } else if (name == "who-is-who") {
    auto& w = layout_.who;
    apply(n, {flag("enabled", w.enabled), text("title", w.title), colour_ref("rule", w.rule, n), flag("role", w.role),
              flag("affiliation", w.affiliation), number("columns", w.columns, 1, 2),
              choice<WhoOrder>(
                  "order", w.order,
                  {{"mention", WhoOrder::mention}, {"surname", WhoOrder::surname}, {"declared", WhoOrder::declared}}),
              choice<Placement>("placement", w.placement, {{"sidebar", Placement::sidebar}, {"end", Placement::end}})});
  } else if (name == "header") {
    running(n, layout_.header);
  } else if (name == "footer") {
    running(n, layout_.footer);
  } else if (name == "marking") {
    apply(n, {flag("top", layout_.marking.top), flag("bottom", layout_.marking.bottom)});
  } else if (name == "fit") {
    apply(n, {number("max-pages", layout_.max_pages, 0, 10000), length("min-body-size", layout_.min_body_size, true)});
  }
}

}  // namespace briefing::layout::detail
