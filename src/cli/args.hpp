// A cursor over command-line arguments that understands `--flag VALUE` and `--flag=VALUE`.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace briefing::cli {

/// Walks the arguments one flag at a time; a flag's value comes from `=VALUE` or the next argument.
class ArgCursor {
 public:
  explicit ArgCursor(const std::vector<std::string>& args, std::size_t start = 0) : args_(args), i_(start) {}

  [[nodiscard]] bool done() const { return i_ >= args_.size(); }
  /// Moves to the next argument and returns its flag part (before any '=' of a long option).
  const std::string& next();
  /// The value of the current flag; nothing with a message in `error` when it is missing.
  std::optional<std::string> value(std::string& error);
  /// The current flag's value as a whole number in [lo, hi]; nothing with a message otherwise.
  std::optional<unsigned> number(unsigned lo, unsigned hi, std::string& error);
  /// True when the current flag carried an unused `=VALUE` (a switch given a value).
  [[nodiscard]] bool has_inline_value() const { return inline_.has_value(); }

 private:
  const std::vector<std::string>& args_;
  std::size_t i_;
  std::string flag_;
  std::optional<std::string> inline_;
};

/// Parses a whole decimal number; nothing when `s` is anything else.
[[nodiscard]] std::optional<unsigned long long> parse_whole(const std::string& s);

}  // namespace briefing::cli
