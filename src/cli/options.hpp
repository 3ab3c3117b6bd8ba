// Command-line options: parsed into a plain value, with usage errors as messages.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace briefing::cli {

/// A K-th of N part of a batch (K counts from 1).
struct Shard {
  unsigned index = 1;
  unsigned count = 1;
};

/// What `build` and `watch` select and how they run.
struct BatchOptions {
  std::vector<std::string> articles;  ///< files or folders; empty: every source/*.xml
  std::vector<std::string> layouts;   ///< names or paths; empty: every layout in the layouts folder
  std::string manifest;               ///< file listing article, layout and output per line
  std::string out_dir = "out";
  unsigned jobs = 0;  ///< 0: one per core
  bool force = false;
  bool json = false;
  std::string depfile;
  std::optional<Shard> shard;  ///< from --shard K/N
  std::string shard_env;       ///< variable holding K (with --shard-count N)
  unsigned shard_count = 0;
  unsigned shard_base = 1;  ///< what the variable's first index is: 0 or 1
  unsigned exit_after = 0;  ///< watch: stop after this many rebuilds (0: run until a signal)
};

/// What the user asked for.
struct Options {
  enum class Command { help, version, render, check, build, watch };
  Command command = Command::help;
  std::string article;
  std::string layout = "a4-briefing";
  std::string output;       ///< empty: out/<article-id>-<layout>.pdf
  std::string layouts_dir;  ///< empty: found automatically
  std::string fonts_dir;    ///< empty: found automatically
  bool quiet = false;
  bool allow_outside_files = false;  ///< fonts and images may lie anywhere
  BatchOptions batch;

  [[nodiscard]] bool is_batch() const { return command == Command::build || command == Command::watch; }
};

/// Parses arguments (without the program name); nothing with a message in `error` on misuse.
[[nodiscard]] std::optional<Options> parse(const std::vector<std::string>& args, std::string& error);

/// The --help text.
[[nodiscard]] std::string usage();

}  // namespace briefing::cli
