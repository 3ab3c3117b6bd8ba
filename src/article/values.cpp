// Small value checks of the article format (ids, dates, languages, links) and did-you-mean.
#include "article/loader.hpp"

#include <cctype>

namespace briefing::article::detail {

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

}  // namespace briefing::article::detail
