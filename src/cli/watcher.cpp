#include "cli/watcher.hpp"

#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace briefing::cli {

namespace {

/// Events that mean a file's content or presence changed (attribute-only changes such as `touch`
/// do not change what the file says).
constexpr std::uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE;

}  // namespace

DirWatcher::~DirWatcher() {
  if (fd_ >= 0) ::close(fd_);
}

bool DirWatcher::open(std::string& error) {
  fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) error = std::string("cannot watch files: ") + std::strerror(errno);
  return fd_ >= 0;
}

bool DirWatcher::add(const std::string& dir) {
  const int wd = ::inotify_add_watch(fd_, dir.c_str(), mask | IN_ONLYDIR);
  if (wd < 0) return false;
  dirs_[wd] = dir;
  return true;
}

void DirWatcher::read(std::set<std::string>& changed) {
  alignas(inotify_event) char buf[16384];
  for (;;) {
    const ssize_t n = ::read(fd_, buf, sizeof buf);
    if (n <= 0) return;  // EAGAIN: nothing more for now
    for (ssize_t at = 0; at < n;) {
      const auto* ev = reinterpret_cast<const inotify_event*>(buf + at);
      const auto dir = dirs_.find(ev->wd);
      if (dir != dirs_.end() && ev->len > 0) changed.insert(dir->second + "/" + ev->name);
      if (ev->mask & IN_Q_OVERFLOW) changed.insert(overflow);
      if (ev->mask & IN_IGNORED) dirs_.erase(ev->wd);
      at += static_cast<ssize_t>(sizeof(inotify_event) + ev->len);
    }
  }
}

}  // namespace briefing::cli
