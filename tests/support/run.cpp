#include "support/run.hpp"

#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "base/text.hpp"

namespace briefing::test {

Result run(const std::string& cmd) {
  Result r;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int st = ::pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

Result xmllint_relaxng(const std::string& schema, const std::string& file) {
  return run("xmllint --noout --relaxng " + shell_quote(schema) + " " + shell_quote(file) + " 2>&1");
}

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "briefing-test-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path);
}

std::string squash(const std::string& text) {
  std::u32string out;
  for (char32_t c : base::utf8_decode(text)) {
    if (c == U' ' || c == U'\n' || c == U'\t' || c == U'\r' || c == 0xA0 || c == 0x202F || c == U'-' || c == 0xAD ||
        c == 0x2010 || c == U'\f')
      continue;
    out.push_back(c);
  }
  return base::utf8_encode(out);
}

std::string source_dir() {
  return BRIEFING_SOURCE_DIR;
}

std::string binary() {
  return BRIEFING_BINARY;
}

std::vector<std::string> shipped_layouts() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(source_dir() + "/layouts"))
    if (e.path().extension() == ".xml") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace briefing::test
