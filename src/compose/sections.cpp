// Flows sections of the main region one after another, with balanced columns where asked.
#include "compose/internal.hpp"

namespace briefing::compose {

namespace {

/// The column generator of a section that starts at `at` with `cols` columns.
std::function<Column(std::size_t)> columns_from(const Cursor& at, const Region& r, int cols, double last_bottom,
                                                std::size_t last_page) {
  const double w = (r.width - (cols - 1) * r.gutter) / cols;
  return [=](std::size_t k) {
    const std::size_t page = at.page + k / static_cast<std::size_t>(cols);
    const bool first = page == at.page;
    const double top = first ? at.y + at.gap : r.top(page);
    const double x = r.x + static_cast<double>(k % static_cast<std::size_t>(cols)) * (w + r.gutter);
    const double bottom = page == last_page ? std::min(r.bottom, last_bottom) : r.bottom;
    return Column{page, x, top, bottom, !first || at.y <= r.top(page) + 0.01};
  };
}

std::size_t last_page(const FlowResult& f) {
  return f.pages.empty() ? 0 : f.pages.back().page;
}

/// The shortest last-page column height that keeps the flow on the same pages without overflow.
double balanced_bottom(Section& s, const Cursor& at, const Region& r, const FlowResult& full) {
  const std::size_t page = last_page(full);
  const double top = page == at.page ? at.y + at.gap : r.top(page);
  double lo = top, hi = r.bottom;
  const std::size_t columns_until_page_end = (page - at.page + 1) * static_cast<std::size_t>(s.columns);
  auto ok = [&](double bottom) {
    const auto f = flow(s.rows, s.floats, columns_from(at, r, s.columns, bottom, page), Placing::measure);
    return last_page(f) == page && f.overflows.size() == full.overflows.size() &&
           f.forced_breaks <= full.forced_breaks && f.columns_used <= columns_until_page_end;
  };
  for (int i = 0; i < 24 && hi - lo > 0.25; ++i) {
    const double mid = (lo + hi) / 2;
    (ok(mid) ? hi : lo) = mid;
  }
  return hi;
}

}  // namespace

Cursor flow_section(Section s, Cursor at, const Region& r, std::vector<Placed>& pages,
                    std::vector<Overflow>& overflows) {
  if (s.rows.empty() && s.floats.empty()) return at;
  if (!s.rows.empty() && at.y + at.gap >= r.bottom - 1) at = {at.page + 1, r.top(at.page + 1), 0};
  const bool balance = s.balance && s.columns > 1;
  // A balanced section is measured first and placed once its last page's height is known.
  FlowResult f = flow(s.rows, s.floats, columns_from(at, r, s.columns, r.bottom, SIZE_MAX),
                      balance ? Placing::measure : Placing::take);
  if (balance) {
    const double bottom = balanced_bottom(s, at, r, f);
    f = flow(s.rows, s.floats, columns_from(at, r, s.columns, bottom, last_page(f)), Placing::take);
  }
  for (auto& p : f.pages) {
    if (pages.size() <= p.page) pages.resize(p.page + 1);
    auto& dst = pages[p.page];
    dst.page = p.page;
    append(dst.items, std::move(p.items));
    dst.body_lines += p.body_lines;
    dst.height += p.height;
    dst.max_y = std::max(dst.max_y, p.max_y);
  }
  append(overflows, std::move(f.overflows));
  const double after = s.rows.empty() ? 0 : s.rows.back().space_after;
  if (f.pages.empty()) return at;
  return {f.pages.back().page, f.pages.back().max_y, after};
}

}  // namespace briefing::compose
