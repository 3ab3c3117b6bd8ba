#include "cli/depfile.hpp"

#include <fmt/format.h>

#include "base/fileio.hpp"

namespace briefing::cli {

namespace {

/// True when make and ninja would read the path differently however it is escaped: a backslash
/// right before a space, '#', ':' or the end (make halves such runs, ninja keeps them), a tab or a
/// line break (ninja cannot escape them), or a '%' in a target (make would read a pattern rule).
bool ambiguous(std::string_view path, bool target) {
  for (std::size_t i = 0; i < path.size(); ++i) {
    const char c = path[i];
    if (c == '\n' || c == '\r' || c == '\t' || c == '\0' || (target && c == '%')) return true;
    if (c != '\\') continue;
    const char next = i + 1 < path.size() ? path[i + 1] : '\0';
    if (next == '\0' || next == ' ' || next == '#' || next == ':') return true;
  }
  return false;
}

}  // namespace

std::optional<std::string> escape_make_path(std::string_view path, bool target) {
  if (path.empty() || ambiguous(path, target)) return std::nullopt;
  std::string out;
  for (const char c : path) {
    if (c == ' ' || c == '#' || c == ':') out.push_back('\\');
    if (c == '$') out.push_back('$');
    out.push_back(c);
  }
  return out;
}

std::string depfile_text(const std::vector<DocResult>& docs, std::vector<std::string>& skipped) {
  std::string out;
  for (const auto& d : docs) {
    if (d.deps.empty() || d.output.empty()) continue;
    const auto target = escape_make_path(d.output, true);
    if (!target) {
      skipped.push_back(d.output);
      continue;
    }
    std::string rule = *target + ":";
    for (const auto& dep : d.deps) {
      if (const auto e = escape_make_path(dep, false))
        rule += " \\\n  " + *e;
      else
        skipped.push_back(dep);
    }
    out += rule + "\n";
  }
  return out;
}

bool write_depfile(const std::string& path, const std::vector<DocResult>& docs,
                   std::vector<base::Diagnostic>& problems) {
  std::vector<std::string> skipped;
  const std::string text = depfile_text(docs, skipped);
  for (const auto& s : skipped)
    problems.push_back(
        file_diag(path, fmt::format("left out '{}': make and ninja cannot both read this name in a depfile", s), true));
  std::string error;
  if (base::write_atomic(path, text, error)) return true;
  problems.push_back(file_diag(path, fmt::format("cannot write the depfile: {}", error)));
  return false;
}

}  // namespace briefing::cli
