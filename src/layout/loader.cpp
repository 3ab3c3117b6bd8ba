// The layout loader's core: attribute specs, positions, the run over a file, and final checks.
#include "layout/loader.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>

#include <sys/stat.h>

#include <fmt/format.h>

#include "base/fileio.hpp"
#include "base/xmlpos.hpp"

namespace briefing::layout::detail {

std::string dir_of(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
}

base::SourcePos Loader::at(std::size_t offset) const {
  const auto [l, c] = lines_.locate(offset);
  return {path_, l, c};
}

base::SourcePos Loader::pos(const pugi::xml_node& n) const {
  const auto off = static_cast<std::size_t>(std::max<std::ptrdiff_t>(n.offset_debug(), 1));
  return at(n.type() == pugi::node_element ? off - 1 : off);
}

base::SourcePos Loader::pos(const pugi::xml_node& n, std::string_view attr) const {
  const auto off = static_cast<std::size_t>(std::max<std::ptrdiff_t>(n.offset_debug(), 0));
  return at(base::attribute_offset(xml_, off, attr));
}

void Loader::unknown(const pugi::xml_node& n, std::string_view what, std::string_view parent,
                     const std::vector<std::string_view>& known) {
  const auto hint = base::did_you_mean(n.name(), known);
  (void)what;
  error(pos(n), fmt::format("unknown element <{}> in <{}>{}", n.name(), parent,
                            hint.empty() ? "" : fmt::format("; did you mean <{}>?", hint)));
}

void Loader::apply(const pugi::xml_node& n, const std::vector<AttrSpec>& specs) {
  std::vector<std::string_view> seen;
  for (const auto& a : n.attributes()) {
    const std::string_view name = a.name();
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
      error(pos(n, name), fmt::format("attribute '{}' is given twice on <{}>", name, n.name()));
      continue;
    }
    seen.push_back(name);
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
  return {name,
          [&v, positive](std::string_view s) {
            double x = 0;
            if (!parse_length(s, x) || x < 0 || (positive && x <= 0) || x > 14400) return false;
            v = x;
            return true;
          },
          positive ? "a positive length such as 10pt, 18mm or 0.5in" : "a length such as 10pt, 18mm or 0.5in"};
}

AttrSpec Loader::number(std::string_view name, int& v, int min, int max) {
  return {name,
          [&v, min, max](std::string_view s) {
            s = base::trim(s);
            int x = 0;
            const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), x);
            if (ec != std::errc() || p != s.data() + s.size() || x < min || x > max) return false;
            v = x;
            return true;
          },
          fmt::format("a whole number from {} to {}", min, max)};
}

AttrSpec Loader::flag(std::string_view name, bool& v) {
  return {name,
          [&v](std::string_view s) {
            if (s == "yes" || s == "true") return v = true, true;
            if (s == "no" || s == "false") return v = false, true;
            return false;
          },
          "yes or no"};
}

AttrSpec Loader::text(std::string_view name, std::string& v) {
  return {name, [&v](std::string_view s) { return v = std::string(s), true; }, "text"};
}

AttrSpec Loader::colour_ref(std::string_view name, std::string& v, const pugi::xml_node& n) {
  colour_uses_.push_back({"", pos(n, name)});
  const std::size_t slot = colour_uses_.size() - 1;
  const bool optional = name == "border" || name == "rule";
  return {name,
          [this, &v, slot, optional](std::string_view s) {
            v = std::string(base::trim(s));
            colour_uses_[slot].first = v;
            return optional || !v.empty();
          },
          optional ? "a colour name, or nothing for none" : "a colour name from the palette"};
}

std::string Loader::resolve_file(std::string_view file, const std::string& fallback_dir) const {
  const std::string f(file);
  if (f.empty() || f.front() == '/') return f;
  const std::string beside = dir_of(path_) + "/" + f;
  if (base::is_regular_file(beside)) return beside;
  return fallback_dir + "/" + f;
}

namespace {

std::optional<std::filesystem::path> canonical_or_null(const std::filesystem::path& p) {
  std::error_code ec;
  auto c = std::filesystem::weakly_canonical(p, ec);
  if (ec) return std::nullopt;
  return c;
}

/// True when `path` lies in `dir` or below it (both resolved).
bool is_within(const std::optional<std::filesystem::path>& path, const std::optional<std::filesystem::path>& dir) {
  if (!path || !dir) return false;
  const auto rel = path->lexically_relative(*dir);
  return !rel.empty() && *rel.begin() != "..";
}

}  // namespace

const std::optional<std::filesystem::path>& Loader::real_dir(const std::string& dir) {
  auto [it, fresh] = real_dirs_.try_emplace(dir);
  if (fresh) it->second = canonical_or_null(dir);
  return it->second;
}

std::optional<std::filesystem::path> Loader::real_path(const std::string& path) {
  namespace fs = std::filesystem;
  const fs::path p(path);
  const fs::path name = p.filename();
  struct stat st {};
  // A plain file in a folder: the resolved folder and the name. A symbolic link, "." or "..":
  // the whole path, resolved afresh.
  if (name.empty() || name == "." || name == ".." || ::lstat(path.c_str(), &st) != 0 || S_ISLNK(st.st_mode))
    return canonical_or_null(p);
  const auto& dir = real_dir(p.parent_path().empty() ? std::string(".") : p.parent_path().string());
  if (!dir) return std::nullopt;
  return *dir / name;
}

bool Loader::confined(const std::string& resolved, std::string_view given, std::string_view what,
                      const base::SourcePos& where) {
  if (paths_.allow_outside_files) return true;
  const auto file = real_path(resolved);
  if (is_within(file, real_dir(dir_of(path_))) || is_within(file, real_dir(paths_.fonts_dir))) return true;
  error(where, fmt::format("{} file '{}' is outside the layout's folder and {}; pass --allow-outside-files to use it",
                           what, given, paths_.fonts_dir));
  return false;
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
    std::vector<std::string> used = s.fallback;
    used.insert(used.begin(), s.family);
    for (const auto& fam : used) {
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
  const auto mm = [](double pt) { return pt * 25.4 / 72; };
  if (p.margin_left + p.margin_right >= p.width || p.margin_top + p.margin_bottom >= p.height) {
    error(where, fmt::format("margins ({:.1f} mm left + right, {:.1f} mm top + bottom) leave no room on a "
                             "{:.1f} x {:.1f} mm page",
                             mm(p.margin_left + p.margin_right), mm(p.margin_top + p.margin_bottom), mm(p.width),
                             mm(p.height)));
    return;
  }
  const double content = p.width - p.margin_left - p.margin_right;
  const double side = layout_.sidebar.enabled ? layout_.sidebar.width + layout_.sidebar.gap : 0;
  const double col = (content - side - (layout_.main.columns - 1) * layout_.main.gutter) / layout_.main.columns;
  auto last_of = [&](std::initializer_list<std::string_view> names) {
    for (auto it = element_pos_.rbegin(); it != element_pos_.rend(); ++it)
      for (auto n : names)
        if (it->first == n) return it->second;
    return where;
  };
  if (layout_.main.enabled && col < 72)
    error(last_of({"sidebar", "main", "page"}),
          fmt::format("the main flow's columns would be {:.1f} mm wide; at least 25.4 mm is needed "
                      "(content width {:.1f} mm, sidebar and gap {:.1f} mm)",
                      mm(col), mm(content), mm(side)));
}

void Loader::check_placements(const pugi::xml_node& root) {
  auto where = [&](std::string_view element) {
    for (auto it = element_pos_.rbegin(); it != element_pos_.rend(); ++it)
      if (it->first == element) return it->second;
    return pos(root);
  };
  const bool side = layout_.sidebar.enabled;
  auto need_sidebar = [&](bool used, std::string_view element, std::string_view what) {
    if (used && !side)
      error(where(element), fmt::format("{} is placed in the sidebar, but the sidebar is disabled; choose another "
                                        "placement or enable <sidebar>",
                                        what));
  };
  need_sidebar(layout_.facts.enabled && layout_.facts.placement == Placement::sidebar, "key-facts",
               "the key-facts box");
  need_sidebar(layout_.who.enabled && layout_.who.placement == Placement::sidebar, "who-is-who", "the who-is-who list");
  need_sidebar(layout_.main.enabled && layout_.callouts.count > 0 && layout_.callouts.placement == Placement::sidebar,
               "callouts", "the callouts");
  if (!layout_.main.enabled && layout_.facts.enabled && layout_.facts.placement == Placement::after_paragraph)
    error(where("key-facts"), "the key-facts box is placed after a paragraph, but the main flow is disabled");
}

std::optional<Layout> Loader::run(const ParentLoader& parent) {
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
      error(at(at_doctype == std::string_view::npos ? 0 : at_doctype),
            "doctype and entity declarations are not allowed");
      return std::nullopt;
    }
  const auto root = doc.document_element();
  if (std::string_view(root.name()) != "layout") {
    error(pos(root), fmt::format("expected root element <layout>, found <{}>", root.name()));
    return std::nullopt;
  }
  if (const auto ext = root.attribute("extends")) {
    auto base = parent(ext.value(), pos(root, "extends"));
    if (!base) return std::nullopt;
    layout_ = std::move(*base);
  } else {
    layout_ = default_layout(paths_.fonts_dir);
    layout_.sources.clear();
  }
  layout_.name.clear();
  layout_.path = path_;
  layout_.sources.insert(layout_.sources.begin(), path_);
  std::string ignored;
  apply(root, {text("name", layout_.name), text("extends", ignored)});
  if (layout_.name.empty())
    layout_.name = std::string(base::trim(dir_of(path_) == "." ? path_ : path_.substr(dir_of(path_).size() + 1)));
  if (layout_.name.ends_with(".xml")) layout_.name.resize(layout_.name.size() - 4);
  for (const auto& n : root.children()) element(n);
  check_references();
  check_geometry(root);
  check_placements(root);
  if (diags_.error_count() > errors_before) return std::nullopt;
  return std::move(layout_);
}

}  // namespace briefing::layout::detail
