// The manifest: a text file listing the documents of a batch, one `ARTICLE LAYOUT [OUTPUT]` a line.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diag.hpp"
#include "cli/plan.hpp"
#include "layout/load.hpp"

namespace briefing::cli {

/// Reads a manifest. Article paths are relative to the manifest's folder; LAYOUT is a name, a path
/// (relative to the manifest's folder) or `*` for every layout; OUTPUT is relative to the output
/// folder. `#` starts a comment; fields with spaces are written in double quotes. Every problem goes
/// to `diags` with its line and column; nothing when there is any.
[[nodiscard]] std::optional<std::vector<JobSpec>> read_manifest(const std::string& path,
                                                                const layout::SearchPaths& paths,
                                                                base::DiagSink& diags);

}  // namespace briefing::cli
