// The tool as a library call: tests drive the whole CLI in-process through run().
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace briefing::cli {

/// Exit codes of the tool (a batch stopped by a signal exits with 128 + the signal's number).
enum Exit { ok = 0, content_error = 1, usage_error = 2 };

/// Runs the tool with `args` (without the program name); `program` is argv[0], used to find the
/// layouts folder next to the executable. Writes messages to `out` and `err`; `out` counts as a
/// terminal (progress line, colours) only when it is std::cout attached to one.
int run(const std::vector<std::string>& args, const std::string& program, std::ostream& out, std::ostream& err);

}  // namespace briefing::cli
