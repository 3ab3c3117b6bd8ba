// The bad-input catalogue's cases: reading a case folder, preparing its inputs in a temporary
// folder, running the real executable there, and comparing what it did with what the case expects.
// Header-only: the test glob compiles *_test.cpp files only.
#pragma once

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "bad-input/generate.hpp"
#include "support/run.hpp"

namespace briefing::test::bad_input {

namespace fs = std::filesystem;

/// One case: a folder under tests/bad-input/cases holding its inputs, `case` and `expected`.
struct Case {
  std::string name;
  std::string dir;
  std::string args = "render article.xml --layout layout.xml -o out.pdf";
  int exit = 1;
  std::string output = "out.pdf";               ///< the output name whose absence is checked
  std::vector<std::vector<std::string>> setup;  ///< directives run before the tool, in order
  std::string pending;                          ///< non-empty: what the tool does not do yet
  bool needs_non_root = false;                  ///< permissions do not stop root
  long max_rss_mb = 0;                          ///< 0: not measured
  std::string expected;                         ///< the tool's standard error, with placeholders
};

/// What one run of the tool did.
struct Outcome {
  int status = -1;
  std::string err;       ///< standard error, the project's folders replaced by placeholders
  long rss_mb = 0;       ///< peak resident memory, when measured
  std::string problems;  ///< files written or changed that must not have been, one per line
};

/// Reads a whole file ("" when missing).
inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Splits at runs of spaces.
inline std::vector<std::string> words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

/// The project's folders as the tool prints them.
inline std::vector<std::pair<std::string, std::string>> placeholders() {
  const std::string src = fs::path(source_dir()).lexically_normal().string();
  return {{"{fonts}", src + "/fonts"}, {"{layouts}", src + "/layouts"}, {"{source}", src}};
}

/// Replaces {fonts}, {layouts} and {source} by the project's folders.
inline std::string expand(std::string s) {
  for (const auto& [key, value] : placeholders())
    for (std::size_t at; (at = s.find(key)) != std::string::npos;) s.replace(at, key.size(), value);
  return s;
}

/// Replaces the project's folders by {fonts}, {layouts} and {source} (the reverse of expand).
inline std::string abstract(std::string s) {
  for (const auto& [key, value] : placeholders())
    for (std::size_t at; (at = s.find(value)) != std::string::npos;) s.replace(at, value.size(), key);
  return s;
}

/// Reads one case folder's `case` file: `key: value` lines, '#' comments.
inline Case read_case(const fs::path& dir) {
  Case c;
  c.name = dir.filename().string();
  c.dir = dir.string();
  std::istringstream in(slurp(dir / "case"));
  for (std::string line; std::getline(in, line);) {
    const auto colon = line.find(':');
    if (line.empty() || line[0] == '#' || colon == std::string::npos) continue;
    const std::string key = line.substr(0, colon), value = line.substr(line.find_first_not_of(' ', colon + 1));
    if (key == "args") c.args = value;
    if (key == "exit") c.exit = std::stoi(value);
    if (key == "output") c.output = value;
    if (key == "setup") c.setup.push_back(words(value));
    if (key == "pending") c.pending = value;
    if (key == "requires" && value == "non-root") c.needs_non_root = true;
    if (key == "max-rss-mb") c.max_rss_mb = std::stol(value);
  }
  c.expected = slurp(dir / "expected");
  return c;
}

/// Every case folder under tests/bad-input/cases, sorted by name.
inline std::vector<Case> all_cases() {
  std::vector<Case> out;
  for (const auto& e : fs::directory_iterator(source_dir() + "/tests/bad-input/cases"))
    if (e.is_directory()) out.push_back(read_case(e.path()));
  std::sort(out.begin(), out.end(), [](const Case& a, const Case& b) { return a.name < b.name; });
  return out;
}

/// Runs one setup directive inside `work`.
inline void apply_setup(const std::vector<std::string>& d, const fs::path& work) {
  const std::string& what = d.at(0);
  if (what == "generate") {
    generate(d.at(1), (work / d.at(2)).string());
  } else if (what == "mkfifo") {
    ::mkfifo((work / d.at(1)).c_str(), 0600);
  } else if (what == "mkdir") {
    fs::create_directories(work / d.at(1));
  } else if (what == "chmod") {
    fs::permissions(work / d.at(2), static_cast<fs::perms>(std::stoi(d.at(1), nullptr, 8)));
  } else if (what == "copy") {
    fs::create_directories((work / d.at(2)).parent_path());
    fs::copy_file(expand(d.at(1)), work / d.at(2), fs::copy_options::overwrite_existing);
  } else if (what == "truncate") {
    fs::resize_file(work / d.at(1), std::stoul(d.at(2)));
  } else {
    throw std::runtime_error("unknown setup directive '" + what + "'");
  }
}

/// Copies the shared inputs, then the case's own files, into `work`, and runs its setup.
inline void prepare(const Case& c, const fs::path& work) {
  fs::create_directories(work);
  const auto opts = fs::copy_options::recursive | fs::copy_options::overwrite_existing;
  fs::copy(source_dir() + "/tests/bad-input/inputs", work, opts);
  for (const auto& e : fs::directory_iterator(c.dir))
    if (e.path().filename() != "case" && e.path().filename() != "expected")
      fs::copy(e.path(), work / e.path().filename(), opts);
  for (const auto& d : c.setup) apply_setup(d, work);
}

/// Every file under `dir` and its bytes (FIFOs and folders by kind only).
inline std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    const std::string rel = fs::relative(e.path(), dir).string();
    out[rel] = e.is_regular_file() ? slurp(e.path()) : e.is_directory() ? "<dir>" : "<other>";
  }
  return out;
}

/// What differs between two snapshots, one line per file; `allowed` may appear.
inline std::string changes(const std::map<std::string, std::string>& before,
                           const std::map<std::string, std::string>& after, const std::string& allowed) {
  std::string out;
  for (const auto& [name, bytes] : after) {
    const auto it = before.find(name);
    if (it == before.end() && name != allowed) out += "written: " + name + "\n";
    if (it != before.end() && it->second != bytes && name != allowed) out += "changed: " + name + "\n";
  }
  for (const auto& [name, bytes] : before)
    if (!after.count(name)) out += "removed: " + name + "\n";
  return out;
}

/// A small valid PDF standing for a good earlier output.
inline std::string good_pdf() {
  return "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] "
         "/Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n"
         "trailer\n<< /Root 1 0 R >>\n%%EOF\n";
}

/// Prepares the case in `root`/work, optionally puts a good PDF under the output name first, runs
/// the tool there and reports every file that changed but the output of a successful run.
inline Outcome run_case(const Case& c, const fs::path& root, bool with_existing_pdf) {
  const fs::path work = root / "work";
  prepare(c, work);
  const fs::path out = work / c.output;
  // An output outside the case's folder (a system folder nobody may write) gets no earlier PDF.
  if (with_existing_pdf && fs::path(c.output).is_relative() && fs::is_directory(out.parent_path()) &&
      !fs::exists(out))
    write_text(out.string(), good_pdf());
  const auto before = snapshot(work);
  const bool timed = c.max_rss_mb > 0 && fs::exists("/usr/bin/time");
  const std::string rss = (root / "rss").string(), err = (root / "stderr").string();
  const std::string cmd = "cd '" + work.string() + "' && " + (timed ? "/usr/bin/time -f %M -o '" + rss + "' " : "") +
                          "timeout 120 '" + binary() + "' " + c.args + " >/dev/null 2>'" + err + "'";
  Outcome o;
  o.status = run(cmd).status;
  o.err = abstract(slurp(err));
  if (timed) o.rss_mb = std::atol(slurp(rss).c_str()) / 1024;
  o.problems = changes(before, snapshot(work), o.status == 0 ? c.output : "");
  if (o.status == 0 && slurp(out).rfind("%PDF-", 0) != 0) o.problems += "no PDF under " + c.output + "\n";
  if (o.status == 0 && with_existing_pdf && slurp(out) == good_pdf()) o.problems += "the old PDF was kept\n";
  return o;
}

/// True when `line` matches `pattern`, where "{*}" in the pattern matches any text.
inline bool line_matches(const std::string& pattern, const std::string& line) {
  std::vector<std::string> parts;
  for (std::size_t from = 0;;) {
    const auto star = pattern.find("{*}", from);
    parts.push_back(pattern.substr(from, star == std::string::npos ? std::string::npos : star - from));
    if (star == std::string::npos) break;
    from = star + 3;
  }
  if (parts.size() == 1) return pattern == line;
  if (!line.starts_with(parts.front())) return false;
  std::size_t at = parts.front().size();
  for (std::size_t i = 1; i + 1 < parts.size(); ++i) {
    const auto found = line.find(parts[i], at);
    if (found == std::string::npos) return false;
    at = found + parts[i].size();
  }
  return line.size() >= at + parts.back().size() && line.ends_with(parts.back());
}

/// True when `actual` matches `expected` line by line (see line_matches).
inline bool matches(const std::string& expected, const std::string& actual) {
  std::istringstream e(expected), a(actual);
  std::string el, al;
  while (true) {
    const bool more_e = static_cast<bool>(std::getline(e, el)), more_a = static_cast<bool>(std::getline(a, al));
    if (!more_e || !more_a) return more_e == more_a;
    if (!line_matches(el, al)) return false;
  }
}

}  // namespace briefing::test::bad_input
