// The article loader's internals, shared by its parts: loader.cpp (positions, diagnostics and
// small checks), entities.cpp (entity and character references), document.cpp (the article, its
// metadata, people, organisations and listed facts), body.cpp (sections, paragraphs, inline
// elements, quotations and facts) and values.cpp (small value checks and did-you-mean). Only these
// files see pugixml; load.cpp holds the public entry points.
#pragma once

#include <fmt/format.h>
#include <algorithm>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "article/model.hpp"
#include "base/diag.hpp"
#include "base/text.hpp"

namespace briefing::article::detail {

using base::SourcePos;
using Candidates = std::vector<std::string_view>;

/// Deepest nesting of inline elements inside one paragraph or heading.
inline constexpr int kMaxInlineDepth = 64;

inline const Candidates kMarkings = {"OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET", "TOP SECRET"};
inline const Candidates kArticleChildren = {"meta", "people", "organisations", "facts", "body"};
inline const Candidates kMetaChildren = {"title",  "standfirst", "date",    "place",
                                         "source", "byline",     "marking", "keywords"};
inline const Candidates kInline = {"person", "org", "place", "date", "quote", "fact", "em", "strong", "url", "email"};

/// XML white space (inline: the loaders ask it of every character).
inline bool is_ws(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool is_blank(std::string_view s);

bool is_ascii_alpha(char c);

bool is_ascii_digit(char c);

/// Collapses XML whitespace and trims the ends.
std::string normalise(std::string_view s);

std::string ascii_lower(std::string s);

std::string ascii_upper(std::string s);

/// An id names a person, organisation or quotation: a letter, then letters, digits, '-', '_', '.'.
bool valid_id(std::string_view id);

/// Links go to the web or to a mailbox only: an explicit scheme must be http, https or mailto
/// ("www.gov.uk", with none, is a web address; so is "localhost:8080", a host and port).
bool allowed_scheme(std::string_view href);

/// A language tag in the shape of BCP 47: "en", "en-GB", "cy-GB".
bool valid_lang(std::string_view s);

/// ISO 8601 calendar date at year, month or day precision: YYYY, YYYY-MM or YYYY-MM-DD.
bool valid_date(std::string_view s);

/// True when a range from `from` to `to` ends before it starts, comparing at the coarser precision.
bool date_before(std::string_view to, std::string_view from);

/// The last word of a name (split at spaces and no-break spaces), for sorting by surname.
std::string last_word(std::string_view name);

enum class Named { element, attribute, value };

/// "; did you mean <p>?" (or 'speaker' for attributes and values), or "" when nothing is close.
std::string suggestion(std::string_view word, const Candidates& candidates, Named what);

/// Where something is in the buffer, turned into line and column cheaply: consecutive look-ups on
/// one line count code points from the previous one (forwards or backwards) instead of from the
/// line start, so that a huge single-line file does not make positions quadratic.
class Locator {
 public:
  explicit Locator(std::string_view text) : text_(text), map_(text) {}

  std::pair<int, int> locate(std::size_t offset) {
    offset = std::min(offset, text_.size());
    if (have_cache_) {
      // On the cached position's line: count the code points between the two, either way.
      const std::size_t lo = std::min(offset, cache_offset_), hi = std::max(offset, cache_offset_);
      const std::string_view between = text_.substr(lo, hi - lo);
      if (between.find('\n') == std::string_view::npos) {
        int n = 0;
        for (char c : between) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        return remember(offset, cache_line_, offset < cache_offset_ ? cache_col_ - n : cache_col_ + n);
      }
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

  std::optional<Article> run(base::DiagSink& sink);

 private:
  // ---- positions and diagnostics ------------------------------------------------------------

  SourcePos at(std::size_t offset);

  /// Offset of an element's '<' (pugixml reports the offset of its name).
  std::size_t elem_offset(const pugi::xml_node& n) const;

  SourcePos pos(const pugi::xml_node& n) { return at(elem_offset(n)); }

  /// Offset of the first non-whitespace character of a text node (its start when blank).
  std::size_t text_offset(const pugi::xml_node& n) const;

  void error(SourcePos p, std::string message);

  /// The attributes of an element's start tag as written, found by scanning the raw text.
  std::vector<RawAttr> raw_attrs(const pugi::xml_node& n) const;

  /// Position of an attribute's name in the start tag, or of the element when it cannot be found.
  SourcePos attr_pos(const pugi::xml_node& n, std::string_view name);

  // ---- small checks ---------------------------------------------------------------------------

  /// Reports attributes not in `allowed`, and attributes given twice.
  void check_attrs(const pugi::xml_node& n, const Candidates& allowed);

  /// An attribute's value with whitespace collapsed, or nothing when absent.
  static std::optional<std::string> attr(const pugi::xml_node& n, const char* name);

  /// A required attribute: reports it when missing or empty.
  std::optional<std::string> required_attr(const pugi::xml_node& n, const char* name);

  /// An id attribute that must be well formed and unique across the article.
  std::optional<std::string> declare_id(const pugi::xml_node& n, const char* name, bool required);

  /// Reports non-whitespace text sitting directly in a container element.
  void check_no_text(const pugi::xml_node& child, std::string_view parent, std::string_view hint);

  void unknown_element(const pugi::xml_node& n, std::string_view parent, const Candidates& allowed);

  /// Runs `each` on every element child of `n`; text in it is reported, with `hint` appended.
  template <typename F>
  void for_each_element(const pugi::xml_node& n, std::string_view parent, std::string_view hint, F&& each) {
    for (const pugi::xml_node& c : n.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata)
        check_no_text(c, parent, hint);
      else if (c.type() == pugi::node_element)
        each(c);
    }
  }

  /// Runs `each` on every <item> child of a list element such as <people>; the list takes no
  /// attributes, and text or other elements in it are reported.
  template <typename F>
  void for_each_item(const pugi::xml_node& list, std::string_view parent, std::string_view item, F&& each) {
    check_attrs(list, {});
    for_each_element(list, parent, "", [&](const pugi::xml_node& c) {
      if (std::string_view(c.name()) != item)
        unknown_element(c, parent, {item});
      else
        each(c);
    });
  }

  /// Runs `each(element, name)` on the first child element of each name in `allowed`, in order;
  /// other elements, repeats and text are reported. Returns those first elements by name.
  template <typename F>
  std::unordered_map<std::string, pugi::xml_node> for_each_part(const pugi::xml_node& n, std::string_view parent,
                                                                const Candidates& allowed, F&& each) {
    std::unordered_map<std::string, pugi::xml_node> parts;
    for_each_element(n, parent, "", [&](const pugi::xml_node& c) {
      const std::string name = c.name();
      if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) return unknown_element(c, parent, allowed);
      const auto [it, inserted] = parts.emplace(name, c);
      if (!inserted)
        return error(pos(c), fmt::format("<{}> may appear only once in <{}> (first at line {})", name, parent,
                                         pos(it->second).line));
      each(c, name);
    });
    return parts;
  }

  /// The text of an element that may hold only text, whitespace collapsed and trimmed.
  std::string text_only(const pugi::xml_node& n);

  /// Reads `when` or `from`/`to` from a <date>; nothing when absent or invalid.
  std::optional<DateRange> date_attrs(const pugi::xml_node& n, bool required);

  // ---- entity and character references ---------------------------------------------------------

  /// pugixml leaves unknown entity references such as "&nbsp;" in the text; report them, bare
  /// ampersands and references to characters XML does not allow.
  void check_references(std::size_t begin, std::size_t end);

  /// pugixml accepts "--" inside a comment; XML (and xmllint) do not.
  void check_comment(const pugi::xml_node& n);

  /// Walks the whole tree without recursion, checking references in text and attribute values.
  void scan_references(const pugi::xml_node& root);

  // ---- the document -------------------------------------------------------------------------

  bool load();

  void load_article(const pugi::xml_node& root);

  void load_meta(const pugi::xml_node& meta);

  void load_marking(const pugi::xml_node& n, const std::string& value);

  void load_people(const pugi::xml_node& people);

  void load_organisations(const pugi::xml_node& orgs);

  void load_listed_facts(const pugi::xml_node& facts);

  // ---- the body -----------------------------------------------------------------------------

  void load_body(const pugi::xml_node& body);

  void load_section(const pugi::xml_node& section, int index);

  /// Appends text to the current block, collapsing whitespace across element boundaries: a run of
  /// whitespace becomes one space, kept with the run where it began, and dropped at the block's ends.
  void emit(const Props& props, std::string_view text, const SourcePos& where);

  static void append(Block& block, const Props& props, std::string_view text, const SourcePos& where);

  void mention(const std::string& id);

  std::string undeclared(const std::string& id, const std::vector<std::string>& declared) const;

  std::vector<std::string> person_ids() const;

  std::vector<std::string> org_ids() const;

  /// One open inline element while walking a block.
  struct Frame {
    pugi::xml_node element;
    pugi::xml_node next;  ///< next child to visit
    Props props;
    int depth = 0;
    bool check_empty = false;  ///< must hold some text: a name, address, quotation or fact
    long visible_at_open = 0;
  };

  void load_block(const pugi::xml_node& node, Block::Kind kind, int section);

  /// Applies an inline element's meaning to the properties its text inherits.
  void open_inline(const pugi::xml_node& n, Frame& f, int block_index);

  void open_quote(const pugi::xml_node& n, Frame& f, int block_index);

  /// Quote texts join their parts; fact texts are their tagged text unless a short form was given.
  void finish_quotes_and_facts();

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

}  // namespace briefing::article::detail
