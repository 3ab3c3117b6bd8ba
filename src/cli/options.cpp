#include "cli/options.hpp"

namespace briefing::cli {

std::string usage() {
  return R"(briefing - typeset tagged news articles as PDF briefing sheets

usage:
  briefing render ARTICLE.xml [--layout NAME|FILE] [-o OUT.pdf]
  briefing check  ARTICLE.xml [--layout NAME|FILE]
  briefing --help | --version

commands:
  render   lay out the article and write the PDF (default: out/<article-id>-<layout>.pdf)
  check    load and lay out the article without writing anything; report every problem

options:
  -l, --layout NAME|FILE  layout name (resolved in the layouts folder) or path; default a4-briefing
  -o, --output FILE       where to write the PDF (written atomically)
  --layouts-dir DIR       folder of named layouts (default: ./layouts, else next to the program)
  --fonts-dir DIR         folder of font files (default: the folder 'fonts' beside the layouts)
  -q, --quiet             print errors only
  -h, --help              show this help
  --version               show the version

exit codes: 0 success, 1 the input has errors or the output cannot be written, 2 usage error.
environment: SOURCE_DATE_EPOCH sets the dates written into the PDF.
)";
}

std::optional<Options> parse(const std::vector<std::string>& args, std::string& error) {
  Options o;
  if (args.empty()) {
    error = "no command given";
    return std::nullopt;
  }
  std::size_t i = 0;
  const std::string& cmd = args[i++];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") return o;
  if (cmd == "--version") {
    o.command = Options::Command::version;
    return o;
  }
  if (cmd == "render") {
    o.command = Options::Command::render;
  } else if (cmd == "check") {
    o.command = Options::Command::check;
  } else {
    error = "unknown command '" + cmd + "' (expected render or check)";
    return std::nullopt;
  }
  auto value = [&](const std::string& flag) -> std::optional<std::string> {
    if (i >= args.size()) {
      error = "option '" + flag + "' needs a value";
      return std::nullopt;
    }
    return args[i++];
  };
  while (i < args.size()) {
    const std::string a = args[i++];
    std::optional<std::string> v;
    if (a == "-l" || a == "--layout") {
      if (!(v = value(a))) return std::nullopt;
      o.layout = *v;
    } else if (a == "-o" || a == "--output") {
      if (o.command == Options::Command::check) {
        error = "'check' writes nothing; drop '" + a + "'";
        return std::nullopt;
      }
      if (!(v = value(a))) return std::nullopt;
      o.output = *v;
    } else if (a == "--layouts-dir") {
      if (!(v = value(a))) return std::nullopt;
      o.layouts_dir = *v;
    } else if (a == "--fonts-dir") {
      if (!(v = value(a))) return std::nullopt;
      o.fonts_dir = *v;
    } else if (a == "-q" || a == "--quiet") {
      o.quiet = true;
    } else if (a == "-h" || a == "--help") {
      o.command = Options::Command::help;
      return o;
    } else if (!a.empty() && a[0] == '-') {
      error = "unknown option '" + a + "'";
      return std::nullopt;
    } else if (o.article.empty()) {
      o.article = a;
    } else {
      error = "more than one article given ('" + o.article + "', '" + a + "')";
      return std::nullopt;
    }
  }
  if (o.article.empty()) {
    error = "no article given";
    return std::nullopt;
  }
  return o;
}

}  // namespace briefing::cli
