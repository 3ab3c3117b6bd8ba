#include "cli/outdir.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "base/fileio.hpp"

namespace briefing::cli {

namespace {

namespace fs = std::filesystem;

/// Byte 0 of the lock file: held shared by every running build, exclusive by one that is alone.
constexpr off_t run_byte = 0;
/// Byte 1: held exclusive while the cache file is read, merged and replaced.
constexpr off_t cache_byte = 1;

/// Takes or releases an open-file-description lock on one byte (shared across threads, released
/// when the process dies, so a SIGKILL never leaves the folder locked).
bool lock_byte(int fd, off_t byte, short type, bool wait) {
  struct flock fl {};
  fl.l_type = type;
  fl.l_whence = SEEK_SET;
  fl.l_start = byte;
  fl.l_len = 1;
  while (::fcntl(fd, wait ? F_OFD_SETLKW : F_OFD_SETLK, &fl) != 0)
    if (errno != EINTR) return false;
  return true;
}

/// Holds the cache lock for a scope.
class CacheLock {
 public:
  explicit CacheLock(int fd) : fd_(fd) { held_ = fd_ >= 0 && lock_byte(fd_, cache_byte, F_WRLCK, true); }
  ~CacheLock() {
    if (held_) lock_byte(fd_, cache_byte, F_UNLCK, false);
  }
  CacheLock(const CacheLock&) = delete;
  CacheLock& operator=(const CacheLock&) = delete;

 private:
  int fd_;
  bool held_ = false;
};

/// Deletes our temporary files directly inside `dir`; returns how many.
std::size_t remove_temps(const fs::path& dir) {
  std::size_t n = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (is_our_temp(e.path().filename().string()) && e.is_regular_file(ec) && fs::remove(e.path(), ec)) ++n;
  return n;
}

}  // namespace

bool is_our_temp(const std::string& name) {
  const auto at = name.rfind(".tmp-");
  if (at == std::string::npos || name.size() != at + 5 + 6) return false;
  for (std::size_t i = at + 5; i < name.size(); ++i)
    if (!std::isalnum(static_cast<unsigned char>(name[i]))) return false;
  const std::string final_name = name.substr(0, at);
  return final_name.ends_with(".pdf") || final_name == Cache::file_name;
}

OutDir::~OutDir() {
  if (fd_ >= 0) ::close(fd_);
}

bool OutDir::open(const std::string& dir, const std::set<std::string>& subdirs, std::string& error) {
  dir_ = dir;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    error = "cannot create the output folder: " + ec.message();
    return false;
  }
  fd_ = ::open((fs::path(dir) / ".briefing-lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    error = std::string("cannot open the lock file: ") + std::strerror(errno);
    return false;
  }
  alone_ = lock_byte(fd_, run_byte, F_WRLCK, false);
  if (alone_) {  // nobody else can be writing here until we share the lock
    cleaned_ = remove_temps(dir);
    for (const auto& sub : subdirs) cleaned_ += remove_temps(fs::path(dir) / sub);
  }
  if (!lock_byte(fd_, run_byte, F_RDLCK, true)) {  // from exclusive to shared, or wait for a shared
    error = std::string("cannot lock the output folder: ") + std::strerror(errno);
    return false;
  }
  return true;
}

Cache OutDir::load_cache() const {
  CacheLock lock(fd_);
  return Cache::load((fs::path(dir_) / Cache::file_name).string());
}

bool OutDir::save_cache(const Cache& ours, const std::set<std::string>& touched, std::string& error) const {
  CacheLock lock(fd_);
  const std::string path = (fs::path(dir_) / Cache::file_name).string();
  Cache merged = Cache::load(path);
  for (const auto& output : touched) {
    if (const CacheEntry* e = ours.find(output))
      merged.put(*e);
    else
      merged.erase(output);
  }
  std::vector<std::string> dead;
  for (const auto& [output, _] : merged.entries())
    if (!file_sig((fs::path(dir_) / output).string())) dead.push_back(output);
  for (const auto& d : dead) merged.erase(d);
  return base::write_atomic(path, merged.serialise(), error);
}

}  // namespace briefing::cli
