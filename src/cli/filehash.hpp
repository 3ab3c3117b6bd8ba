// Content hashes of files, computed once per process and revalidated by a cheap stat().
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "cli/hash.hpp"

namespace briefing::cli {

/// What stat() says about a file; two equal signatures mean the file has not been touched.
/// ctime cannot be set by users, so a rewrite that restores the mtime still changes it.
struct FileSig {
  std::int64_t size = -1;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;
  std::uint64_t inode = 0;
  friend bool operator==(const FileSig&, const FileSig&) = default;
};

/// The signature of `path`, or nothing when it does not exist or is not a regular file.
[[nodiscard]] std::optional<FileSig> file_sig(const std::string& path);

/// A file's bytes and their hash.
struct FileData {
  std::string bytes;
  Hash128 hash;
};

/// Thread-safe memo of file hashes by path: each file is read and hashed once per process, and
/// again only when its stat() signature changes (as it does under `watch`). A file modified too
/// recently for its timestamps to tell a later edit apart (the "racy git" problem) is trusted only
/// within the batch that hashed it.
class FileHashes {
 public:
  /// Starts a new batch: recently modified files will be hashed again.
  void next_batch() { ++batch_; }
  /// The hash of the file's bytes; nothing with a lowercase reason in `error` when unreadable.
  std::optional<Hash128> get(const std::string& path, std::string& error);
  /// Reads the file and hashes it (always reads; remembers the hash for get()).
  std::optional<FileData> read(const std::string& path, std::string& error);

 private:
  /// Remembers a hash unless the file changed while it was read.
  void remember(const std::string& path, const std::optional<FileSig>& before, Hash128 hash);

  /// A remembered hash; `racy_batch` is the batch it is limited to, or -1.
  struct Entry {
    FileSig sig;
    Hash128 hash;
    long racy_batch = -1;
  };
  std::mutex mutex_;
  std::atomic<long> batch_{0};
  std::unordered_map<std::string, Entry> memo_;
};

}  // namespace briefing::cli
