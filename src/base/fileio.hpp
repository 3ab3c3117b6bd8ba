// Reading files whole and writing them atomically (temporary file in the same folder, then rename).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace briefing::base {

/// Reads a whole file; on failure returns nothing and puts a lowercase reason in `error`.
[[nodiscard]] std::optional<std::string> read_file(const std::string& path, std::string& error);

/// Writes `data` to `path` through a temporary file in the same folder, fsync and rename, so that
/// readers see either the old file or the whole new one. Returns false with a reason in `error`.
[[nodiscard]] bool write_atomic(const std::string& path, std::string_view data, std::string& error);

/// True when both paths name the same existing file.
[[nodiscard]] bool same_file(const std::string& a, const std::string& b);

}  // namespace briefing::base
