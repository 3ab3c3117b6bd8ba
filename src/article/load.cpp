// Loads a tagged article from XML. This is the only file that sees pugixml: everything it finds is
// copied into the plain model, and every problem becomes a diagnostic with a line and column.
#include "article/load.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cctype>
#include <exception>
#include <new>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/fileio.hpp"
#include "base/text.hpp"

namespace briefing::article {

namespace {

using base::SourcePos;
using Candidates = std::vector<std::string_view>;

/// Deepest nesting of inline elements inside one paragraph or heading.
constexpr int kMaxInlineDepth = 64;

const Candidates kMarkings = {"OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET", "TOP SECRET"};
const Candidates kArticleChildren = {"meta", "people", "organisations", "facts", "body"};
const Candidates kMetaChildren = {"title", "standfirst", "date", "place", "source", "byline", "marking", "keywords"};
const Candidates kInline = {"person", "org", "place", "date", "quote", "fact", "em", "strong", "url", "email"};

bool is_ws(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool is_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return is_ws(c); });
}

bool is_ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

/// Collapses XML whitespace and trims the ends.
std::string normalise(std::string_view s) {
  return std::string(base::trim(base::collapse_space(s)));
}

std::string ascii_lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string ascii_upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

/// An id names a person, organisation or quotation: a letter, then letters, digits, '-', '_', '.'.
bool valid_id(std::string_view id) {
  if (id.empty() || !is_ascii_alpha(id.front())) return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return is_ascii_alpha(c) || is_ascii_digit(c) || c == '-' || c == '_' || c == '.'; });
}

/// Links go to the web or to a mailbox only: an explicit scheme must be http, https or mailto
/// ("www.gov.uk", with none, is a web address; so is "localhost:8080", a host and port).
bool allowed_scheme(std::string_view href) {
  std::string h;  // what a PDF viewer would follow: no whitespace anywhere
  for (char c : href)
    if (!is_ws(c)) h += c;
  const std::size_t colon = h.find(':');
  if (colon == std::string::npos || h.find_first_of("/?#") < colon) return true;
  const std::size_t port_end = std::min(h.find('/', colon), h.size());
  const auto digits = std::string_view(h).substr(colon + 1, port_end - colon - 1);
  const bool port = !digits.empty() && std::all_of(digits.begin(), digits.end(), is_ascii_digit);
  const std::string scheme = ascii_lower(h.substr(0, colon));
  return port || scheme == "http" || scheme == "https" || scheme == "mailto";
}

/// A language tag in the shape of BCP 47: "en", "en-GB", "cy-GB".
bool valid_lang(std::string_view s) {
  std::size_t i = 0;
  std::size_t n = 0;
  while (i < s.size() && is_ascii_alpha(s[i])) ++i, ++n;
  if (n < 2 || n > 3) return false;
  while (i < s.size()) {
    if (s[i] != '-') return false;
    ++i;
    n = 0;
    while (i < s.size() && (is_ascii_alpha(s[i]) || is_ascii_digit(s[i]))) ++i, ++n;
    if (n < 1 || n > 8) return false;
  }
  return true;
}

/// ISO 8601 calendar date at year, month or day precision: YYYY, YYYY-MM or YYYY-MM-DD.
bool valid_date(std::string_view s) {
  auto digits = [&](std::size_t at, std::size_t n) {
    for (std::size_t k = at; k < at + n; ++k)
      if (k >= s.size() || !is_ascii_digit(s[k])) return false;
    return true;
  };
  auto number = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t k = at; k < at + n; ++k) v = v * 10 + (s[k] - '0');
    return v;
  };
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  if (!digits(0, 4)) return false;
  const int year = number(0, 4);
  if (s.size() == 4) return true;
  if (s[4] != '-' || !digits(5, 2)) return false;
  const int month = number(5, 2);
  if (month < 1 || month > 12) return false;
  if (s.size() == 7) return true;
  if (s[7] != '-' || !digits(8, 2)) return false;
  const int day = number(8, 2);
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int last = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day >= 1 && day <= last;
}

/// True when a range from `from` to `to` ends before it starts, comparing at the coarser precision.
bool date_before(std::string_view to, std::string_view from) {
  const std::size_t n = std::min(to.size(), from.size());
  return to.substr(0, n) < from.substr(0, n);
}

/// The last word of a name (split at spaces and no-break spaces), for sorting by surname.
std::string last_word(std::string_view name) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name[i] == ' ') start = i + 1;
    if (name[i] == '\xC2' && i + 1 < name.size() && name[i + 1] == '\xA0') start = i + 2;
  }
  return std::string(name.substr(start));
}

/// Names people coming from HTML or word processors reach for, and what this format calls them.
/// Used for did-you-mean when the spelling is too far from every allowed name.
struct Alias {
  std::string_view from;
  std::string_view to;
};
constexpr Alias kElementAliases[] = {
    {"para", "p"},
    {"parra", "p"},
    {"paragraph", "p"},
    {"par", "p"},
    {"h1", "heading"},
    {"h2", "heading"},
    {"h3", "heading"},
    {"head", "heading"},
    {"header", "heading"},
    {"subheading", "heading"},
    {"subhead", "heading"},
    {"i", "em"},
    {"emph", "em"},
    {"italic", "em"},
    {"italics", "em"},
    {"b", "strong"},
    {"bold", "strong"},
    {"a", "url"},
    {"link", "url"},
    {"href", "url"},
    {"mail", "email"},
    {"e-mail", "email"},
    {"organisation", "org"},
    {"organization", "org"},
    {"name", "person"},
    {"q", "quote"},
    {"blockquote", "quote"},
    {"quotation", "quote"},
    {"cite", "quote"},
    {"location", "place"},
    {"time", "date"},
    {"key-fact", "fact"},
    {"keyfact", "fact"},
    {"div", "section"},
    {"sec", "section"},
    {"classification", "marking"},
    {"summary", "standfirst"},
    {"lede", "standfirst"},
    {"intro", "standfirst"},
    {"subtitle", "standfirst"},
    {"author", "byline"},
    {"headline", "title"},
    {"publisher", "source"},
    {"tags", "keywords"},
    {"persons", "people"},
    {"orgs", "organisations"},
    {"organizations", "organisations"},
};
constexpr Alias kAttributeAliases[] = {
    {"lang", "xml:lang"},   {"id", "ref"},         {"by", "speaker"},
    {"who", "speaker"},     {"person", "speaker"}, {"date", "when"},
    {"start", "from"},      {"end", "to"},         {"until", "to"},
    {"link", "href"},       {"url", "href"},       {"surname", "sort"},
    {"title", "role"},      {"job", "role"},       {"position", "role"},
    {"org", "affiliation"}, {"abbr", "short"},     {"abbreviation", "short"},
    {"acronym", "short"},   {"summary", "short"},
};

enum class Named { element, attribute, value };

/// "; did you mean <p>?" (or 'speaker' for attributes and values), or "" when nothing is close.
std::string suggestion(std::string_view word, const Candidates& candidates, Named what) {
  std::string best;
  const std::string lower = ascii_lower(std::string(word));
  auto try_aliases = [&](const auto& table) {
    for (const Alias& a : table)
      if (a.from == lower && std::find(candidates.begin(), candidates.end(), a.to) != candidates.end())
        best = std::string(a.to);
  };
  if (what == Named::element)
    try_aliases(kElementAliases);
  else if (what == Named::attribute)
    try_aliases(kAttributeAliases);
  if (best.empty()) best = base::did_you_mean(word, candidates);
  if (best.empty()) return "";
  if (what == Named::element) return fmt::format("; did you mean <{}>?", best);
  return fmt::format("; did you mean '{}'?", best);
}

/// Where something is in the buffer, turned into line and column cheaply: consecutive look-ups on
/// one line count code points from the previous one (forwards or backwards) instead of from the
/// line start, so that a huge single-line file does not make positions quadratic.
class Locator {
 public:
  explicit Locator(std::string_view text) : text_(text), map_(text) {}

  std::pair<int, int> locate(std::size_t offset) {
    offset = std::min(offset, text_.size());
    if (have_cache_ && offset < cache_offset_) {
      int col = cache_col_;
      bool same_line = true;
      for (std::size_t i = offset; i < cache_offset_; ++i) {
        if (text_[i] == '\n') {
          same_line = false;
          break;
        }
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) --col;
      }
      if (same_line) return remember(offset, cache_line_, col);
    }
    if (have_cache_ && offset >= cache_offset_) {
      int col = cache_col_;
      bool same_line = true;
      for (std::size_t i = cache_offset_; i < offset; ++i) {
        if (text_[i] == '\n') {
          same_line = false;
          break;
        }
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col;
      }
      if (same_line) return remember(offset, cache_line_, col);
    }
    const auto [line, col] = map_.locate(offset);
    return remember(offset, line, col);
  }

 private:
  std::pair<int, int> remember(std::size_t offset, int line, int col) {
    have_cache_ = true;
    cache_offset_ = offset;
    cache_line_ = line;
    cache_col_ = col;
    return {line, col};
  }

  std::string_view text_;
  base::LineMap map_;
  bool have_cache_ = false;
  std::size_t cache_offset_ = 0;
  int cache_line_ = 1;
  int cache_col_ = 1;
};

/// One attribute as written in a start tag: where its name and value are in the raw text.
struct RawAttr {
  std::string_view name;
  std::size_t name_offset = 0;
  std::size_t value_begin = 0;
  std::size_t value_end = 0;
};

/// Properties a run inherits from the elements around it.
struct Props {
  bool italic = false;
  bool bold = false;
  bool no_hyphenate = false;
  RunKind kind = RunKind::text;
  std::string ref;
  int quote = -1;
  int fact = -1;
  bool in_quote = false;  ///< inside a <quote> element (not just a continued quotation)
  bool in_fact = false;

  [[nodiscard]] bool same_run(const Run& r) const {
    return r.italic == italic && r.bold == bold && r.no_hyphenate == no_hyphenate && r.kind == kind && r.ref == ref &&
           r.quote == quote && r.fact == fact;
  }
};

class Loader {
 public:
  Loader(std::string_view text, const std::string& path) : text_(text), path_(path), locator_(text) {}

  std::optional<Article> run(base::DiagSink& sink) {
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

 private:
  // ---- positions and diagnostics ------------------------------------------------------------

  SourcePos at(std::size_t offset) {
    const auto [line, col] = locator_.locate(offset);
    // Editors do not show a byte order mark: columns on the first line start after it.
    const bool after_bom = line == 1 && col > 1 && text_.substr(0, 3) == "\xEF\xBB\xBF";
    return SourcePos{path_, line, after_bom ? col - 1 : col};
  }

  /// Offset of an element's '<' (pugixml reports the offset of its name).
  std::size_t elem_offset(const pugi::xml_node& n) const {
    const std::ptrdiff_t off = n.offset_debug();
    if (off <= 0) return 0;
    return static_cast<std::size_t>(off) - (n.type() == pugi::node_element ? 1 : 0);
  }

  SourcePos pos(const pugi::xml_node& n) { return at(elem_offset(n)); }

  /// Offset of the first non-whitespace character of a text node (its start when blank).
  std::size_t text_offset(const pugi::xml_node& n) const {
    std::size_t i = elem_offset(n);
    if (n.type() == pugi::node_cdata) return i;
    const std::size_t start = i;
    while (i < text_.size() && is_ws(text_[i])) ++i;
    return i < text_.size() && text_[i] != '<' ? i : start;
  }

  void error(SourcePos p, std::string message) {
    diags_.push_back({std::move(p), base::Severity::error, std::move(message)});
  }

  /// The attributes of an element's start tag as written, found by scanning the raw text.
  std::vector<RawAttr> raw_attrs(const pugi::xml_node& n) const {
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
  SourcePos attr_pos(const pugi::xml_node& n, std::string_view name) {
    for (const RawAttr& a : raw_attrs(n))
      if (a.name == name) return at(a.name_offset);
    return pos(n);
  }

  // ---- small checks ---------------------------------------------------------------------------

  /// Reports attributes not in `allowed`, and attributes given twice.
  void check_attrs(const pugi::xml_node& n, const Candidates& allowed) {
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
  static std::optional<std::string> attr(const pugi::xml_node& n, const char* name) {
    const pugi::xml_attribute a = n.attribute(name);
    if (!a) return std::nullopt;
    return normalise(a.value());
  }

  /// A required attribute: reports it when missing or empty.
  std::optional<std::string> required_attr(const pugi::xml_node& n, const char* name) {
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
  std::optional<std::string> declare_id(const pugi::xml_node& n, const char* name, bool required) {
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
  void check_no_text(const pugi::xml_node& child, std::string_view parent, std::string_view hint) {
    if (is_blank(child.value())) return;
    error(at(text_offset(child)), fmt::format("text is not allowed directly in <{}>{}", parent, hint));
  }

  void unknown_element(const pugi::xml_node& n, std::string_view parent, const Candidates& allowed) {
    error(pos(n), fmt::format("unknown element <{}> in <{}>{}", n.name(), parent,
                              suggestion(n.name(), allowed, Named::element)));
  }

  /// The text of an element that may hold only text, whitespace collapsed and trimmed.
  std::string text_only(const pugi::xml_node& n) {
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
  std::optional<DateRange> date_attrs(const pugi::xml_node& n, bool required) {
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

  // ---- entity and character references ---------------------------------------------------------

  /// pugixml leaves unknown entity references such as "&nbsp;" in the text; report them, bare
  /// ampersands and references to characters XML does not allow.
  void check_references(std::size_t begin, std::size_t end) {
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
  void check_comment(const pugi::xml_node& n) {
    const std::string_view value = n.value();
    if (value.find("--") == std::string_view::npos && (value.empty() || value.back() != '-')) return;
    const std::size_t off = text_.find("--", elem_offset(n));
    error(at(off == std::string_view::npos ? elem_offset(n) : off),
          "malformed xml: '--' is not allowed inside a comment");
  }

  /// Walks the whole tree without recursion, checking references in text and attribute values.
  void scan_references(const pugi::xml_node& root) {
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

  // ---- the document -------------------------------------------------------------------------

  bool load() {
    art_.path = path_;
    std::size_t start = 0;
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") start = 3;
    const std::size_t bad = base::utf8_first_invalid(text_.substr(start));
    if (bad != std::string_view::npos) {
      const std::size_t off = start + bad;
      error(at(off), fmt::format("invalid utf-8 at byte {} (0x{:02x}); save the file as UTF-8", off,
                                 static_cast<unsigned>(static_cast<unsigned char>(text_[off]))));
      return false;
    }
    for (std::size_t i = start; i < text_.size(); ++i) {
      const auto c = static_cast<unsigned char>(text_[i]);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        error(at(i), fmt::format("character {} is not allowed in xml", base::codepoint_label(c)));
    }
    if (!diags_.empty()) return false;

    pugi::xml_document doc;
    const unsigned options =
        pugi::parse_default | pugi::parse_doctype | pugi::parse_comments | pugi::parse_ws_pcdata | pugi::parse_fragment;
    const pugi::xml_parse_result res = doc.load_buffer(text_.data(), text_.size(), options, pugi::encoding_utf8);
    if (!res) {
      const auto off = static_cast<std::size_t>(std::max<std::ptrdiff_t>(res.offset, 0));
      if (res.status == pugi::status_bad_doctype)
        error(at(off), "doctype and entity declarations are not allowed");
      else
        error(at(off), "malformed xml: " + ascii_lower(res.description()));
      return false;
    }

    pugi::xml_node root;
    bool refused = false;
    for (const pugi::xml_node& n : doc.children()) {
      switch (n.type()) {
        case pugi::node_doctype: {
          const std::size_t off = elem_offset(n);
          const std::size_t lt = text_.rfind("<!", off);
          error(at(lt == std::string_view::npos ? off : lt), "doctype and entity declarations are not allowed");
          refused = true;
          break;
        }
        case pugi::node_pcdata:
        case pugi::node_cdata:
          if (!is_blank(n.value())) {
            error(at(text_offset(n)), "malformed xml: text is not allowed outside the root element");
            refused = true;
          }
          break;
        case pugi::node_element:
          if (!root) {
            root = n;
          } else {
            error(pos(n),
                  fmt::format("malformed xml: only one root element is allowed; found a second <{}>", n.name()));
            refused = true;
          }
          break;
        case pugi::node_comment: check_comment(n); break;
        default: break;
      }
    }
    if (refused) return false;
    if (!root) {
      error(at(text_.size()), "malformed xml: no document element found");
      return false;
    }
    if (std::string_view(root.name()) != "article") {
      error(pos(root), fmt::format("expected root element <article>, found <{}>", root.name()));
      return false;
    }
    scan_references(root);
    load_article(root);
    return true;
  }

  void load_article(const pugi::xml_node& root) {
    check_attrs(root, {"id", "xml:lang"});
    if (auto id = required_attr(root, "id")) {
      if (valid_id(*id))
        art_.meta.id = *id;
      else
        error(attr_pos(root, "id"),
              fmt::format("invalid article id '{}' (it names the output files: start with a letter and use only "
                          "letters, digits, '-', '_' and '.')",
                          *id));
    }
    art_.meta.lang = "en-GB";
    if (auto lang = attr(root, "xml:lang")) {
      if (valid_lang(*lang))
        art_.meta.lang = *lang;
      else
        error(attr_pos(root, "xml:lang"), fmt::format("invalid language tag '{}' (expected e.g. en-GB)", *lang));
    }

    std::unordered_map<std::string, pugi::xml_node> parts;
    for (const pugi::xml_node& c : root.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        check_no_text(c, "article", "");
        continue;
      }
      if (c.type() != pugi::node_element) continue;
      const std::string name = c.name();
      if (std::find(kArticleChildren.begin(), kArticleChildren.end(), name) == kArticleChildren.end()) {
        unknown_element(c, "article", kArticleChildren);
        continue;
      }
      const auto [it, inserted] = parts.emplace(name, c);
      if (!inserted)
        error(pos(c),
              fmt::format("<{}> may appear only once in <article> (first at line {})", name, pos(it->second).line));
    }
    auto part = [&](const char* name) {
      const auto it = parts.find(name);
      return it == parts.end() ? pugi::xml_node() : it->second;
    };
    if (const auto meta = part("meta"))
      load_meta(meta);
    else
      error(pos(root), "<article> is missing required element <meta>");
    // Declarations first, whatever their order in the file, so that the body can refer to them.
    if (const auto people = part("people")) load_people(people);
    if (const auto orgs = part("organisations")) load_organisations(orgs);
    if (const auto body = part("body"))
      load_body(body);
    else
      error(pos(root), "<article> is missing required element <body>");
    if (const auto facts = part("facts")) load_listed_facts(facts);

    for (const Person& p : art_.people)
      if (mentioned_.insert(p.id).second) art_.mention_order.push_back(p.id);
  }

  void load_meta(const pugi::xml_node& meta) {
    check_attrs(meta, {});
    std::unordered_map<std::string, pugi::xml_node> seen;
    for (const pugi::xml_node& c : meta.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        check_no_text(c, "meta", "");
        continue;
      }
      if (c.type() != pugi::node_element) continue;
      const std::string name = c.name();
      if (std::find(kMetaChildren.begin(), kMetaChildren.end(), name) == kMetaChildren.end()) {
        unknown_element(c, "meta", kMetaChildren);
        continue;
      }
      const auto [it, inserted] = seen.emplace(name, c);
      if (!inserted) {
        error(pos(c),
              fmt::format("<{}> may appear only once in <meta> (first at line {})", name, pos(it->second).line));
        continue;
      }
      Meta& m = art_.meta;
      if (name == "date") {
        check_attrs(c, {"when", "from", "to"});
        if (!text_only(c).empty()) error(pos(c), "<date> in <meta> takes no text; give the dates in its attributes");
        if (auto d = date_attrs(c, true)) m.date = *d;
        continue;
      }
      check_attrs(c, {});
      std::string value = text_only(c);
      if (name == "title") {
        if (value.empty()) error(pos(c), "<title> must not be empty");
        m.title = std::move(value);
      } else if (name == "standfirst") {
        m.standfirst = std::move(value);
      } else if (name == "place") {
        m.place = std::move(value);
      } else if (name == "source") {
        m.source = std::move(value);
      } else if (name == "byline") {
        m.byline = std::move(value);
      } else if (name == "marking") {
        load_marking(c, value);
      } else if (name == "keywords") {
        std::size_t from = 0;
        while (from <= value.size()) {
          std::size_t comma = value.find(',', from);
          if (comma == std::string::npos) comma = value.size();
          std::string word = normalise(std::string_view(value).substr(from, comma - from));
          if (!word.empty()) m.keywords.push_back(std::move(word));
          from = comma + 1;
        }
      }
    }
    if (!seen.count("title")) error(pos(meta), "<meta> is missing required element <title>");
    if (!seen.count("date")) error(pos(meta), "<meta> is missing required element <date>");
  }

  void load_marking(const pugi::xml_node& n, const std::string& value) {
    if (value.empty()) {
      error(pos(n), "<marking> must not be empty");
      return;
    }
    if (std::find(kMarkings.begin(), kMarkings.end(), value) != kMarkings.end()) {
      art_.meta.marking = value;
      return;
    }
    const std::string best = base::did_you_mean(ascii_upper(value), kMarkings);
    if (!best.empty())
      error(pos(n), fmt::format("unknown marking '{}'; did you mean '{}'?", value, best));
    else
      error(pos(n),
            fmt::format("unknown marking '{}' (allowed: OFFICIAL, OFFICIAL-SENSITIVE, SECRET, TOP SECRET)", value));
  }

  void load_people(const pugi::xml_node& people) {
    check_attrs(people, {});
    for (const pugi::xml_node& c : people.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        check_no_text(c, "people", "");
        continue;
      }
      if (c.type() != pugi::node_element) continue;
      if (std::string_view(c.name()) != "person") {
        unknown_element(c, "people", {"person"});
        continue;
      }
      check_attrs(c, {"id", "role", "affiliation", "sort"});
      Person p;
      p.pos = pos(c);
      const auto id = declare_id(c, "id", true);
      const auto role = required_attr(c, "role");
      p.name = text_only(c);
      if (p.name.empty()) error(pos(c), "<person> must not be empty (write the name as it should be printed)");
      p.affiliation = attr(c, "affiliation").value_or("");
      p.sort_key = attr(c, "sort").value_or("");
      if (p.sort_key.empty()) p.sort_key = last_word(p.name);
      if (!id || !role) continue;
      p.id = *id;
      p.role = *role;
      art_.people.push_back(std::move(p));
    }
  }

  void load_organisations(const pugi::xml_node& orgs) {
    check_attrs(orgs, {});
    for (const pugi::xml_node& c : orgs.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        check_no_text(c, "organisations", "");
        continue;
      }
      if (c.type() != pugi::node_element) continue;
      if (std::string_view(c.name()) != "org") {
        unknown_element(c, "organisations", {"org"});
        continue;
      }
      check_attrs(c, {"id", "short"});
      Organisation o;
      o.pos = pos(c);
      const auto id = declare_id(c, "id", true);
      o.name = text_only(c);
      if (o.name.empty()) error(pos(c), "<org> must not be empty (write the name as it should be printed)");
      o.short_name = attr(c, "short").value_or("");
      if (!id) continue;
      o.id = *id;
      art_.organisations.push_back(std::move(o));
    }
  }

  void load_listed_facts(const pugi::xml_node& facts) {
    check_attrs(facts, {});
    for (const pugi::xml_node& c : facts.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        check_no_text(c, "facts", "");
        continue;
      }
      if (c.type() != pugi::node_element) continue;
      if (std::string_view(c.name()) != "fact") {
        unknown_element(c, "facts", {"fact"});
        continue;
      }
      check_attrs(c, {});
      Fact f;
      f.pos = pos(c);
      f.text = text_only(c);
      if (f.text.empty()) {
        error(pos(c), "<fact> must not be empty");
        continue;
      }
      art_.facts.push_back(std::move(f));
    }
  }

  // ---- the body -----------------------------------------------------------------------------

  void load_body(const pugi::xml_node& body) {
    check_attrs(body, {});
    int section = 0;
    std::vector<pugi::xml_node> empty_sections;
    for (const pugi::xml_node& c : body.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        check_no_text(c, "body", "; put it in a <p>");
        continue;
      }
      if (c.type() != pugi::node_element) continue;
      const std::string_view name = c.name();
      if (name == "p" || name == "heading") {
        error(pos(c), fmt::format("<{}> is not allowed directly in <body>; put it in a <section>", name));
        ++paragraph_elements_;
        continue;
      }
      if (name != "section") {
        unknown_element(c, "body", {"section"});
        continue;
      }
      check_attrs(c, {});
      const int before = paragraph_elements_;
      load_section(c, section++);
      if (paragraph_elements_ == before) empty_sections.push_back(c);
    }
    if (paragraph_elements_ == 0) {
      error(pos(body), "the article has no paragraphs");
    } else {
      for (const auto& s : empty_sections) error(pos(s), "<section> has no paragraphs");
    }
    finish_quotes_and_facts();
  }

  void load_section(const pugi::xml_node& section, int index) {
    bool seen_any = false;
    for (const pugi::xml_node& c : section.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        check_no_text(c, "section", "; put it in a <p>");
        continue;
      }
      if (c.type() != pugi::node_element) continue;
      const std::string_view name = c.name();
      if (name == "heading") {
        if (seen_any) error(pos(c), "<heading> must come first in its <section>, and only once");
        load_block(c, Block::Kind::heading, index);
      } else if (name == "p") {
        ++paragraph_elements_;
        load_block(c, Block::Kind::paragraph, index);
      } else {
        unknown_element(c, "section", {"heading", "p"});
      }
      seen_any = true;
    }
  }

  /// Appends text to the current block, collapsing whitespace across element boundaries: a run of
  /// whitespace becomes one space, kept with the run where it began, and dropped at the block's ends.
  void emit(const Props& props, std::string_view text, const SourcePos& where) {
    Block& block = art_.blocks.back();
    for (char c : text) {
      if (is_ws(c)) {
        if (!at_block_start_ && !pending_space_) {
          pending_space_ = true;
          pending_props_ = props;
          pending_pos_ = where;
        }
        continue;
      }
      if (pending_space_) {
        append(block, pending_props_, ' ', pending_pos_);
        pending_space_ = false;
      }
      append(block, props, c, where);
      at_block_start_ = false;
      ++visible_chars_;
    }
  }

  static void append(Block& block, const Props& props, char c, const SourcePos& where) {
    if (block.runs.empty() || !props.same_run(block.runs.back())) {
      Run r;
      r.italic = props.italic;
      r.bold = props.bold;
      r.no_hyphenate = props.no_hyphenate;
      r.kind = props.kind;
      r.ref = props.ref;
      r.quote = props.quote;
      r.fact = props.fact;
      r.pos = where;
      block.runs.push_back(std::move(r));
    }
    block.runs.back().text += c;
  }

  void mention(const std::string& id) {
    if (mentioned_.insert(id).second) art_.mention_order.push_back(id);
  }

  std::string undeclared(const std::string& id, const std::vector<std::string>& declared) const {
    const Candidates candidates(declared.begin(), declared.end());
    return suggestion(id, candidates, Named::value);
  }

  std::vector<std::string> person_ids() const {
    std::vector<std::string> out;
    for (const Person& p : art_.people) out.push_back(p.id);
    return out;
  }

  std::vector<std::string> org_ids() const {
    std::vector<std::string> out;
    for (const Organisation& o : art_.organisations) out.push_back(o.id);
    return out;
  }

  /// One open inline element while walking a block.
  struct Frame {
    pugi::xml_node element;
    pugi::xml_node next;  ///< next child to visit
    Props props;
    int depth = 0;
    bool check_empty = false;  ///< must hold some text: a name, address, quotation or fact
    long visible_at_open = 0;
  };

  void load_block(const pugi::xml_node& node, Block::Kind kind, int section) {
    check_attrs(node, {});
    Block block;
    block.kind = kind;
    block.section = section;
    block.pos = pos(node);
    art_.blocks.push_back(std::move(block));
    const int block_index = static_cast<int>(art_.blocks.size()) - 1;
    at_block_start_ = true;
    pending_space_ = false;
    const long visible_before = visible_chars_;

    std::vector<Frame> stack;
    stack.push_back(Frame{node, node.first_child(), Props{}, 0, false, 0});
    while (!stack.empty()) {
      if (!stack.back().next) {
        const Frame& done = stack.back();
        if (done.check_empty && visible_chars_ == done.visible_at_open)
          error(pos(done.element), fmt::format("<{}> must not be empty", done.element.name()));
        stack.pop_back();
        continue;
      }
      const pugi::xml_node n = stack.back().next;
      stack.back().next = n.next_sibling();
      if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
        emit(stack.back().props, n.value(), at(text_offset(n)));
        continue;
      }
      if (n.type() != pugi::node_element) continue;
      const int depth = stack.back().depth + 1;
      if (depth > kMaxInlineDepth) {
        error(pos(n), fmt::format("inline elements are nested more than {} levels deep", kMaxInlineDepth));
        continue;
      }
      Frame f{n, n.first_child(), stack.back().props, depth, false, visible_chars_};
      open_inline(n, f, block_index);
      stack.push_back(std::move(f));
    }
    if (visible_chars_ == visible_before) error(pos(node), fmt::format("<{}> must not be empty", node.name()));
  }

  /// Applies an inline element's meaning to the properties its text inherits.
  void open_inline(const pugi::xml_node& n, Frame& f, int block_index) {
    Props& p = f.props;
    const std::string_view name = n.name();
    if (name == "em") {
      check_attrs(n, {});
      p.italic = true;
    } else if (name == "strong") {
      check_attrs(n, {});
      p.bold = true;
    } else if (name == "person" || name == "org") {
      check_attrs(n, {"ref"});
      const bool is_person = name == "person";
      p.kind = is_person ? RunKind::person : RunKind::organisation;
      p.no_hyphenate = true;
      p.ref.clear();
      f.check_empty = true;
      if (auto ref = required_attr(n, "ref")) {
        p.ref = *ref;
        if (is_person) {
          if (art_.person(*ref)) {
            mention(*ref);
          } else {
            error(attr_pos(n, "ref"), fmt::format("<person ref=\"{}\"> refers to an undeclared person{}", *ref,
                                                  undeclared(*ref, person_ids())));
          }
        } else if (!art_.organisation(*ref)) {
          error(attr_pos(n, "ref"), fmt::format("<org ref=\"{}\"> refers to an undeclared organisation{}", *ref,
                                                undeclared(*ref, org_ids())));
        }
      }
    } else if (name == "place") {
      check_attrs(n, {});
      p.kind = RunKind::place;
      p.ref.clear();
    } else if (name == "date") {
      check_attrs(n, {"when", "from", "to"});
      date_attrs(n, false);
      p.kind = RunKind::date;
      p.ref.clear();
    } else if (name == "url") {
      check_attrs(n, {"href"});
      if (const auto href = attr(n, "href"); href && href->empty())
        error(attr_pos(n, "href"), "attribute 'href' on <url> must not be empty");
      else if (href && !allowed_scheme(*href))
        error(attr_pos(n, "href"),
              fmt::format("link '{}' on <url> has a scheme other than http, https or mailto", *href));
      p.no_hyphenate = true;
      f.check_empty = true;
    } else if (name == "email") {
      check_attrs(n, {});
      p.no_hyphenate = true;
      f.check_empty = true;
    } else if (name == "quote") {
      if (p.in_quote) {
        error(pos(n), "<quote> cannot be nested inside another <quote>");
        return;
      }
      open_quote(n, f, block_index);
    } else if (name == "fact") {
      if (p.in_fact) {
        error(pos(n), "<fact> cannot be nested inside another <fact>");
        return;
      }
      check_attrs(n, {"short"});
      Fact fact;
      fact.block = block_index;
      fact.pos = pos(n);
      if (auto s = attr(n, "short")) {
        if (s->empty()) error(attr_pos(n, "short"), "attribute 'short' on <fact> must not be empty");
        fact.text = *s;
      }
      fact_has_short_.push_back(!fact.text.empty());
      art_.facts.push_back(std::move(fact));
      p.fact = static_cast<int>(art_.facts.size()) - 1;
      p.in_fact = true;
      p.kind = RunKind::fact;
      p.ref.clear();
      f.check_empty = true;
    } else {
      unknown_element(n, n.parent().name(), kInline);
    }
  }

  void open_quote(const pugi::xml_node& n, Frame& f, int block_index) {
    check_attrs(n, {"speaker", "callout", "id", "continues"});
    Props& p = f.props;
    bool callout = false;
    if (auto c = attr(n, "callout")) {
      if (*c == "yes") {
        callout = true;
      } else if (*c != "no") {
        error(attr_pos(n, "callout"),
              fmt::format("invalid value '{}' for 'callout' on <quote> (expected yes or no)", *c));
      }
    }
    const auto speaker = attr(n, "speaker");
    bool speaker_ok = false;
    if (speaker) {
      if (speaker->empty()) {
        error(attr_pos(n, "speaker"), "attribute 'speaker' on <quote> must not be empty");
      } else if (!art_.person(*speaker)) {
        error(attr_pos(n, "speaker"), fmt::format("<quote speaker=\"{}\"> refers to an undeclared person{}", *speaker,
                                                  undeclared(*speaker, person_ids())));
      } else {
        speaker_ok = true;
        mention(*speaker);
      }
    }
    const auto id = declare_id(n, "id", false);

    int index = -1;
    bool continues_unknown = false;
    if (const auto cont = attr(n, "continues")) {
      const auto it = quote_ids_.find(*cont);
      if (it != quote_ids_.end()) {
        index = it->second;
        Quote& q = art_.quotes[static_cast<std::size_t>(index)];
        q.callout = q.callout || callout;
        if (speaker_ok && !q.speaker.empty() && q.speaker != *speaker)
          error(attr_pos(n, "speaker"),
                fmt::format("<quote speaker=\"{}\"> continues a quote by '{}'", *speaker, q.speaker));
      } else {
        std::vector<std::string> known;
        for (const auto& [qid, qi] : quote_ids_) known.push_back(qid);
        std::sort(known.begin(), known.end());
        error(attr_pos(n, "continues"),
              fmt::format("<quote continues=\"{}\"> refers to an unknown quote{}", *cont, undeclared(*cont, known)));
        continues_unknown = true;
      }
    }
    if (index < 0) {
      if (!speaker && !continues_unknown) error(pos(n), "<quote> has no speaker");
      Quote q;
      q.speaker = speaker_ok ? *speaker : "";
      q.id = id.value_or("");
      q.callout = callout;
      q.block = block_index;
      q.pos = pos(n);
      art_.quotes.push_back(std::move(q));
      index = static_cast<int>(art_.quotes.size()) - 1;
    }
    if (id) quote_ids_.emplace(*id, index);
    p.quote = index;
    p.in_quote = true;
    p.kind = RunKind::quote;
    p.ref.clear();
    f.check_empty = true;
  }

  /// Quote texts join their parts; fact texts are their tagged text unless a short form was given.
  void finish_quotes_and_facts() {
    std::vector<std::vector<std::string>> quote_parts(art_.quotes.size());
    std::vector<std::string> fact_text(art_.facts.size());
    for (const Block& b : art_.blocks) {
      int last_quote = -1;
      for (const Run& r : b.runs) {
        if (r.quote >= 0) {
          auto& parts = quote_parts[static_cast<std::size_t>(r.quote)];
          if (r.quote != last_quote || parts.empty()) parts.emplace_back();
          parts.back() += r.text;
        }
        last_quote = r.quote;
        if (r.fact >= 0) fact_text[static_cast<std::size_t>(r.fact)] += r.text;
      }
    }
    for (std::size_t i = 0; i < art_.quotes.size(); ++i) {
      // Parts split by narration ("…delegation,” he noted. “Crime…") are joined with an
      // ellipsis; the comma that led into the narration goes, and so does a trailing one.
      std::string joined;
      for (const std::string& part : quote_parts[i]) {
        const std::string_view t = base::trim(part);
        if (t.empty()) continue;
        if (!joined.empty()) {
          if (joined.back() == ',') joined.pop_back();
          joined += " \u2026 ";
        }
        joined += t;
      }
      if (!joined.empty() && joined.back() == ',') joined.pop_back();
      art_.quotes[i].text = std::move(joined);
    }
    for (std::size_t i = 0; i < art_.facts.size(); ++i) {
      Fact& f = art_.facts[i];
      f.full_text = std::string(base::trim(fact_text[i]));
      if (!fact_has_short_[i]) f.text = f.full_text;
    }
  }

  std::string_view text_;
  std::string path_;
  Locator locator_;
  std::vector<base::Diagnostic> diags_;
  Article art_;
  std::unordered_map<std::string, int> ids_;  ///< every declared id and the line declaring it
  std::unordered_map<std::string, int> quote_ids_;
  std::unordered_set<std::string> mentioned_;
  std::vector<bool> fact_has_short_;
  int paragraph_elements_ = 0;
  bool at_block_start_ = true;
  bool pending_space_ = false;
  Props pending_props_;
  SourcePos pending_pos_;
  long visible_chars_ = 0;
};

}  // namespace

std::optional<Article> load_from_string(std::string_view xml, const std::string& path, base::DiagSink& diags) {
  if (xml.size() > kMaxBytes) {
    diags.error({path, 0, 0}, base::too_large(xml.size(), kMaxBytes));
    return std::nullopt;
  }
  try {
    Loader loader(xml, path);
    return loader.run(diags);
  } catch (const std::bad_alloc&) {
    diags.error({path, 0, 0}, "out of memory while reading the article");
  } catch (const std::exception& e) {
    diags.error({path, 0, 0}, fmt::format("internal error while reading the article: {}", e.what()));
  } catch (...) {
    diags.error({path, 0, 0}, "internal error while reading the article");
  }
  return std::nullopt;
}

std::optional<Article> load_file(const std::string& path, base::DiagSink& diags) {
  if (const auto size = base::file_size(path); size && *size > kMaxBytes) {
    diags.error({path, 0, 0}, base::too_large(*size, kMaxBytes));
    return std::nullopt;
  }
  std::string reason;
  std::optional<std::string> text;
  try {
    text = base::read_file(path, reason, kMaxBytes);
  } catch (const std::exception& e) {
    reason = e.what();
  }
  if (!text) {
    if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(reason[0])));
    diags.error({path, 0, 0}, "cannot read file: " + reason);
    return std::nullopt;
  }
  return load_from_string(*text, path, diags);
}

}  // namespace briefing::article
