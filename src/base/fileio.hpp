// Reading files whole and writing them atomically (temporary file in the same folder, then rename).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace briefing::base {

/// Reads a whole file; on failure returns nothing and puts a lowercase reason in `error`.
[[nodiscard]] std::optional<std::string> read_file(const std::string& path, std::string& error);

/// Reads a whole file of at most `limit` bytes; a larger one is not read, and `error` gives its size.
[[nodiscard]] std::optional<std::string> read_file(const std::string& path, std::string& error, std::size_t limit);

/// True when `path` names an existing regular file (symbolic links followed).
[[nodiscard]] bool is_regular_file(const std::string& path);

/// True when `path` names an existing folder (symbolic links followed).
[[nodiscard]] bool is_directory(const std::string& path);

/// The size of a regular file, or nothing when `path` is not one.
[[nodiscard]] std::optional<std::size_t> file_size(const std::string& path);

/// The message for input over a size limit: "the file is 50.0 MB; at most 4 MB is accepted".
[[nodiscard]] std::string too_large(std::size_t size, std::size_t limit);

/// Writes `data` to `path` through a temporary file in the same folder and a rename, so that
/// readers (and a crash or kill of the writer) see either the old file or the whole new one; not
/// synced to disk. Returns false with a reason in `error`.
[[nodiscard]] bool write_atomic(const std::string& path, std::string_view data, std::string& error);

/// True when both paths name the same existing file.
[[nodiscard]] bool same_file(const std::string& a, const std::string& b);

}  // namespace briefing::base
