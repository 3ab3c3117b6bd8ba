#include "cli/console.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

namespace briefing::cli {

namespace {

/// True when the environment variable is set and not empty.
bool env_set(const char* name) {
  const char* v = std::getenv(name);
  return v && *v;
}

}  // namespace

Console detect_console(std::ostream& out, std::ostream& err) {
  Console c{out, err};
  const bool terminal = &out == &std::cout && ::isatty(STDOUT_FILENO) == 1;
  const char* term = std::getenv("TERM");
  c.tty = terminal && !env_set("CI") && !(term && std::strcmp(term, "dumb") == 0);
  c.color = c.tty && !env_set("NO_COLOR");
  struct winsize ws {};
  if (terminal && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) c.width = ws.ws_col;
  return c;
}

std::string paint(const Console& c, const char* sgr, const std::string& text) {
  if (!c.color) return text;
  return std::string("\x1b[") + sgr + "m" + text + "\x1b[0m";
}

}  // namespace briefing::cli
