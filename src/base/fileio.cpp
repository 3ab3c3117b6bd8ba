#include "base/fileio.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>

namespace briefing::base {

namespace {
/// strerror(errno), lowercased like every other message.
std::string errno_reason(int err) {
  std::string s = std::strerror(err);
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}
}  // namespace

std::optional<std::string> read_file(const std::string& path, std::string& error) {
  return read_file(path, error, std::string::npos);
}

bool is_regular_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool is_directory(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::optional<std::size_t> file_size(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return static_cast<std::size_t>(st.st_size);
}

std::string too_large(std::size_t size, std::size_t limit) {
  return fmt::format("the file is {:.1f} MB; at most {} MB is accepted", static_cast<double>(size) / 1048576.0,
                     limit / 1048576);
}

namespace {
/// Reads from `fd` until its end or until more than `limit` bytes have come; false on a read error.
bool read_capped(int fd, std::size_t limit, std::string& out) {
  char buf[65536];
  while (out.size() <= limit) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  return true;
}
}  // namespace

std::optional<std::string> read_file(const std::string& path, std::string& error, std::size_t limit) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return error = errno_reason(errno), std::nullopt;
  if (S_ISDIR(st.st_mode)) return error = "is a directory", std::nullopt;
  const auto size = static_cast<std::size_t>(st.st_size);
  if (S_ISREG(st.st_mode) && size > limit) return error = too_large(size, limit), std::nullopt;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return error = errno_reason(errno), std::nullopt;
  std::string out;
  if (S_ISREG(st.st_mode)) out.reserve(size);
  const bool ok = read_capped(fd, limit, out);
  const int saved = errno;
  ::close(fd);
  if (!ok) return error = errno_reason(saved), std::nullopt;
  if (out.size() > limit)  // a stream (a pipe, a device) that went on past the limit: its size is unknown
    return error = fmt::format("the file is larger than {} MB, the most that is accepted", limit / 1048576),
           std::nullopt;
  return out;
}

namespace {
bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}
}  // namespace

bool write_atomic(const std::string& path, std::string_view data, std::string& error) {
  std::string tmpl = path + ".tmp-XXXXXX";
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0) {
    error = errno_reason(errno);
    return false;
  }
  ::fchmod(fd, 0644);
  // No fsync: the rename alone keeps readers, a crash and a kill -9 from ever seeing part of the
  // file, and syncing cost a twentieth of a render (0.5 ms of 11 on this machine's ext4). As with
  // compilers, surviving a power cut is the file system's affair; `build` re-renders an output
  // whose bytes no longer match what it recorded.
  const bool ok = write_all(fd, data);
  const int saved = errno;
  ::close(fd);
  if (!ok || ::rename(tmpl.c_str(), path.c_str()) != 0) {
    error = errno_reason(ok ? errno : saved);
    ::unlink(tmpl.c_str());
    return false;
  }
  return true;
}

bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {
  }, sb{};
  if (::stat(a.c_str(), &sa) != 0 || ::stat(b.c_str(), &sb) != 0) return false;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

}  // namespace briefing::base
