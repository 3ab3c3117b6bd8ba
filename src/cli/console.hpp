// Where the tool's messages go and what that place can show (a live progress line, colours).
#pragma once

#include <ostream>

namespace briefing::cli {

/// The output streams and their capabilities.
struct Console {
  std::ostream& out;
  std::ostream& err;
  bool tty = false;    ///< `out` is an interactive terminal and not CI: draw a live progress line
  bool color = false;  ///< colours allowed (a terminal, NO_COLOR unset or empty, TERM not dumb)
  int width = 80;      ///< the terminal's columns
};

/// Inspects the streams: only the process's own stdout can be a terminal; `CI` in the environment
/// forces plain lines; NO_COLOR (non-empty) and TERM=dumb turn colours off.
[[nodiscard]] Console detect_console(std::ostream& out, std::ostream& err);

/// Wraps `text` in an SGR colour (e.g. "31" red) when colours are on.
[[nodiscard]] std::string paint(const Console& c, const char* sgr, const std::string& text);

}  // namespace briefing::cli
