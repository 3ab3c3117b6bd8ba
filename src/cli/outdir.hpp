// A build's hold on its output folder: a lock file that lets several builds (shards) share the
// folder, removal of temporary files that killed builds left behind, and merging the cache.
#pragma once

#include <set>
#include <string>

#include "cli/cache.hpp"

namespace briefing::cli {

/// The output folder, locked for one build. Builds hold a shared lock while they run; a build that
/// finds itself alone may delete stale temporary files. Cache updates are serialised by a second
/// lock, so shards writing into one folder merge their entries instead of losing them.
class OutDir {
 public:
  OutDir() = default;
  ~OutDir();
  OutDir(const OutDir&) = delete;
  OutDir& operator=(const OutDir&) = delete;

  /// Creates the folder and takes the shared lock; when no other build is running, first deletes
  /// our stale temporary files (`*.pdf.tmp-XXXXXX`, `.briefing-cache.tmp-XXXXXX`) in it and in the
  /// `subdirs` (relative) that outputs go to. False with a reason in `error`.
  bool open(const std::string& dir, const std::set<std::string>& subdirs, std::string& error);
  [[nodiscard]] const std::string& path() const { return dir_; }
  /// True when no other build was running in the folder when this one started.
  [[nodiscard]] bool alone() const { return alone_; }
  /// How many stale temporary files open() deleted.
  [[nodiscard]] std::size_t cleaned() const { return cleaned_; }
  /// The cache as on disk now.
  [[nodiscard]] Cache load_cache() const;
  /// Writes `ours` for the outputs in `touched` into the cache file, keeping other builds' entries
  /// whose outputs still exist; false with a reason in `error`.
  bool save_cache(const Cache& ours, const std::set<std::string>& touched, std::string& error) const;

 private:
  std::string dir_;
  int fd_ = -1;
  bool alone_ = false;
  std::size_t cleaned_ = 0;
};

/// True when `name` is one of our temporary files (base::write_atomic's `<final>.tmp-XXXXXX`).
[[nodiscard]] bool is_our_temp(const std::string& name);

}  // namespace briefing::cli
