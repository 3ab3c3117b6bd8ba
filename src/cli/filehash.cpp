#include "cli/filehash.hpp"

#include <sys/stat.h>

#include <chrono>

#include "base/fileio.hpp"

namespace briefing::cli {

namespace {

/// A timestamp in nanoseconds since the epoch.
std::int64_t nanoseconds(const struct timespec& t) {
  return std::int64_t{t.tv_sec} * 1'000'000'000 + t.tv_nsec;
}

/// Files modified less than this long ago are hashed again on every request.
constexpr std::int64_t racy_window_ns = 2'000'000'000;

/// The wall clock in nanoseconds since the epoch (the clock file timestamps use).
std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

std::optional<FileSig> file_sig(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return FileSig{st.st_size, nanoseconds(st.st_mtim), nanoseconds(st.st_ctim), st.st_ino};
}

std::optional<Hash128> FileHashes::get(const std::string& path, std::string& error) {
  if (const auto sig = file_sig(path)) {
    std::lock_guard lock(mutex_);
    const auto it = memo_.find(path);
    if (it != memo_.end() && it->second.sig == *sig && (it->second.racy_batch < 0 || it->second.racy_batch == batch_))
      return it->second.hash;
  }
  const auto data = read(path, error);  // outside the lock: files are hashed in parallel
  if (!data) return std::nullopt;
  return data->hash;
}

std::optional<FileData> FileHashes::read(const std::string& path, std::string& error) {
  const auto before = file_sig(path);
  auto bytes = base::read_file(path, error);
  if (!bytes) return std::nullopt;
  FileData data{std::move(*bytes), {}};
  data.hash = hash_bytes(data.bytes);
  remember(path, before, data.hash);
  return data;
}

void FileHashes::remember(const std::string& path, const std::optional<FileSig>& before, Hash128 hash) {
  const auto after = file_sig(path);
  if (!before || !after || !(*before == *after)) return;
  const bool racy = now_ns() - std::max(after->mtime_ns, after->ctime_ns) < racy_window_ns;
  std::lock_guard lock(mutex_);
  memo_[path] = {*after, hash, racy ? batch_.load() : -1};
}

}  // namespace briefing::cli
