#include "cli/args.hpp"

#include <charconv>

namespace briefing::cli {

const std::string& ArgCursor::next() {
  const std::string& a = args_[i_++];
  inline_.reset();
  const auto eq = a.find('=');
  if (a.rfind("--", 0) == 0 && eq != std::string::npos) {
    flag_ = a.substr(0, eq);
    inline_ = a.substr(eq + 1);
  } else if (a.size() > 2 && a.rfind("-j", 0) == 0) {
    flag_ = "-j";  // -j4, as make and ninja spell it
    inline_ = a.substr(2);
  } else {
    flag_ = a;
  }
  return flag_;
}

std::optional<std::string> ArgCursor::value(std::string& error) {
  if (inline_) {
    std::string v = std::move(*inline_);
    inline_.reset();
    return v;
  }
  if (i_ >= args_.size()) {
    error = "option '" + flag_ + "' needs a value";
    return std::nullopt;
  }
  return args_[i_++];
}

std::optional<unsigned> ArgCursor::number(unsigned lo, unsigned hi, std::string& error) {
  const auto v = value(error);
  if (!v) return std::nullopt;
  const auto n = parse_whole(*v);
  if (!n || *n < lo || *n > hi) {
    error = "option '" + flag_ + "' needs a whole number from " + std::to_string(lo) + " to " + std::to_string(hi) +
            ", not '" + *v + "'";
    return std::nullopt;
  }
  return static_cast<unsigned>(*n);
}

std::optional<unsigned long long> parse_whole(const std::string& s) {
  unsigned long long n = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (s.empty() || ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return n;
}

}  // namespace briefing::cli
