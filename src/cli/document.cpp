#include "cli/document.hpp"

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <ostream>

#include <fmt/format.h>

#include "base/fileio.hpp"
#include "compose/compose.hpp"

namespace briefing::cli {

namespace {

namespace fs = std::filesystem;

/// The layouts folder: the option, else ./layouts, else ../layouts and ../../layouts from the program.
std::string find_layouts_dir(const Options& o, const std::string& program) {
  if (!o.layouts_dir.empty()) return o.layouts_dir;
  if (base::is_directory("layouts")) return "layouts";
  std::error_code ec;
  const fs::path exe = fs::canonical("/proc/self/exe", ec);
  const fs::path base = ec ? fs::path(program).parent_path() : exe.parent_path();
  for (const auto& up : {base / "layouts", base / ".." / "layouts", base / ".." / ".." / "layouts"})
    if (base::is_directory(up.string())) return up.lexically_normal().string();
  return "layouts";
}

}  // namespace

layout::SearchPaths search_paths(const Options& o, const std::string& program) {
  layout::SearchPaths paths;
  paths.layouts_dir = find_layouts_dir(o, program);
  paths.fonts_dir =
      o.fonts_dir.empty() ? (fs::path(paths.layouts_dir) / ".." / "fonts").lexically_normal().string() : o.fonts_dir;
  paths.allow_outside_files = o.allow_outside_files;
  return paths;
}

std::optional<std::int64_t> source_date_epoch(base::DiagSink& diags) {
  const char* v = std::getenv("SOURCE_DATE_EPOCH");
  if (!v || !*v) return std::nullopt;
  std::int64_t t = 0;
  const std::string_view s(v);
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), t);
  if (ec != std::errc() || p != s.data() + s.size() || t < 0) {
    diags.warning({"SOURCE_DATE_EPOCH", 0, 0}, fmt::format("ignored: '{}' is not a whole number of seconds", s));
    return std::nullopt;
  }
  return t;
}

std::string article_id(const article::Article& art) {
  return art.meta.id.empty() ? fs::path(art.path).stem().string() : art.meta.id;
}

std::string layout_name(const layout::Layout& lay) {
  return lay.name.empty() ? fs::path(lay.path).stem().string() : lay.name;
}

std::string output_name(const article::Article& art, const layout::Layout& lay) {
  return article_id(art) + "-" + layout_name(lay) + ".pdf";
}

bool is_layout_name(const std::string& name) {
  return name.find('/') == std::string::npos && !name.ends_with(".xml");
}

std::optional<Rendered> render_document(const article::Article& art, const layout::Layout& lay,
                                        typeset::FontBook& fonts, const pdf::Options& options,
                                        const std::string& target, base::DiagSink& diags) {
  const auto doc = compose::compose(art, lay, fonts, diags);
  if (!doc) return std::nullopt;
  Rendered r;
  std::string error;
  if (!pdf::render(*doc, fonts, options, r.bytes, error)) {
    diags.error({target, 0, 0}, error);
    return std::nullopt;
  }
  r.pages = doc->pages.size();
  return r;
}

void print_diagnostics(const base::DiagSink& diags, bool quiet, std::ostream& err) {
  for (const auto& d : diags.items())
    if (!quiet || d.severity == base::Severity::error) err << base::format(d) << '\n';
}

}  // namespace briefing::cli
