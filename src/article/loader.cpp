// The article loader: a run over the document, positions, diagnostics and small checks.
#include "article/loader.hpp"

namespace briefing::article::detail {

std::optional<Article> Loader::run(base::DiagSink& sink) {
  const bool ok = load();
  std::stable_sort(diags_.begin(), diags_.end(), [](const base::Diagnostic& a, const base::Diagnostic& b) {
    return std::pair(a.pos.line, a.pos.column) < std::pair(b.pos.line, b.pos.column);
  });
  bool errors = false;
  for (auto& d : diags_) {
    errors = errors || d.severity == base::Severity::error;
    sink.add(std::move(d));
  }
  if (!ok || errors) return std::nullopt;
  return std::move(art_);
}

SourcePos Loader::at(std::size_t offset) {
  const auto [line, col] = locator_.locate(offset);
  // Editors do not show a byte order mark: columns on the first line start after it.
  const bool after_bom = line == 1 && col > 1 && text_.substr(0, 3) == "\xEF\xBB\xBF";
  return SourcePos{path_, line, after_bom ? col - 1 : col};
}

/// Offset of an element's '<' (pugixml reports the offset of its name).
std::size_t Loader::elem_offset(const pugi::xml_node& n) const {
  const std::ptrdiff_t off = n.offset_debug();
  if (off <= 0) return 0;
  return static_cast<std::size_t>(off) - (n.type() == pugi::node_element ? 1 : 0);
}

/// Offset of the first non-whitespace character of a text node (its start when blank).
std::size_t Loader::text_offset(const pugi::xml_node& n) const {
  std::size_t i = elem_offset(n);
  if (n.type() == pugi::node_cdata) return i;
  const std::size_t start = i;
  while (i < text_.size() && is_ws(text_[i])) ++i;
  return i < text_.size() && text_[i] != '<' ? i : start;
}

void Loader::error(SourcePos p, std::string message) {
  diags_.push_back({std::move(p), base::Severity::error, std::move(message)});
}

/// The attributes of an element's start tag as written, found by scanning the raw text.
std::vector<RawAttr> Loader::raw_attrs(const pugi::xml_node& n) const {
  std::vector<RawAttr> out;
  const std::ptrdiff_t off = n.offset_debug();
  if (off <= 0) return out;
  std::size_t i = static_cast<std::size_t>(off);
  const std::size_t size = text_.size();
  while (i < size && !is_ws(text_[i]) && text_[i] != '>' && text_[i] != '/') ++i;
  while (i < size) {
    while (i < size && is_ws(text_[i])) ++i;
    if (i >= size || text_[i] == '>' || text_[i] == '/') break;
    RawAttr a;
    a.name_offset = i;
    while (i < size && !is_ws(text_[i]) && text_[i] != '=' && text_[i] != '>' && text_[i] != '/') ++i;
    a.name = text_.substr(a.name_offset, i - a.name_offset);
    while (i < size && is_ws(text_[i])) ++i;
    if (i >= size || text_[i] != '=') break;
    ++i;
    while (i < size && is_ws(text_[i])) ++i;
    if (i >= size || (text_[i] != '"' && text_[i] != '\'')) break;
    const char quote = text_[i++];
    a.value_begin = i;
    while (i < size && text_[i] != quote) ++i;
    a.value_end = i;
    out.push_back(a);
    if (i < size) ++i;
  }
  return out;
}

/// Position of an attribute's name in the start tag, or of the element when it cannot be found.
SourcePos Loader::attr_pos(const pugi::xml_node& n, std::string_view name) {
  for (const RawAttr& a : raw_attrs(n))
    if (a.name == name) return at(a.name_offset);
  return pos(n);
}

/// Reports attributes not in `allowed`, and attributes given twice.
void Loader::check_attrs(const pugi::xml_node& n, const Candidates& allowed) {
  const std::vector<RawAttr> raw = raw_attrs(n);
  std::vector<std::string_view> seen;
  std::size_t k = 0;
  for (const pugi::xml_attribute& a : n.attributes()) {
    const std::string_view name = a.name();
    const SourcePos p = k < raw.size() && raw[k].name == name ? at(raw[k].name_offset) : pos(n);
    ++k;
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      error(p, fmt::format("unknown attribute '{}' on <{}>{}", name, n.name(),
                           suggestion(name, allowed, Named::attribute)));
    } else if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
      error(p, fmt::format("duplicate attribute '{}' on <{}>", name, n.name()));
    }
    seen.push_back(name);
  }
}

/// An attribute's value with whitespace collapsed, or nothing when absent.
std::optional<std::string> Loader::attr(const pugi::xml_node& n, const char* name) {
  const pugi::xml_attribute a = n.attribute(name);
  if (!a) return std::nullopt;
  return normalise(a.value());
}

/// A required attribute: reports it when missing or empty.
std::optional<std::string> Loader::required_attr(const pugi::xml_node& n, const char* name) {
  std::optional<std::string> v = attr(n, name);
  if (!v) {
    error(pos(n), fmt::format("<{}> is missing required attribute '{}'", n.name(), name));
  } else if (v->empty()) {
    error(attr_pos(n, name), fmt::format("attribute '{}' on <{}> must not be empty", name, n.name()));
    v.reset();
  }
  return v;
}

/// An id attribute that must be well formed and unique across the article.
std::optional<std::string> Loader::declare_id(const pugi::xml_node& n, const char* name, bool required) {
  std::optional<std::string> id = required ? required_attr(n, name) : attr(n, name);
  if (!id) return std::nullopt;
  const SourcePos p = attr_pos(n, name);
  if (!valid_id(*id)) {
    error(p, fmt::format("invalid id '{}' (an id starts with a letter and uses only letters, digits, '-', "
                         "'_' and '.')",
                         *id));
    return std::nullopt;
  }
  const auto [it, inserted] = ids_.emplace(*id, p.line);
  if (!inserted) {
    error(p, fmt::format("duplicate id '{}' (first declared at line {})", *id, it->second));
    return std::nullopt;
  }
  return id;
}

/// Reports non-whitespace text sitting directly in a container element.
void Loader::check_no_text(const pugi::xml_node& child, std::string_view parent, std::string_view hint) {
  if (is_blank(child.value())) return;
  error(at(text_offset(child)), fmt::format("text is not allowed directly in <{}>{}", parent, hint));
}

void Loader::unknown_element(const pugi::xml_node& n, std::string_view parent, const Candidates& allowed) {
  error(pos(n),
        fmt::format("unknown element <{}> in <{}>{}", n.name(), parent, suggestion(n.name(), allowed, Named::element)));
}

/// The text of an element that may hold only text, whitespace collapsed and trimmed.
std::string Loader::text_only(const pugi::xml_node& n) {
  std::string raw;
  for (const pugi::xml_node& c : n.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      raw += c.value();
    } else if (c.type() == pugi::node_element) {
      error(pos(c), fmt::format("<{}> may contain only text, not <{}>", n.name(), c.name()));
    }
  }
  return normalise(raw);
}

/// Reads `when` or `from`/`to` from a <date>; nothing when absent or invalid.
std::optional<DateRange> Loader::date_attrs(const pugi::xml_node& n, bool required) {
  const auto when = attr(n, "when");
  const auto from = attr(n, "from");
  const auto to = attr(n, "to");
  auto check = [&](const std::optional<std::string>& v, const char* name) {
    if (!v) return false;
    if (valid_date(*v)) return true;
    error(attr_pos(n, name), fmt::format("invalid date '{}' (expected YYYY-MM-DD)", *v));
    return false;
  };
  if (when && (from || to)) {
    error(attr_pos(n, from ? "from" : "to"), "<date> takes either 'when' or 'from' and 'to', not both");
    return std::nullopt;
  }
  if (when) {
    if (!check(when, "when")) return std::nullopt;
    return DateRange{*when, *when};
  }
  if (from || to) {
    if (!from) error(pos(n), "<date> is missing required attribute 'from'");
    if (!to) error(pos(n), "<date> is missing required attribute 'to'");
    const bool ok_from = check(from, "from");
    const bool ok_to = check(to, "to");
    if (!ok_from || !ok_to) return std::nullopt;
    if (date_before(*to, *from)) {
      error(attr_pos(n, "to"),
            fmt::format("the date range ends before it starts ('to' {} is before 'from' {})", *to, *from));
      return std::nullopt;
    }
    return DateRange{*from, *to};
  }
  if (required) error(pos(n), "<date> needs a 'when' attribute, or 'from' and 'to'");
  return std::nullopt;
}

}  // namespace briefing::article::detail
