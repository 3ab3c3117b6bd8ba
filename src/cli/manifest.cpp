#include "cli/manifest.hpp"

#include <filesystem>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "base/fileio.hpp"
#include "cli/document.hpp"

namespace briefing::cli {

namespace {

namespace fs = std::filesystem;

/// One whitespace-separated field of a manifest line and the column it starts at (1-based).
struct Field {
  std::string text;
  int column = 0;
};

/// Splits a line into fields: double quotes keep spaces (with \" and \\ inside), `#` outside
/// quotes starts a comment. False with a message in `error` (and its column) on a lone quote.
bool split(const std::string& line, std::vector<Field>& out, std::string& error, int& column) {
  std::size_t i = 0;
  while (i < line.size()) {
    if (line[i] == ' ' || line[i] == '\t' || line[i] == '\r') {
      ++i;
      continue;
    }
    if (line[i] == '#') break;
    Field f{"", static_cast<int>(i) + 1};
    const bool quoted = line[i] == '"';
    for (i += quoted ? 1 : 0; i < line.size(); ++i) {
      const char c = line[i];
      if (quoted && c == '"') break;
      if (!quoted && (c == ' ' || c == '\t' || c == '\r')) break;
      if (quoted && c == '\\' && i + 1 < line.size())
        f.text.push_back(line[++i]);
      else
        f.text.push_back(c);
    }
    if (quoted && i >= line.size()) {
      error = "this quoted field has no closing quote";
      column = f.column;
      return false;
    }
    i += quoted ? 1 : 0;
    out.push_back(std::move(f));
  }
  return true;
}

/// A path from the manifest, relative to the manifest's folder unless absolute.
std::string beside(const std::string& manifest, const std::string& p) {
  if (fs::path(p).is_absolute()) return fs::path(p).lexically_normal().string();
  return (fs::path(manifest).parent_path() / p).lexically_normal().string();
}

/// Checks an OUTPUT field: relative, inside the output folder, a .pdf file.
std::optional<std::string> check_output(const std::string& out) {
  const fs::path p = fs::path(out).lexically_normal();
  if (p.is_absolute()) return "the output must be relative to the output folder (-o)";
  if (p.empty() || *p.begin() == "..") return "the output must lie inside the output folder (-o)";
  if (p.extension() != ".pdf") return "the output must be a .pdf file";
  return std::nullopt;
}

/// Turns one line's fields into jobs.
void add_line(const std::string& manifest, const std::vector<Field>& f, int line, const layout::SearchPaths& paths,
              std::set<JobSpec>& jobs, base::DiagSink& diags) {
  if (f.size() < 2 || f.size() > 3) {
    diags.error({manifest, line, f.empty() ? 1 : f[0].column},
                fmt::format("expected ARTICLE LAYOUT [OUTPUT], found {} field{}", f.size(), f.size() == 1 ? "" : "s"));
    return;
  }
  const std::string article = beside(manifest, f[0].text);
  if (!fs::is_regular_file(article))
    diags.error({manifest, line, f[0].column}, fmt::format("no such article '{}'", article));
  std::vector<std::string> layouts;
  if (f[1].text == "*") {
    layouts = all_layouts(paths, diags);
  } else {
    const std::string arg = is_layout_name(f[1].text) ? f[1].text : beside(manifest, f[1].text);
    if (auto l = find_layout(arg, paths, {manifest, line, f[1].column}, diags)) layouts.push_back(*l);
  }
  std::string output;
  if (f.size() == 3) {
    if (const auto problem = check_output(f[2].text)) diags.error({manifest, line, f[2].column}, *problem);
    if (layouts.size() > 1) diags.error({manifest, line, f[2].column}, "an output needs one layout, not '*'");
    output = fs::path(f[2].text).lexically_normal().string();
  }
  for (const auto& l : layouts) jobs.insert({article, l, output});
}

}  // namespace

std::optional<std::vector<JobSpec>> read_manifest(const std::string& path, const layout::SearchPaths& paths,
                                                  base::DiagSink& diags) {
  std::string error;
  const auto text = base::read_file(path, error);
  if (!text) {
    diags.error({path, 0, 0}, fmt::format("cannot read the manifest: {}", error));
    return std::nullopt;
  }
  const std::size_t errors = diags.error_count();
  std::set<JobSpec> jobs;
  std::istringstream lines(*text);
  int n = 0;
  for (std::string line; std::getline(lines, line);) {
    ++n;
    std::vector<Field> fields;
    int column = 0;
    if (!split(line, fields, error, column))
      diags.error({path, n, column}, error);
    else if (!fields.empty())
      add_line(path, fields, n, paths, jobs, diags);
  }
  if (diags.error_count() > errors) return std::nullopt;
  if (jobs.empty()) diags.error({path, 0, 0}, "the manifest lists no documents");
  if (jobs.empty()) return std::nullopt;
  return std::vector<JobSpec>(jobs.begin(), jobs.end());
}

}  // namespace briefing::cli
