// The tool as a library call: tests drive the whole CLI in-process through run().
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace briefing::cli {

/// Exit codes of the tool.
enum Exit { ok = 0, content_error = 1, usage_error = 2 };

/// Runs the tool with `args` (without the program name); `program` is argv[0], used to find the
/// layouts folder next to the executable. Writes messages to `out` and `err`.
int run(const std::vector<std::string>& args, const std::string& program, std::ostream& out, std::ostream& err);

}  // namespace briefing::cli
