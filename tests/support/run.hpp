// Test support: running commands, temporary folders and text normalisation.
#pragma once

#include <string>
#include <vector>

namespace briefing::test {

/// Output and exit status of a shell command.
struct Result {
  int status = -1;
  std::string out;  ///< stdout (stderr too when asked)
};

/// Runs `cmd` with /bin/sh and captures its stdout.
Result run(const std::string& cmd);

/// `s` in single quotes for /bin/sh.
std::string shell_quote(const std::string& s);

/// Validates `file` against the RELAX NG `schema` with xmllint: its exit status and messages.
Result xmllint_relaxng(const std::string& schema, const std::string& file);

/// A fresh empty folder under the system's temporary folder, removed when destroyed.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

/// Writes a file (test helper; throws on failure).
void write_text(const std::string& path, const std::string& text);

/// Drops whitespace, hyphens and soft line-end artefacts so that texts can be compared whatever
/// the line breaks: "coun-\ntries" and "coun tries" both become "countries".
std::string squash(const std::string& text);

/// The repository root (compiled in).
std::string source_dir();

/// The briefing executable (compiled in).
std::string binary();

/// The shipped layouts (layouts/*.xml), full paths, sorted.
std::vector<std::string> shipped_layouts();

}  // namespace briefing::test
