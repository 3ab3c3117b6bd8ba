#include "base/xmlpos.hpp"

namespace briefing::base {

namespace {
bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == ':' || c == '.' || (static_cast<unsigned char>(c) >= 0x80);
}
}  // namespace

std::size_t attribute_offset(std::string_view xml, std::size_t element_offset, std::string_view name) {
  char quote = 0;
  for (std::size_t i = element_offset; i < xml.size(); ++i) {
    const char c = xml[i];
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      break;
    } else if (xml.compare(i, name.size(), name) == 0 && i > 0 && !is_name_char(xml[i - 1])) {
      std::size_t j = i + name.size();
      while (j < xml.size() && (xml[j] == ' ' || xml[j] == '\t' || xml[j] == '\n' || xml[j] == '\r')) ++j;
      if (j < xml.size() && xml[j] == '=') return i;
    }
  }
  return element_offset;
}

}  // namespace briefing::base
