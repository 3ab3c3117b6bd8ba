// Command-line options: parsed into a plain value, with usage errors as messages.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace briefing::cli {

/// What the user asked for.
struct Options {
  enum class Command { help, version, render, check };
  Command command = Command::help;
  std::string article;
  std::string layout = "a4-briefing";
  std::string output;       ///< empty: out/<article-id>-<layout>.pdf
  std::string layouts_dir;  ///< empty: found automatically
  std::string fonts_dir;    ///< empty: found automatically
  bool quiet = false;
};

/// Parses arguments (without the program name); nothing with a message in `error` on misuse.
[[nodiscard]] std::optional<Options> parse(const std::vector<std::string>& args, std::string& error);

/// The --help text.
[[nodiscard]] std::string usage();

}  // namespace briefing::cli
