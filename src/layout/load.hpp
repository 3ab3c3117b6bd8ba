// Loads a layout definition from XML.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/diag.hpp"
#include "layout/model.hpp"

namespace briefing::layout {

/// The largest layout file accepted, in bytes (the shipped ones are a few KB).
inline constexpr std::size_t kMaxBytes = 1024 * 1024;

/// Where layouts and fonts are looked up.
struct SearchPaths {
  std::string layouts_dir;  ///< names without a path resolve to `<layouts_dir>/<name>.xml`
  std::string fonts_dir;    ///< font file names resolve here when not found beside the layout
  /// Font and image files must lie in the layout's own folder or in `fonts_dir` unless this is set
  /// (`--allow-outside-files`): a layout from someone else cannot make the tool read any file.
  bool allow_outside_files = false;
};

/// Resolves a layout argument (a name or a path) to a file path.
[[nodiscard]] std::string resolve_layout(const std::string& name_or_path, const SearchPaths& paths);

/// Parses a layout held in memory; `path` names it in diagnostics and anchors relative font paths.
[[nodiscard]] std::optional<Layout> load_from_string(std::string_view xml, const std::string& path,
                                                     const SearchPaths& paths, base::DiagSink& diags);

/// Reads and parses a layout file.
[[nodiscard]] std::optional<Layout> load_file(const std::string& path, const SearchPaths& paths, base::DiagSink& diags);

/// Parses a finite decimal number (surrounding spaces allowed); false when malformed.
[[nodiscard]] bool parse_number(std::string_view s, double& v);

/// Parses a length such as "18mm", "10pt", "0.5in" or "12" (points); false when malformed.
[[nodiscard]] bool parse_length(std::string_view s, double& pt);

/// Parses "#rrggbb", "grey(0.9)", "gray(0.9)", "cmyk(0,0.2,0.5,0.1)" or "rgb(1,0,0)"; false when malformed.
[[nodiscard]] bool parse_colour(std::string_view s, Colour& out);

}  // namespace briefing::layout
