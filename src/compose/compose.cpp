// Composition's top level: geometry → blocks → flow → pages → running heads, with copy-fit.
#include "compose/compose.hpp"

#include <cmath>
#include <fmt/format.h>

#include "compose/internal.hpp"

namespace briefing::compose {

namespace {

constexpr std::size_t kMaxColumns = 5000;

/// Page geometry derived from the layout.
struct Geometry {
  double x0, x1, top, bottom;
  double main_x, main_w, col_w;
  double side_x, side_w;
  int cols;
};

Geometry geometry(const layout::Layout& lay) {
  const auto& p = lay.page;
  Geometry g{};
  g.x0 = p.margin_left, g.x1 = p.width - p.margin_right;
  g.top = p.margin_top, g.bottom = p.height - p.margin_bottom;
  const double w = g.x1 - g.x0;
  const bool side = lay.sidebar.enabled;
  g.side_w = side ? lay.sidebar.width : 0;
  const double used = side ? lay.sidebar.width + lay.sidebar.gap : 0;
  g.main_w = w - used;
  g.main_x = side && !lay.sidebar.right ? g.x0 + used : g.x0;
  g.side_x = lay.sidebar.right ? g.x1 - g.side_w : g.x0;
  g.cols = std::max(1, lay.main.columns);
  g.col_w = (g.main_w - (g.cols - 1) * lay.main.gutter) / g.cols;
  return g;
}

/// One line of a running head: left, centre and right slots on a baseline.
void running(Ctx& ctx, const layout::Running& r, double baseline, const Geometry& g, int page, int pages,
             std::vector<frame::Item>& out) {
  const std::array<std::pair<const std::string*, int>, 3> slots = {
      std::pair{&r.left, 0}, std::pair{&r.centre, 1}, std::pair{&r.right, 2}};
  for (const auto& [tmpl, where] : slots) {
    if (tmpl->empty()) continue;
    const bool marking = *tmpl == "{marking}";
    const Style& st = ctx.style(marking ? "marking" : r.style);
    const std::string text = fill_template(*tmpl, ctx.art, page, pages);
    if (text.empty()) continue;
    auto span = span_for(ctx, st, text, {ctx.lay.path, 0, 0});
    if (!typeset::check_coverage(ctx.fonts, {span}, ctx.diags)) continue;
    const double w = typeset::natural_width(ctx.fonts, span, ctx.art.meta.lang) - st.def->letter_spacing;
    const double x = where == 0 ? g.x0 : where == 1 ? (g.x0 + g.x1 - w) / 2 : g.x1 - w;
    auto rows = set_rows(ctx, st, {span}, 1e6, marking ? "marking" : "running", 0, true);
    for (auto& row : rows) {
      for (auto& it : row.items)
        if (auto* run = std::get_if<frame::GlyphRun>(&it)) run->y = 0;
      translate(row.items, x, baseline);
      out.insert(out.end(), row.items.begin(), row.items.end());
    }
  }
}

frame::Info info(const article::Article& art) {
  frame::Info i;
  i.title = art.meta.title;
  i.author = art.meta.byline.empty() ? art.meta.source : art.meta.byline;
  i.subject = art.meta.standfirst;
  for (const auto& k : art.meta.keywords) i.keywords += (i.keywords.empty() ? "" : ", ") + k;
  i.date = art.meta.date.from;
  i.lang = art.meta.lang;
  return i;
}

/// Result of one composition pass at a given body scale.
struct Pass {
  frame::Document doc;
  int overflow_lines = 0;
  double overflow_height = 0;
  bool too_many_columns = false;
};

Pass compose_once(const article::Article& art, const layout::Layout& lay, typeset::FontBook& fonts,
                  base::DiagSink& diags, const typeset::Hyphenator* hyph, double scale) {
  Pass pass;
  Ctx ctx{art, lay, fonts, diags, pass.doc};
  ctx.body_scale = scale;
  ctx.hyphenator = hyph;
  const Geometry g = geometry(lay);
  double first_top = g.top;
  Row band;
  if (lay.band.enabled) {
    band = title_band(ctx, g.x1 - g.x0);
    first_top += band.height + band.space_after;
  }
  std::vector<Float> floats;
  const auto body = body_rows(ctx, g.col_w, floats);
  const auto side = lay.sidebar.enabled ? sidebar_rows(ctx, g.side_w) : std::vector<Row>{};
  if (diags.has_errors()) return pass;
  auto top_of = [&](std::size_t page) { return page == 0 ? first_top : g.top; };
  std::size_t used = 0, side_used = 0;
  const auto main = flow(body, floats, [&](std::size_t k) {
    const std::size_t page = k / static_cast<std::size_t>(g.cols);
    const double x = g.main_x + static_cast<double>(k % static_cast<std::size_t>(g.cols)) * (g.col_w + lay.main.gutter);
    return Column{page, x, top_of(page), g.bottom};
  }, used);
  const auto aside = flow(side, {}, [&](std::size_t k) { return Column{k, g.side_x, top_of(k), g.bottom}; }, side_used);
  std::size_t pages = (used + static_cast<std::size_t>(g.cols) - 1) / static_cast<std::size_t>(g.cols);
  pages = std::max(pages, side.empty() ? std::size_t{1} : side_used);
  if (pages * static_cast<std::size_t>(g.cols) > kMaxColumns) {
    pass.too_many_columns = true;
    return pass;
  }
  pass.doc.pages.resize(pages, frame::Page{lay.page.width, lay.page.height, {}});
  if (lay.band.enabled) {
    translate(band.items, g.x0, g.top);
    pass.doc.pages[0].items = band.items;
  }
  for (const auto* part : {&aside, &main})
    for (const auto& p : *part) {
      auto& items = pass.doc.pages[p.page].items;
      items.insert(items.end(), p.items.begin(), p.items.end());
      if (lay.max_pages > 0 && p.page >= static_cast<std::size_t>(lay.max_pages)) {
        pass.overflow_lines += p.body_lines;
        pass.overflow_height += p.height;
      }
    }
  const int n = static_cast<int>(pages);
  for (int i = 0; i < n; ++i) {
    auto& items = pass.doc.pages[static_cast<std::size_t>(i)].items;
    running(ctx, lay.header, lay.page.margin_top * 0.5 + 3, g, i + 1, n, items);
    running(ctx, lay.footer, lay.page.height - lay.page.margin_bottom * 0.5 + 3, g, i + 1, n, items);
  }
  pass.doc.info = info(art);
  return pass;
}

}  // namespace

std::optional<frame::Document> compose(const article::Article& art, const layout::Layout& lay,
                                       typeset::FontBook& fonts, base::DiagSink& diags) {
  const typeset::Hyphenator* hyph = nullptr;
  std::string err;
  hyph = typeset::hyphenator_for(art.meta.lang.empty() ? "en" : art.meta.lang, err);
  if (!hyph) diags.warning({art.path, 0, 0}, fmt::format("{}; text is set without hyphenation", err));
  const double body = lay.style("body").size;
  const double floor = std::min(lay.min_body_size, body);
  for (double size = body;; size -= 0.25) {
    const std::size_t before = diags.items().size();
    Pass pass = compose_once(art, lay, fonts, diags, hyph, size / body);
    if (diags.has_errors()) return std::nullopt;
    if (pass.too_many_columns) {
      diags.error({art.path, 0, 0}, fmt::format("the article needs more than {} columns; it is too long", kMaxColumns));
      return std::nullopt;
    }
    const bool fits = lay.max_pages == 0 || pass.doc.pages.size() <= static_cast<std::size_t>(lay.max_pages);
    if (fits) return std::move(pass.doc);
    if (size - 0.25 < floor - 1e-9) {
      const double mm = pass.overflow_height * 25.4 / 72;
      diags.error({lay.path, 0, 0},
                  fmt::format("the article does not fit on {} page(s) even with {:.2f} pt body text: {} line(s) "
                              "({:.1f} mm) overflow; cut about {} words or raise max-pages",
                              lay.max_pages, size, pass.overflow_lines, mm,
                              std::max(1, static_cast<int>(std::ceil(pass.overflow_lines * 11.0)))));
      return std::nullopt;
    }
    // Warnings of a pass that was thrown away would repeat on the next pass.
    diags.truncate(before);
  }
}

}  // namespace briefing::compose
