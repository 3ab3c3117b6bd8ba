// Running-head templates and human-readable dates.
#include <fmt/format.h>

#include "compose/internal.hpp"

namespace briefing::compose {

namespace {
const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};

/// Splits "YYYY[-MM[-DD]]" into numbers (0 for absent parts).
void parts(const std::string& iso, int& y, int& m, int& d) {
  y = m = d = 0;
  if (iso.size() >= 4) y = std::atoi(iso.substr(0, 4).c_str());
  if (iso.size() >= 7) m = std::atoi(iso.substr(5, 2).c_str());
  if (iso.size() >= 10) d = std::atoi(iso.substr(8, 2).c_str());
}

std::string one(int y, int m, int d) {
  if (m < 1 || m > 12) return fmt::format("{}", y);
  if (d == 0) return fmt::format("{} {}", kMonths[m - 1], y);
  return fmt::format("{} {} {}", d, kMonths[m - 1], y);
}
}  // namespace

std::string human_date(const article::DateRange& r) {
  if (r.from.empty()) return "";
  int y1, m1, d1, y2, m2, d2;
  parts(r.from, y1, m1, d1);
  parts(r.to.empty() ? r.from : r.to, y2, m2, d2);
  if (y1 == y2 && m1 == m2 && d1 == d2) return one(y1, m1, d1);
  if (y1 == y2 && m1 == m2 && d1 > 0 && m1 >= 1 && m1 <= 12)
    return fmt::format("{}\u2013{} {} {}", d1, d2, kMonths[m1 - 1], y1);
  if (y1 == y2 && d1 > 0 && d2 > 0 && m1 >= 1 && m1 <= 12 && m2 >= 1 && m2 <= 12)
    return fmt::format("{} {} \u2013 {} {} {}", d1, kMonths[m1 - 1], d2, kMonths[m2 - 1], y1);
  return one(y1, m1, d1) + " \u2013 " + one(y2, m2, d2);
}

std::string fill_template(const std::string& tmpl, const article::Article& art, int page, int pages) {
  std::string out;
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] != '{') {
      out += tmpl[i];
      continue;
    }
    const auto close = tmpl.find('}', i);
    if (close == std::string::npos) {
      out += tmpl.substr(i);
      break;
    }
    const std::string key = tmpl.substr(i + 1, close - i - 1);
    if (key == "title")
      out += art.meta.title;
    else if (key == "date")
      out += human_date(art.meta.date);
    else if (key == "marking")
      out += art.meta.marking;
    else if (key == "page")
      out += std::to_string(page);
    else if (key == "pages")
      out += std::to_string(pages);
    else if (key == "source")
      out += art.meta.source;
    else if (key == "place")
      out += art.meta.place;
    else
      out += tmpl.substr(i, close - i + 1);
    i = close;
  }
  return out;
}

}  // namespace briefing::compose
