// Make/Ninja depfiles: `output: input input ...`, one rule per document.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/batch.hpp"

namespace briefing::cli {

/// A path escaped for a Make rule so that GNU make and ninja read it alike: a space, '#' or ':' gets
/// a backslash and '$' is doubled. Nothing for a path no escaping makes both read the same: a
/// backslash before a space, '#', ':' or the end, a tab or line break, or (`target`) a '%'.
[[nodiscard]] std::optional<std::string> escape_make_path(std::string_view path, bool target);

/// The depfile text for the documents whose inputs are known (failed ones included: their inputs
/// still decide when to retry). Paths that cannot be written go to `skipped`.
[[nodiscard]] std::string depfile_text(const std::vector<DocResult>& docs, std::vector<std::string>& skipped);

/// Writes the depfile atomically; false when it cannot, with the reason (and any path left out)
/// added to `problems`.
[[nodiscard]] bool write_depfile(const std::string& path, const std::vector<DocResult>& docs,
                                 std::vector<base::Diagnostic>& problems);

}  // namespace briefing::cli
