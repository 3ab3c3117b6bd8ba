#include "cli/job.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "article/load.hpp"
#include "base/fileio.hpp"
#include "cli/commands.hpp"
#include "cli/console.hpp"
#include "cli/document.hpp"
#include "cli/options.hpp"
#include "cli/plan.hpp"
#include "compose/compose.hpp"
#include "layout/load.hpp"

namespace briefing::cli {

namespace {

namespace fs = std::filesystem;

/// The article and layout of a single-document command, loaded; nothing when either has errors.
struct Loaded {
  std::optional<article::Article> article;
  std::optional<layout::Layout> layout;
  std::string layout_path;
};

/// Loads the article and the layout, reporting an unknown layout name.
Loaded load_inputs(const Options& o, const layout::SearchPaths& paths, base::DiagSink& diags) {
  Loaded in;
  in.article = article::load_file(o.article, diags);
  if (const auto path = find_layout(o.layout, paths, {o.layout, 0, 0}, diags)) {
    in.layout_path = *path;
    in.layout = layout::load_file(in.layout_path, paths, diags);
  }
  return in;
}

/// "1 page", "3 pages".
std::string pages(std::size_t n) {
  return fmt::format("{} page{}", n, n == 1 ? "" : "s");
}

/// `check`: load, lint the layout and compose; write nothing.
int check(const Options& o, const Loaded& in, base::DiagSink& diags, std::ostream& out, std::ostream& err) {
  typeset::FontBook fonts;
  layout::lint(*in.layout, diags);
  const auto doc = compose::compose(*in.article, *in.layout, fonts, diags);
  print_diagnostics(diags, o.quiet, err);
  if (!doc) return content_error;
  if (!o.quiet)
    out << fmt::format("{}: ok with layout '{}' ({})\n", o.article, in.layout->name, pages(doc->pages.size()));
  return ok;
}

/// True (with an error in `diags`) when the output would overwrite one of the inputs.
bool overwrites_input(const Options& o, const Loaded& in, const std::string& target, base::DiagSink& diags) {
  for (const auto& input : {o.article, in.layout_path})
    if (base::same_file(input, target) || fs::path(input).lexically_normal() == fs::path(target).lexically_normal()) {
      diags.error({target, 0, 0}, fmt::format("the output would overwrite the input '{}'", input));
      return true;
    }
  return false;
}

/// `render`: one document to one PDF, written atomically.
int render(const Options& o, const Loaded& in, base::DiagSink& diags, std::ostream& out, std::ostream& err) {
  const std::string target = o.output.empty() ? "out/" + output_name(*in.article, *in.layout) : o.output;
  if (overwrites_input(o, in, target, diags)) {
    print_diagnostics(diags, o.quiet, err);
    return usage_error;
  }
  typeset::FontBook fonts(typeset::FontFiles::mapped);  // one render, then the process ends
  pdf::Options popt;
  popt.source_date_epoch = source_date_epoch(diags);
  const auto doc = render_document(*in.article, *in.layout, fonts, popt, target, diags);
  std::string error;
  std::error_code ec;
  if (doc && o.output.empty()) fs::create_directories(fs::path(target).parent_path(), ec);
  if (doc && !base::write_atomic(target, doc->bytes, error))
    diags.error({target, 0, 0}, fmt::format("cannot write the output: {}", error));
  print_diagnostics(diags, o.quiet, err);
  if (!doc || diags.has_errors()) return content_error;
  if (!o.quiet) out << fmt::format("wrote {} ({}, {} bytes)\n", target, pages(doc->pages), doc->bytes.size());
  return ok;
}

/// render and check: one article with one layout.
int single(const Options& o, const std::string& program, std::ostream& out, std::ostream& err) {
  base::DiagSink diags;
  const Loaded in = load_inputs(o, search_paths(o, program), diags);
  if (!in.article || !in.layout) {
    print_diagnostics(diags, o.quiet, err);
    return content_error;
  }
  return o.command == Options::Command::check ? check(o, in, diags, out, err) : render(o, in, diags, out, err);
}

}  // namespace

int run(const std::vector<std::string>& args, const std::string& program, std::ostream& out, std::ostream& err) {
  std::string error;
  const auto o = parse(args, error);
  if (!o) {
    err << "briefing: error: " << error << "\n(run 'briefing --help' for usage)\n";
    return usage_error;
  }
  Console console = detect_console(out, err);
  switch (o->command) {
    case Options::Command::help: out << usage(); return ok;
    case Options::Command::version: out << "briefing " << BRIEFING_VERSION << '\n'; return ok;
    case Options::Command::render:
    case Options::Command::check: return single(*o, program, out, err);
    case Options::Command::build: return run_build(*o, program, console);
    case Options::Command::watch: return run_watch(*o, program, console);
  }
  return ok;
}

}  // namespace briefing::cli
