// Entity and character references: checked in the raw text, since pugixml expands them silently.
#include "article/loader.hpp"

namespace briefing::article::detail {

/// pugixml leaves unknown entity references such as "&nbsp;" in the text; report them, bare
/// ampersands and references to characters XML does not allow.
void Loader::check_references(std::size_t begin, std::size_t end) {
  end = std::min(end, text_.size());
  for (std::size_t i = begin; i < end; ++i) {
    if (text_[i] != '&') continue;
    std::size_t j = i + 1;
    while (j < end && j - i < 40 && text_[j] != ';' && text_[j] != '&' && text_[j] != '<' && !is_ws(text_[j])) ++j;
    if (j >= end || text_[j] != ';' || j == i + 1) {
      error(at(i), "a bare '&' must be written as &amp;");
      continue;
    }
    const std::string_view name = text_.substr(i + 1, j - i - 1);
    const std::string_view whole = text_.substr(i, j - i + 1);
    if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos") continue;
    if (name.front() == '#') {
      const bool hex = name.size() > 1 && name[1] == 'x';
      const std::string_view digits = name.substr(hex ? 2 : 1);
      unsigned long cp = 0;
      bool ok = !digits.empty() && digits.size() <= 8;
      for (char c : digits) {
        if (!ok) break;
        int d = -1;
        if (is_ascii_digit(c))
          d = c - '0';
        else if (hex && c >= 'a' && c <= 'f')
          d = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F')
          d = c - 'A' + 10;
        if (d < 0)
          ok = false;
        else
          cp = cp * (hex ? 16 : 10) + static_cast<unsigned long>(d);
      }
      ok = ok && (cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                  (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF));
      if (!ok) error(at(i), fmt::format("invalid character reference '{}'", whole));
      continue;
    }
    error(at(i), fmt::format("unknown entity '{}'; write the character itself, or a numeric reference such as "
                             "&#160; for a no-break space",
                             whole));
  }
}

/// pugixml accepts "--" inside a comment; XML (and xmllint) do not.
void Loader::check_comment(const pugi::xml_node& n) {
  const std::string_view value = n.value();
  if (value.find("--") == std::string_view::npos && (value.empty() || value.back() != '-')) return;
  const std::size_t off = text_.find("--", elem_offset(n));
  error(at(off == std::string_view::npos ? elem_offset(n) : off),
        "malformed xml: '--' is not allowed inside a comment");
}

/// Walks the whole tree without recursion, checking references in text and attribute values.
void Loader::scan_references(const pugi::xml_node& root) {
  pugi::xml_node n = root;
  while (n) {
    if (n.type() == pugi::node_element) {
      for (const RawAttr& a : raw_attrs(n)) check_references(a.value_begin, a.value_end);
    } else if (n.type() == pugi::node_comment) {
      check_comment(n);
    } else if (n.type() == pugi::node_pcdata) {
      const std::size_t begin = elem_offset(n);
      const std::size_t lt = text_.find('<', begin);
      check_references(begin, lt == std::string_view::npos ? text_.size() : lt);
    }
    if (n.first_child()) {
      n = n.first_child();
      continue;
    }
    while (n && n != root && !n.next_sibling()) n = n.parent();
    if (!n || n == root) break;
    n = n.next_sibling();
  }
}

}  // namespace briefing::article::detail
