#include "cli/json.hpp"

#include <fmt/format.h>

#include "base/text.hpp"

namespace briefing::cli {

std::string json_string(std::string_view s) {
  const std::string fixed =
      base::utf8_first_invalid(s) == std::string_view::npos ? std::string(s) : base::utf8_encode(base::utf8_decode(s));
  std::string out = "\"";
  for (const unsigned char c : fixed) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20 || c == 0x7f)
          out += fmt::format("\\u{:04x}", c);
        else
          out.push_back(static_cast<char>(c));
    }
  }
  return out + "\"";
}

void JsonObject::key(std::string_view k) {
  if (text_.size() > 1) text_ += ",";
  text_ += json_string(k) + ":";
}

JsonObject& JsonObject::str(std::string_view k, std::string_view value) {
  key(k);
  text_ += json_string(value);
  return *this;
}

JsonObject& JsonObject::num(std::string_view k, double value) {
  key(k);
  text_ += fmt::format("{:.1f}", value);
  return *this;
}

JsonObject& JsonObject::integer(std::string_view k, long long value) {
  key(k);
  text_ += std::to_string(value);
  return *this;
}

JsonObject& JsonObject::raw(std::string_view k, std::string_view json) {
  key(k);
  text_ += json;
  return *this;
}

}  // namespace briefing::cli
