// Test support for the batch commands: a scratch project (articles, layouts, fonts) in a temporary
// folder, the `briefing` executable run inside it, and readers for its JSON lines and PDFs.
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "support/run.hpp"

namespace briefing::test::batch {

namespace fs = std::filesystem;

/// A file's bytes ("" when it cannot be read).
inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Replaces the first `from` in `text` by `to`; throws when there is none, so a fixture never
/// silently stops testing what it claims to.
inline std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  if (at == std::string::npos) throw std::runtime_error("fixture: '" + from + "' not found");
  return text.replace(at, from.size(), to);
}

/// The seed article with its own id and title: article `n` of a batch.
inline std::string article_text(int n) {
  std::string xml = slurp(source_dir() + "/source/article.xml");
  xml = replace_once(xml, "<article id=\"interpol-glasgow-2024\"", fmt::format("<article id=\"art-{}\"", n));
  return replace_once(xml, "</title>", fmt::format(" (No. {})</title>", n));
}

/// A scratch project: source/art-N.xml, fonts/ (a copy, plus DejaVuSans-copy.ttf), and layouts/
/// base.xml (the shipped a4-briefing), child.xml (extends base, one colour changed) and plain.xml
/// (a4-briefing again, but its 'dejavu' family reads DejaVuSans-copy.ttf, which no other uses).
class Project {
 public:
  explicit Project(int articles) {
    fs::create_directories(dir_.file("source"));
    fs::create_directories(dir_.file("layouts"));
    fs::copy(source_dir() + "/fonts", dir_.file("fonts"));
    fs::copy_file(dir_.file("fonts/DejaVuSans.ttf"), dir_.file("fonts/DejaVuSans-copy.ttf"));
    for (int n = 1; n <= articles; ++n) write(fmt::format("source/art-{}.xml", n), article_text(n));
    const std::string shipped = slurp(source_dir() + "/layouts/a4-briefing.xml");
    write("layouts/base.xml", replace_once(shipped, "name=\"a4-briefing\"", "name=\"base\""));
    write("layouts/plain.xml", replace_once(replace_once(shipped, "name=\"a4-briefing\"", "name=\"plain\""),
                                            "\"DejaVuSans.ttf\"", "\"DejaVuSans-copy.ttf\""));
    write("layouts/child.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<layout name=\"child\" extends=\"base\">\n"
          "  <palette>\n    <colour name=\"accent\" value=\"#5f1f3a\"/>\n  </palette>\n</layout>\n");
  }

  [[nodiscard]] const std::string& path() const { return dir_.path(); }
  [[nodiscard]] std::string file(const std::string& name) const { return dir_.file(name); }
  void write(const std::string& name, const std::string& text) const { write_text(dir_.file(name), text); }

  /// Runs `briefing ARGS` in the project (stderr joined to stdout), with `env` (e.g. "NO_COLOR=1").
  [[nodiscard]] Result briefing(const std::string& args, const std::string& env = "") const {
    return run("cd '" + path() + "' && env CI=1 " + env + " '" + binary() + "' " + args + " 2>&1");
  }

  /// Every PDF in `out` (relative), by file name.
  [[nodiscard]] std::map<std::string, std::string> pdfs(const std::string& out = "out") const {
    std::map<std::string, std::string> found;
    for (const auto& e : fs::directory_iterator(file(out)))
      if (e.path().extension() == ".pdf") found[e.path().filename().string()] = slurp(e.path().string());
    return found;
  }

 private:
  TempDir dir_;
};

/// The outputs (file names) that a `--json` run reports with `status`.
inline std::set<std::string> with_status(const std::string& json_lines, const std::string& status) {
  std::set<std::string> out;
  const std::regex doc(fmt::format(R"re("status":"{}".*"output":"[^"]*/([^"/]+)")re", status));
  std::istringstream in(json_lines);
  std::smatch m;
  for (std::string line; std::getline(in, line);)
    if (std::regex_search(line, m, doc)) out.insert(m[1]);
  return out;
}

}  // namespace briefing::test::batch
