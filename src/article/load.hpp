// Loads a tagged article from XML, reporting every problem as a diagnostic.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "article/model.hpp"
#include "base/diag.hpp"

namespace briefing::article {

/// The largest article accepted, in bytes: composing more than this would take minutes and gigabytes.
inline constexpr std::size_t kMaxBytes = 4 * 1024 * 1024;

/// Parses article XML held in memory; `path` names the file in diagnostics. Returns nothing when any
/// error was reported to `diags`.
[[nodiscard]] std::optional<Article> load_from_string(std::string_view xml, const std::string& path,
                                                      base::DiagSink& diags);

/// Reads and parses an article file.
[[nodiscard]] std::optional<Article> load_file(const std::string& path, base::DiagSink& diags);

}  // namespace briefing::article
