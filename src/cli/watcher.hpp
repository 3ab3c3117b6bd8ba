// Watching folders with inotify: editors that save by writing a new file and renaming it over the
// old one are seen, because the folders are watched rather than the files.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace briefing::cli {

/// An inotify instance watching folders for files written, created, moved or deleted.
class DirWatcher {
 public:
  DirWatcher() = default;
  ~DirWatcher();
  DirWatcher(const DirWatcher&) = delete;
  DirWatcher& operator=(const DirWatcher&) = delete;

  /// Creates the inotify instance; false with a reason in `error`.
  bool open(std::string& error);
  /// The descriptor to poll().
  [[nodiscard]] int fd() const { return fd_; }
  /// Watches `dir` (absolute) too; watching a folder twice is harmless. False when it cannot.
  bool add(const std::string& dir);
  /// Marks a lost event queue in `changed`: anything may have changed.
  static constexpr const char* overflow = "";
  /// Reads the pending events and adds the absolute paths they name to `changed` (`overflow` when
  /// the kernel dropped events).
  void read(std::set<std::string>& changed);
  [[nodiscard]] std::size_t size() const { return dirs_.size(); }

 private:
  int fd_ = -1;
  std::map<int, std::string> dirs_;  ///< watch descriptor → folder
};

}  // namespace briefing::cli
