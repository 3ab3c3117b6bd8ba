// Composition's top level: geometry → blocks → sections and sidebar → pages → running heads,
// repeated with smaller body text while the article does not fit the layout's page limit.
#include "compose/compose.hpp"

#include <cmath>
#include <iterator>
#include <map>

#include <fmt/format.h>

#include "compose/fit.hpp"
#include "compose/internal.hpp"
#include "compose/memo.hpp"

namespace briefing::compose {

namespace {

constexpr std::size_t kMaxPages = 2000;

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
  const bool side = lay.sidebar.enabled;
  g.side_w = side ? lay.sidebar.width : 0;
  const double used = side ? lay.sidebar.width + lay.sidebar.gap : 0;
  g.main_w = g.x1 - g.x0 - used;
  g.main_x = side && !lay.sidebar.right ? g.x0 + used : g.x0;
  g.side_x = lay.sidebar.right ? g.x1 - g.side_w : g.x0;
  g.cols = std::max(1, lay.main.columns);
  g.col_w = (g.main_w - (g.cols - 1) * lay.main.gutter) / g.cols;
  return g;
}

/// The sections of the main region, in order: boxes at the top, the body (split around spanning
/// callouts), boxes at the end.
std::vector<Section> main_sections(Ctx& ctx, const Geometry& g, std::vector<Row>& sidebar) {
  const auto& lay = ctx.lay;
  std::vector<Section> out;
  using P = layout::Placement;
  if (lay.facts.enabled && lay.facts.placement == P::top) out.push_back({{key_facts(ctx, g.main_w)}, {}, 1, false});
  if (lay.main.enabled) {
    std::vector<std::size_t> block_end;
    Section body{body_rows(ctx, g.col_w, block_end), {}, g.cols, lay.main.balance};
    const P cp = lay.callouts.placement;
    auto callouts = callout_rows(ctx, cp == P::span ? g.main_w : cp == P::sidebar ? g.side_w : g.col_w, block_end);
    if (lay.facts.enabled && lay.facts.placement == P::after_paragraph) {
      std::size_t n = 0, anchor = body.rows.size();
      for (std::size_t b = 0; b < ctx.art.blocks.size(); ++b)
        if (ctx.art.blocks[b].kind == article::Block::Kind::paragraph &&
            ++n == static_cast<std::size_t>(lay.facts.after_paragraph))
          anchor = block_end[b];
      body.floats.push_back({key_facts(ctx, g.col_w), anchor});
    }
    if (cp == P::sidebar) {
      for (auto& c : callouts) sidebar.push_back(std::move(c.row));
    } else if (cp == P::column) {
      append(body.floats, std::move(callouts));
    }
    std::stable_sort(body.floats.begin(), body.floats.end(), [](auto& a, auto& b) { return a.anchor < b.anchor; });
    std::size_t from = 0;
    auto body_part = [&](std::size_t to) {
      Section part{
          {std::make_move_iterator(body.rows.begin() + static_cast<std::ptrdiff_t>(from)),  // each row goes once
           std::make_move_iterator(body.rows.begin() + static_cast<std::ptrdiff_t>(to))},
          {},
          body.columns,
          body.balance};
      for (const auto& f : body.floats)
        if (f.anchor > from && f.anchor <= to)
          part.floats.push_back({f.row, f.anchor - from});
        else if (f.anchor == 0 && from == 0)
          part.floats.push_back(f);
      if (!part.rows.empty()) part.rows.front().break_before = true;
      out.push_back(std::move(part));
      from = to;
    };
    if (cp == P::span)
      for (auto& c : callouts) {
        body_part(c.anchor);
        out.push_back({{std::move(c.row)}, {}, 1, false});
      }
    body_part(body.rows.size());
  }
  if (lay.facts.enabled && lay.facts.placement == P::end) out.push_back({{key_facts(ctx, g.main_w)}, {}, 1, false});
  if (lay.who.enabled && lay.who.placement == P::end && !ctx.art.people.empty()) {
    const int c = lay.who.columns;
    auto entries = who_entries(ctx, (g.main_w - (c - 1) * lay.main.gutter) / c);
    Row title = who_title(ctx, g.main_w);
    // The title stays with the first entries: it goes into the columns' section when one column.
    if (c == 1) {
      entries.insert(entries.begin(), std::move(title));
      if (entries.size() > 1) entries[1].break_before = false;
    } else {
      out.push_back({{std::move(title)}, {}, 1, false});
    }
    out.push_back({std::move(entries), {}, c, true});
  }
  return out;
}

/// Sidebar rows: the key-facts box, callouts placed there, the who-is-who list.
std::vector<Row> sidebar_rows(Ctx& ctx, const Geometry& g, std::vector<Row> callouts) {
  std::vector<Row> rows;
  if (!ctx.lay.sidebar.enabled) return rows;
  using P = layout::Placement;
  if (ctx.lay.facts.enabled && ctx.lay.facts.placement == P::sidebar) rows.push_back(key_facts(ctx, g.side_w));
  for (auto& c : callouts) rows.push_back(std::move(c));
  if (ctx.lay.who.enabled && ctx.lay.who.placement == P::sidebar && !ctx.art.people.empty()) {
    rows.push_back(who_title(ctx, g.side_w));
    auto w = who_entries(ctx, g.side_w);
    if (!w.empty()) w.front().break_before = false;
    append(rows, std::move(w));
  }
  return rows;
}

/// slot() without the memo.
void slot_now(Ctx& ctx, const std::string& style, const std::string& text, int where, double x0, double x1,
              double baseline, const std::string& role, std::vector<frame::Item>& out) {
  const Style& st = ctx.style(style);
  auto span = span_for(ctx, st, text, {ctx.lay.path, 0, 0});
  if (!typeset::check_coverage(ctx.fonts, {span}, ctx.diags)) return;
  // A left slot starts at x0 whatever its width; centred and right ones are measured.
  const double w =
      where == 0 ? 0 : typeset::natural_width(ctx.fonts, span, ctx.art.meta.lang, ctx.words) - st.def->letter_spacing;
  const double x = where == 0 ? x0 : where == 1 ? (x0 + x1 - w) / 2 : x1 - w;
  for (auto& row : set_rows(ctx, st, {span}, 1e6, role, 0, true)) {
    for (auto& it : row.items)
      if (auto* run = std::get_if<frame::GlyphRun>(&it)) run->y = 0;
    translate(row.items, x, baseline);
    append(out, std::move(row.items));
  }
}

/// Centres one line of text in a style at a baseline between x0 and x1 (or puts it left/right).
void slot(Ctx& ctx, const std::string& style, const std::string& text, int where, double x0, double x1, double baseline,
          const std::string& role, std::vector<frame::Item>& out) {
  if (text.empty()) return;
  if (ctx.style(style).scaled) return slot_now(ctx, style, text, where, x0, x1, baseline, role, out);
  // In an unscaled style a running head or marking is the same in every pass.
  Row r = memo_row(ctx, {"slot", {static_cast<double>(where), x0, x1, baseline}, {style, text, role}}, [&] {
    Row row;
    slot_now(ctx, style, text, where, x0, x1, baseline, role, row.items);
    return row;
  });
  append(out, std::move(r.items));
}

/// Running heads and the protective marking on one page.
void page_furniture(Ctx& ctx, const Geometry& g, int page, int pages, std::vector<frame::Item>& out) {
  const auto& lay = ctx.lay;
  // Running heads sit in the margins, nearer the text than the paper's edge.
  const double head = lay.page.margin_top * 0.62, foot = lay.page.height - lay.page.margin_bottom * 0.5;
  for (const auto& [r, y] : {std::pair{&lay.header, head}, std::pair{&lay.footer, foot}}) {
    const std::array<const std::string*, 3> slots = {&r->left, &r->centre, &r->right};
    for (int i = 0; i < 3; ++i)
      slot(ctx, r->style, fill_template(*slots[static_cast<std::size_t>(i)], ctx.art, page, pages), i, g.x0, g.x1, y,
           "running", out);
  }
  if (lay.marking.top) slot(ctx, "marking", ctx.art.meta.marking, 1, g.x0, g.x1, head, "marking", out);
  if (lay.marking.bottom) slot(ctx, "marking", ctx.art.meta.marking, 1, g.x0, g.x1, foot, "marking", out);
}

/// Room the title band's text leaves at its right for first-page images that sit over the band.
double logo_room(const layout::Layout& lay, const Geometry& g) {
  double room = 0;
  for (const auto& img : lay.images)
    if (img.y < g.top + 120 && img.x + img.width > (g.x0 + g.x1) / 2 && img.x < g.x1)
      room = std::max(room, g.x1 - img.x);
  return room;
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
  int fitted_lines = 0;  ///< body lines on the pages the layout allows
  int overflow_lines = 0;
  double overflow_height = 0;
  std::vector<Overflow> overflows;
};

void add(std::vector<frame::Page>& pages, std::vector<Placed>&& placed, const layout::Layout& lay, Pass& pass) {
  for (auto& p : placed) {
    if (p.items.empty()) continue;
    auto& items = pages[p.page].items;
    append(items, std::move(p.items));
    if (lay.max_pages > 0 && p.page >= static_cast<std::size_t>(lay.max_pages)) {
      pass.overflow_lines += p.body_lines;
      pass.overflow_height += p.height;
    } else {
      pass.fitted_lines += p.body_lines;
    }
  }
}

Pass compose_once(const article::Article& art, const layout::Layout& lay, typeset::FontBook& fonts,
                  base::DiagSink& diags, const typeset::Hyphenator* hyph, double scale, RowMemo* memo,
                  typeset::WordCache* words) {
  Pass pass;
  Ctx ctx{art, lay, fonts, diags, pass.doc};
  ctx.body_scale = scale;
  ctx.hyphenator = hyph;
  ctx.memo = memo;  // only a layout with a page limit composes more than once
  ctx.words = words;
  const Geometry g = geometry(lay);
  double first_top = g.top;
  Row band;
  if (lay.band.enabled) {
    band = title_band(ctx, g.x1 - g.x0, logo_room(lay, g));
    first_top += band.height + band.space_after;
  }
  std::vector<Row> side_callouts;
  auto sections = main_sections(ctx, g, side_callouts);
  auto side = sidebar_rows(ctx, g, std::move(side_callouts));
  if (diags.has_errors()) return pass;
  const Region main{g.main_x, g.main_w, lay.main.gutter, [&](std::size_t p) { return p == 0 ? first_top : g.top; },
                    g.bottom};
  std::vector<Placed> placed;
  Cursor at{0, first_top, 0};
  for (auto& s : sections) {
    at = flow_section(std::move(s), at, main, placed, pass.overflows);
    if (at.page > kMaxPages) break;
  }
  const Region aside{g.side_x, g.side_w, 0, main.top, g.bottom};
  std::vector<Placed> side_placed;
  flow_section({std::move(side), {}, 1, false}, {0, first_top, 0}, aside, side_placed, pass.overflows);
  const std::size_t pages = std::max<std::size_t>({1, placed.size(), side_placed.size()});
  if (pages > kMaxPages) return pass;
  if (!lay.sidebar.following_pages && side_placed.size() > 1) {
    double extra = 0;
    for (std::size_t i = 1; i < side_placed.size(); ++i) extra += side_placed[i].height;
    pass.overflows.push_back({"sidebar", extra, {lay.path, 0, 0}});
  }
  pass.doc.pages.resize(pages, frame::Page{lay.page.width, lay.page.height, lay.page.bleed, lay.page.crop_marks, {}});
  if (lay.band.enabled) {
    translate(band.items, g.x0, g.top);
    if (lay.band.bleed)  // the fill runs to the paper's left and right edges and into the bleed
      for (auto& it : band.items)
        if (auto* r = std::get_if<frame::Rect>(&it); r && r->role == "title-band")
          r->x = -lay.page.bleed, r->w = lay.page.width + 2 * lay.page.bleed;
    pass.doc.pages[0].items = band.items;
  }
  for (std::size_t i = 0; i < pages; ++i)
    for (const auto& img : lay.images)
      if (i == 0 || img.every_page)
        pass.doc.pages[i].items.push_back(frame::Image{img.x, img.y, img.width, img.height, img.file, "image"});
  add(pass.doc.pages, std::move(side_placed), lay, pass);
  add(pass.doc.pages, std::move(placed), lay, pass);
  const int n = static_cast<int>(pages);
  for (int i = 0; i < n; ++i) page_furniture(ctx, g, i + 1, n, pass.doc.pages[static_cast<std::size_t>(i)].items);
  pass.doc.info = info(art);
  return pass;
}

/// Reports content that is taller than the region it must fit in.
bool report_overflows(const Pass& pass, const layout::Layout& lay, base::DiagSink& diags) {
  for (const auto& o : pass.overflows) {
    const auto where = o.source.line > 0 ? o.source : base::SourcePos{lay.path, 0, 0};
    if (o.label == "sidebar")
      diags.error(where, fmt::format("the sidebar's content is {:.1f} mm too tall for the first page; shorten the "
                                     "key facts or the who-is-who list, or let the sidebar continue "
                                     "(<sidebar pages=\"all\"/>)",
                                     o.excess * 25.4 / 72));
    else
      diags.error(where, fmt::format("the {} is {:.1f} mm taller than its column and cannot be split; shorten it "
                                     "or give it more room",
                                     o.label, o.excess * 25.4 / 72));
  }
  return pass.overflows.empty();
}

/// A composition pass with the diagnostics it reported.
struct Probe {
  Pass pass;
  base::DiagSink diags;
};

/// The pass's result as copy-fitting sees it; errors already reported count as fatal.
Trial judge(const Probe& p, const layout::Layout& lay, bool prior_errors) {
  Trial t;
  t.fatal = prior_errors || p.diags.has_errors() || p.pass.doc.pages.empty();
  const bool pages_fit = lay.max_pages == 0 || p.pass.doc.pages.size() <= static_cast<std::size_t>(lay.max_pages);
  t.fits = !t.fatal && pages_fit && p.pass.overflows.empty();
  t.fitted_lines = p.pass.fitted_lines;
  t.overflow_lines = p.pass.overflow_lines;
  return t;
}

/// Reports why the article does not fit even at the last step's size.
void report_misfit(const Pass& pass, const layout::Layout& lay, double size, base::DiagSink& diags) {
  const bool fits = lay.max_pages == 0 || pass.doc.pages.size() <= static_cast<std::size_t>(lay.max_pages);
  report_overflows(pass, lay, diags);
  if (fits) return;
  const double mm = pass.overflow_height * 25.4 / 72;
  if (pass.overflow_lines > 0)
    diags.error({lay.path, 0, 0},
                fmt::format("the article does not fit on {} page(s) even with {:.2f} pt body text: {} line(s) "
                            "({:.1f} mm) overflow; cut about {} words or raise max-pages",
                            lay.max_pages, size, pass.overflow_lines, mm,
                            std::max(1, static_cast<int>(std::ceil(pass.overflow_lines * 11.0)))));
  else
    diags.error({lay.path, 0, 0},
                fmt::format("the briefing does not fit on {} page(s): {:.1f} mm of boxes and lists (not body "
                            "text) overflow; shorten the key facts or the who-is-who list, or raise max-pages",
                            lay.max_pages, mm));
}

/// The document of the chosen pass, or nothing with its errors and the reasons it does not fit.
std::optional<frame::Document> finish(Probe& p, const layout::Layout& lay, const std::string& art_path, double size,
                                      base::DiagSink& diags) {
  diags.append(p.diags);
  if (diags.has_errors()) return std::nullopt;
  if (p.pass.doc.pages.empty()) {
    diags.error({art_path, 0, 0}, fmt::format("the article needs more than {} pages; it is too long", kMaxPages));
    return std::nullopt;
  }
  const bool fits = lay.max_pages == 0 || p.pass.doc.pages.size() <= static_cast<std::size_t>(lay.max_pages);
  if (fits && p.pass.overflows.empty()) return std::move(p.pass.doc);
  report_misfit(p.pass, lay, size, diags);
  return std::nullopt;
}

}  // namespace

std::optional<frame::Document> compose(const article::Article& art, const layout::Layout& lay, typeset::FontBook& fonts,
                                       base::DiagSink& diags) {
  std::string err;
  const typeset::Hyphenator* hyph = typeset::hyphenator_for(art.meta.lang.empty() ? "en" : art.meta.lang, err);
  if (!hyph) diags.warning({art.path, 0, 0}, fmt::format("{}; text is set without hyphenation", err));
  const bool prior_errors = diags.has_errors();
  const std::vector<double> sizes = fit_sizes(lay);
  std::map<std::size_t, Probe> probes;
  RowMemo memo;
  const bool passes = lay.max_pages > 0;  // only a page limit sets the text more than once
  typeset::WordCache words(passes);
  const std::size_t step = find_step(sizes, [&](std::size_t k) {
    Probe& p = probes[k];
    p.pass = compose_once(art, lay, fonts, p.diags, hyph, sizes[k] / sizes.front(), passes ? &memo : nullptr, &words);
    const Trial t = judge(p, lay, prior_errors);
    // Only a fitting pass, a fatal one or the last step's can be the answer: free the others.
    if (!t.fits && !t.fatal && k + 1 < sizes.size()) p.pass = Pass{};
    return t;
  });
  return finish(probes.at(step), lay, art.path, sizes[step], diags);
}

}  // namespace briefing::compose
