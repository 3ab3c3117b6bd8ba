// Display-list invariants for every shipped layout with the seed article: no overlaps, inside the
// printable area, the marking on every page, every fact and person once, callouts whole and near
// their quotation, and the page limit.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <set>

#include "article/load.hpp"
#include "compose/compose.hpp"
#include "layout/load.hpp"
#include "support/run.hpp"

namespace fs = std::filesystem;
using namespace briefing;

namespace {

struct Box {
  double x0, y0, x1, y1;
  bool intersects(const Box& o, double slack = 0.1) const {
    return x0 < o.x1 - slack && o.x0 < x1 - slack && y0 < o.y1 - slack && o.y0 < y1 - slack;
  }
  bool inside(const Box& o, double slack = 0.5) const {
    return x0 >= o.x0 - slack && y0 >= o.y0 - slack && x1 <= o.x1 + slack && y1 <= o.y1 + slack;
  }
};

/// The ink box of a glyph run: the union of its glyphs' outline extents.
Box run_box(const frame::GlyphRun& r, const frame::Document& doc, typeset::FontBook& book) {
  std::string err;
  const auto& font = book.get(book.load(doc.fonts.at(static_cast<std::size_t>(r.font)), err));
  const double k = r.size / font.upem();
  Box b{1e9, 1e9, -1e9, -1e9};
  for (const auto& g : r.glyphs) {
    hb_glyph_extents_t e{};
    if (!hb_font_get_glyph_extents(font.hb_font(), font.glyph(g.cp), &e) || e.width == 0) continue;
    const double x = r.x + g.x;
    b.x0 = std::min(b.x0, x + e.x_bearing * k), b.x1 = std::max(b.x1, x + (e.x_bearing + e.width) * k);
    b.y0 = std::min(b.y0, r.y - e.y_bearing * k), b.y1 = std::max(b.y1, r.y - (e.y_bearing + e.height) * k);
  }
  return b;
}

Box rect_box(const frame::Rect& r) {
  return {r.x, r.y, r.x + r.w, r.y + r.h};
}

struct Composed {
  layout::Layout lay;
  frame::Document doc;
};

const article::Article& seed() {
  static const article::Article art = [] {
    base::DiagSink d;
    return *article::load_file(test::source_dir() + "/source/article.xml", d);
  }();
  return art;
}

std::string squash_runs(const frame::Page& p, const std::string& role) {
  std::string out;
  for (const auto& it : p.items)
    if (const auto* g = std::get_if<frame::GlyphRun>(&it); g && g->role == role) out += g->text + " ";
  return test::squash(out);
}

std::size_t count(const std::string& hay, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + needle.size())) ++n;
  return n;
}

/// Loads a shipped layout and composes the seed with it; fails the test when either fails.
Composed compose_seed(const std::string& path, typeset::FontBook& book) {
  base::DiagSink d;
  auto lay = layout::load_file(path, {test::source_dir() + "/layouts", test::source_dir() + "/fonts"}, d);
  REQUIRE(lay);
  auto doc = compose::compose(seed(), *lay, book, d);
  for (const auto& x : d.items()) UNSCOPED_INFO(base::format(x));
  REQUIRE(doc);
  return {std::move(*lay), std::move(*doc)};
}

}  // namespace

TEST_CASE("every shipped layout composes the seed into a clean display list", "[compose][layouts]") {
  typeset::FontBook book;
  for (const auto& path : test::shipped_layouts()) {
    DYNAMIC_SECTION(fs::path(path).stem().string()) {
      const auto c = compose_seed(path, book);
      const auto* lay = &c.lay;
      const auto* doc = &c.doc;
      const auto& pg = lay->page;
      if (lay->max_pages > 0) CHECK(doc->pages.size() <= static_cast<std::size_t>(lay->max_pages));
      std::string facts, names;
      for (std::size_t pi = 0; pi < doc->pages.size(); ++pi) {
        const auto& page = doc->pages[pi];
        INFO("page " << pi + 1);
        const Box printable{5 * 72 / 25.4, 5 * 72 / 25.4, pg.width - 5 * 72 / 25.4, pg.height - 5 * 72 / 25.4};
        std::vector<std::pair<Box, std::string>> texts;
        std::vector<Box> rects, images;
        bool top = false, foot = false;
        for (const auto& it : page.items) {
          if (const auto* g = std::get_if<frame::GlyphRun>(&it)) {
            const Box b = run_box(*g, *doc, book);
            INFO(g->role << ": " << g->text);
            CHECK(b.inside(printable));
            texts.push_back({b, g->role + ": " + g->text});
            if (g->role == "marking" && g->text == seed().meta.marking) {
              top = top || g->y < pg.margin_top;
              foot = foot || g->y > pg.height - pg.margin_bottom;
            }
          } else if (const auto* im = std::get_if<frame::Image>(&it)) {
            const Box b{im->x, im->y, im->x + im->w, im->y + im->h};
            CHECK(b.inside(printable));
            images.push_back(b);
          } else if (const auto* r = std::get_if<frame::Rect>(&it)) {
            if (r->role != "title-band" || !lay->band.bleed) CHECK(rect_box(*r).inside(printable));
            rects.push_back(rect_box(*r));
          }
        }
        CHECK((top || !lay->marking.top));
        CHECK((foot || !lay->marking.bottom));
        for (std::size_t i = 0; i < texts.size(); ++i)
          for (std::size_t j = i + 1; j < texts.size(); ++j) {
            INFO(texts[i].second << " / " << texts[j].second);
            CHECK_FALSE(texts[i].first.intersects(texts[j].first));
          }
        // A box's background only holds its own text: any text it touches lies wholly inside it.
        for (const auto& r : rects)
          for (const auto& [b, what] : texts)
            if (r.intersects(b)) {
              INFO(what);
              CHECK(b.inside(r));
            }
        for (const auto& im : images)
          for (const auto& [b, what] : texts) {
            INFO("image over " << what);
            CHECK_FALSE(im.intersects(b));
          }
        for (std::size_t i = 0; i < rects.size(); ++i)
          for (std::size_t j = i + 1; j < rects.size(); ++j) CHECK_FALSE(rects[i].intersects(rects[j]));
        facts += squash_runs(page, "fact");
        names += squash_runs(page, "who-name");
      }
      if (lay->facts.enabled)
        for (const auto& f : seed().facts) {
          INFO("fact: " << f.text);
          CHECK(count(facts, test::squash(f.text)) == 1);
        }
      if (lay->who.enabled)
        for (const auto& p : seed().people) {
          INFO("person: " << p.name);
          CHECK(count(names, test::squash(p.name)) == 1);
        }
    }
  }
}

TEST_CASE("callouts are whole and on the page of their quotation or the next", "[compose][layouts]") {
  typeset::FontBook book;
  for (const auto& path : test::shipped_layouts()) {
    DYNAMIC_SECTION(fs::path(path).stem().string()) {
      const auto c = compose_seed(path, book);
      const auto* doc = &c.doc;
      for (const auto& q : seed().quotes) {
        // Pages that show the callout's text, and pages that show the quotation's paragraph.
        std::set<std::size_t> callout_pages, quote_pages;
        const auto& block = seed().blocks.at(static_cast<std::size_t>(q.block));
        const std::string want = test::squash(q.text).substr(0, 40);
        for (std::size_t pi = 0; pi < doc->pages.size(); ++pi) {
          std::string callout;
          for (const auto& it : doc->pages[pi].items)
            if (const auto* g = std::get_if<frame::GlyphRun>(&it)) {
              if (g->role == "callout") callout += g->text + " ";
              if (g->role == "body" && g->source.line == block.runs.front().pos.line) quote_pages.insert(pi);
            }
          if (test::squash(callout).find(want) != std::string::npos) callout_pages.insert(pi);
        }
        if (callout_pages.empty()) continue;  // not chosen as a callout by this layout
        INFO("quote: " << q.text);
        CHECK(callout_pages.size() == 1);
        REQUIRE(!quote_pages.empty());
        const std::size_t cp = *callout_pages.begin();
        CHECK(cp >= *quote_pages.begin());
        CHECK(cp <= *quote_pages.rbegin() + 1);
      }
    }
  }
}
