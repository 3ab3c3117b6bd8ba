// Layout lint: warnings for layouts that load but would print badly or carry dead definitions.
#include <algorithm>

#include <fmt/format.h>

#include "layout/model.hpp"

namespace briefing::layout {

namespace {

base::SourcePos where(const Layout& l, const base::SourcePos& p) { return p.line > 0 ? p : base::SourcePos{l.path, 0, 0}; }

/// Styles drawn on each background: the page (white), the title band, the key-facts box.
std::vector<std::pair<std::string, std::string>> pairs(const Layout& l) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const char* s : {"heading", "body", "callout", "attribution", "who-name", "who-role", "marking", "header",
                        "footer"})
    out.push_back({s, ""});
  if (l.band.enabled)
    for (const char* s : {"title", "standfirst"}) out.push_back({s, l.band.fill});
  if (l.facts.enabled)
    for (const char* s : {"box-title", "fact"}) out.push_back({s, l.facts.fill});
  return out;
}

/// Whether the layout's settings ever use a style.
bool used(const Layout& l, const std::string& s) {
  const bool body = l.main.enabled;
  if (s == "body" || s == "heading") return body;
  if (s == "callout" || s == "attribution") return body && l.callouts.count > 0;
  if (s == "title" || s == "standfirst") return l.band.enabled;
  if (s == "box-title") return l.facts.enabled || l.who.enabled;
  if (s == "fact") return l.facts.enabled;
  if (s == "who-name") return l.who.enabled;
  if (s == "who-role") return l.who.enabled && (l.who.role || l.who.affiliation);
  if (s == "marking") return l.marking.top || l.marking.bottom;
  auto running = [&](const Running& r) { return r.style == s && !(r.left + r.centre + r.right).empty(); };
  if (s == "header" || s == "footer") return running(l.header) || running(l.footer) || (s == "header" && l.band.dateline && l.band.enabled);
  return true;
}

}  // namespace

double contrast(const Colour& a, const Colour& b) {
  const double la = a.luminance(), lb = b.luminance();
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

void lint(const Layout& l, base::DiagSink& diags) {
  const auto& body = l.style("body");
  if (l.main.enabled && body.size < 8)
    diags.warning(where(l, body.pos), fmt::format("body text of {:.1f} pt is under 8 pt and hard to read", body.size));
  if (l.main.enabled && l.max_pages > 0 && l.min_body_size < 8)
    diags.warning({l.path, 0, 0}, fmt::format("copy-fit may shrink body text to {:.1f} pt, under 8 pt", l.min_body_size));
  if (l.main.enabled && l.max_pages > 0 && l.min_body_size > body.size)
    diags.warning({l.path, 0, 0}, fmt::format("min-body-size {:.1f} pt is above the body size {:.1f} pt, so copy-fit "
                                              "cannot shrink the text",
                                              l.min_body_size, body.size));
  if ((l.marking.top && !l.header.centre.empty()) || (l.marking.bottom && !l.footer.centre.empty()))
    diags.warning({l.path, 0, 0}, "the marking is centred at the top and foot of the page, where the header or "
                                  "footer also has a centre slot: they will overlap");
  const auto& p = l.page;
  const double least = std::min({p.margin_top, p.margin_bottom, p.margin_left, p.margin_right});
  if (least < 5 * 72 / 25.4)
    diags.warning(where(l, p.pos), fmt::format("a margin of {:.1f} mm is under 5 mm; office printers cannot print "
                                               "that close to the edge",
                                               least * 25.4 / 72));
  for (const auto& [name, bg] : pairs(l)) {
    if (!used(l, name)) continue;
    const auto& st = l.style(name);
    const Colour back = bg.empty() ? Colour::grey(1) : l.colour(bg);
    const double ratio = contrast(l.colour(st.colour), back);
    if (ratio < 4.5)
      diags.warning(where(l, st.pos), fmt::format("style '{}' has a contrast of {:.2f}:1 with its background{}; "
                                                  "WCAG asks for at least 4.5:1",
                                                  name, ratio, bg.empty() ? "" : fmt::format(" '{}'", bg)));
  }
  for (const auto& [name, st] : l.styles)
    if (st.pos.line > 0 && st.pos.file == l.path && !used(l, name))
      diags.warning(st.pos, fmt::format("style '{}' is defined but never used by this layout", name));
}

}  // namespace briefing::layout
