// Just enough JSON to print results: string escaping and a tiny object builder.
#pragma once

#include <string>
#include <string_view>

namespace briefing::cli {

/// `s` as a JSON string literal, quotes included: control characters escaped, invalid UTF-8
/// replaced by U+FFFD so the output is always valid JSON.
[[nodiscard]] std::string json_string(std::string_view s);

/// Builds one JSON object, member by member, in the order given.
class JsonObject {
 public:
  JsonObject& str(std::string_view key, std::string_view value);
  JsonObject& num(std::string_view key, double value);
  JsonObject& integer(std::string_view key, long long value);
  /// A member whose value is already JSON (an array or object).
  JsonObject& raw(std::string_view key, std::string_view json);
  [[nodiscard]] std::string done() const { return text_ + "}"; }

 private:
  void key(std::string_view k);
  std::string text_ = "{";
};

}  // namespace briefing::cli
