#include "cli/job.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "article/load.hpp"
#include "base/fileio.hpp"
#include "compose/compose.hpp"
#include "cli/options.hpp"
#include "layout/load.hpp"
#include "pdf/write.hpp"

namespace briefing::cli {

namespace {

namespace fs = std::filesystem;

bool is_dir(const std::string& p) {
  struct stat st {};
  return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

/// The layouts folder: the option, else ./layouts, else ../layouts and ../../layouts from the program.
std::string find_layouts_dir(const Options& o, const std::string& program) {
  if (!o.layouts_dir.empty()) return o.layouts_dir;
  if (is_dir("layouts")) return "layouts";
  std::error_code ec;
  const fs::path exe = fs::canonical("/proc/self/exe", ec);
  const fs::path base = ec ? fs::path(program).parent_path() : exe.parent_path();
  for (const auto& up : {base / "layouts", base / ".." / "layouts", base / ".." / ".." / "layouts"})
    if (is_dir(up.string())) return up.lexically_normal().string();
  return "layouts";
}

void report(const base::DiagSink& diags, const Options& o, std::ostream& err) {
  for (const auto& d : diags.items()) {
    if (o.quiet && d.severity != base::Severity::error) continue;
    err << base::format(d) << '\n';
  }
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

std::string default_output(const article::Article& art, const layout::Layout& lay) {
  const std::string id = art.meta.id.empty() ? fs::path(art.path).stem().string() : art.meta.id;
  return "out/" + id + "-" + (lay.name.empty() ? fs::path(lay.path).stem().string() : lay.name) + ".pdf";
}

int render(const Options& o, const std::string& program, std::ostream& out, std::ostream& err) {
  base::DiagSink diags;
  layout::SearchPaths paths;
  paths.layouts_dir = find_layouts_dir(o, program);
  paths.fonts_dir = o.fonts_dir.empty() ? (fs::path(paths.layouts_dir) / ".." / "fonts").lexically_normal().string()
                                        : o.fonts_dir;
  const auto art = article::load_file(o.article, diags);
  const std::string layout_path = layout::resolve_layout(o.layout, paths);
  std::optional<layout::Layout> lay;
  if (o.layout.find('/') == std::string::npos && !o.layout.ends_with(".xml") &&
      !fs::exists(layout_path)) {
    diags.error({o.layout, 0, 0}, fmt::format("no layout named '{}' in {}", o.layout, paths.layouts_dir));
  } else {
    lay = layout::load_file(layout_path, paths, diags);
  }
  if (!art || !lay) {
    report(diags, o, err);
    return content_error;
  }
  typeset::FontBook fonts;
  const auto doc = compose::compose(*art, *lay, fonts, diags);
  if (!doc) {
    report(diags, o, err);
    return content_error;
  }
  if (o.command == Options::Command::check) {
    report(diags, o, err);
    if (!o.quiet)
      out << fmt::format("{}: ok with layout '{}' ({} page{})\n", o.article, lay->name, doc->pages.size(),
                         doc->pages.size() == 1 ? "" : "s");
    return ok;
  }
  const std::string target = o.output.empty() ? default_output(*art, *lay) : o.output;
  for (const auto& input : {o.article, layout_path})
    if (base::same_file(input, target) || fs::path(input).lexically_normal() == fs::path(target).lexically_normal()) {
      diags.error({target, 0, 0}, fmt::format("the output would overwrite the input '{}'", input));
      report(diags, o, err);
      return usage_error;
    }
  pdf::Options popt;
  popt.source_date_epoch = source_date_epoch(diags);
  std::string bytes, error;
  if (!pdf::render(*doc, fonts, popt, bytes, error)) {
    diags.error({target, 0, 0}, error);
    report(diags, o, err);
    return content_error;
  }
  const fs::path parent = fs::path(target).parent_path();
  std::error_code ec;
  if (!parent.empty() && o.output.empty()) fs::create_directories(parent, ec);
  if (!base::write_atomic(target, bytes, error)) {
    diags.error({target, 0, 0}, fmt::format("cannot write the output: {}", error));
    report(diags, o, err);
    return content_error;
  }
  report(diags, o, err);
  if (!o.quiet)
    out << fmt::format("wrote {} ({} page{}, {} bytes)\n", target, doc->pages.size(), doc->pages.size() == 1 ? "" : "s",
                       bytes.size());
  return ok;
}

}  // namespace

int run(const std::vector<std::string>& args, const std::string& program, std::ostream& out, std::ostream& err) {
  std::string error;
  const auto o = parse(args, error);
  if (!o) {
    err << "briefing: error: " << error << "\n(run 'briefing --help' for usage)\n";
    return usage_error;
  }
  switch (o->command) {
    case Options::Command::help: out << usage(); return ok;
    case Options::Command::version: out << "briefing " << BRIEFING_VERSION << '\n'; return ok;
    case Options::Command::render:
    case Options::Command::check: return render(*o, program, out, err);
  }
  return ok;
}

}  // namespace briefing::cli
