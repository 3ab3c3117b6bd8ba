// Copy-fit: a long article shrinks to fit the layout's page limit, or fails saying how much is over.
#include <catch2/catch.hpp>

#include <cstdio>
#include <regex>

#include "article/load.hpp"
#include "base/fileio.hpp"
#include "compose/compose.hpp"
#include "compose/fit.hpp"
#include "frame/dump.hpp"
#include "layout/load.hpp"
#include "support/run.hpp"

using namespace briefing;

namespace {

/// The seed with its body sections repeated `times` times.
std::string longer_seed(int times) {
  std::string err;
  const std::string xml = *base::read_file(test::source_dir() + "/source/article.xml", err);
  const auto open = xml.find("<body>") + 6, close = xml.find("</body>");
  const std::string body = xml.substr(open, close - open);
  std::string out = xml.substr(0, open);
  for (int i = 0; i < times; ++i)  // ids must stay unique in the copies
    out += i == 0 ? body
                  : std::regex_replace(body, std::regex("(id|continues)=\"([^\"]+)\""),
                                       "$1=\"$2-" + std::to_string(i) + "\"");
  return out + xml.substr(close);
}

std::optional<frame::Document> render(const std::string& article_xml, const std::string& layout_xml,
                                      base::DiagSink& d) {
  const auto art = article::load_from_string(article_xml, "long.xml", d);
  const layout::SearchPaths paths{test::source_dir() + "/layouts", test::source_dir() + "/fonts"};
  const auto lay = layout::load_from_string(layout_xml, test::source_dir() + "/layouts/fit.xml", paths, d);
  if (!art || !lay) return std::nullopt;
  typeset::FontBook book;
  return compose::compose(*art, *lay, book, d);
}

double body_size(const frame::Document& doc) {
  for (const auto& p : doc.pages)
    for (const auto& it : p.items)
      if (const auto* g = std::get_if<frame::GlyphRun>(&it); g && g->role == "body") return g->size;
  return 0;
}

/// The display list's trace with every glyph run's position, size and font exactly (hexadecimal
/// floats), and the document's fonts in order.
std::string exact(const frame::Document& doc) {
  std::string out = frame::dump(doc);
  const auto hex = [&](double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, " %a", v);
    out += buf;
  };
  for (const auto& f : doc.fonts) out += f + "\n";
  for (const auto& p : doc.pages)
    for (const auto& it : p.items)
      if (const auto* g = std::get_if<frame::GlyphRun>(&it)) {
        out += std::to_string(g->font);
        for (const double v : {g->x, g->y, g->size}) hex(v);
        for (const auto& gl : g->glyphs) hex(gl.x);
        out += '\n';
      }
  return out;
}

}  // namespace

TEST_CASE("copy-fitting's passes give exactly the document one pass at the chosen size gives", "[compose][fit]") {
  // Later passes reuse what earlier ones set (unscaled blocks, running heads, words' walks); a
  // layout without a page limit composes once, from scratch. Both must agree to the last bit.
  const layout::SearchPaths paths{test::source_dir() + "/layouts", test::source_dir() + "/fonts"};
  for (const char* name : {"a4-briefing", "letter-briefing"}) {
    DYNAMIC_SECTION(name) {
      base::DiagSink d;
      const auto art = article::load_from_string(longer_seed(1), "long.xml", d);
      auto lay = layout::load_file(test::source_dir() + "/layouts/" + name + ".xml", paths, d);
      REQUIRE(art);
      REQUIRE(lay);
      REQUIRE(lay->max_pages > 0);
      typeset::FontBook book;
      const auto fitted = compose::compose(*art, *lay, book, d);
      REQUIRE(fitted);
      const double size = body_size(*fitted);
      const auto sizes = compose::fit_sizes(*lay);
      const auto step = std::find(sizes.begin(), sizes.end(), size);
      REQUIRE(step != sizes.end());
      CHECK(step != sizes.begin());  // shrunk: more than one pass
      const double k = *step / sizes.front();
      for (const char* scaled : {"body", "heading"}) {
        auto& st = lay->styles.at(scaled);
        st.size *= k, st.leading *= k;
      }
      lay->max_pages = 0;
      const auto once = compose::compose(*art, *lay, book, d);
      REQUIRE(once);
      CHECK(body_size(*once) == size);
      CHECK(exact(*once) == exact(*fitted));
    }
  }
}

TEST_CASE("copy-fit shrinks the body to keep the seed on one page", "[compose][fit]") {
  base::DiagSink d;
  const auto doc = render(longer_seed(1), "<layout extends=\"a4-briefing\"/>", d);
  REQUIRE(doc);
  CHECK(doc->pages.size() == 1);
  CHECK(body_size(*doc) < 10);
  CHECK(body_size(*doc) >= 8.5);
  const auto loose = render(longer_seed(1), "<layout extends=\"a4-briefing\"><fit max-pages=\"0\"/></layout>", d);
  REQUIRE(loose);
  CHECK(body_size(*loose) == Approx(10));
  CHECK(loose->pages.size() == 2);
}

TEST_CASE("an article that cannot fit fails with how much is over", "[compose][fit]") {
  base::DiagSink d;
  CHECK_FALSE(render(longer_seed(2), "<layout extends=\"a4-briefing\"><key-facts max=\"8\"/></layout>", d));
  REQUIRE(d.has_errors());
  const auto msg = base::format(d.items().back());
  INFO(msg);
  CHECK(std::regex_match(msg, std::regex(".*/layouts/fit.xml: error: the article does not fit on 1 page\\(s\\) even "
                                         "with 8.50 pt body text: [0-9]+ line\\(s\\) \\([0-9.]+ mm\\) overflow; cut "
                                         "about [0-9]+ words or raise max-pages")));
}

TEST_CASE("a long article flows over as many pages as it needs without a limit", "[compose][fit]") {
  base::DiagSink d;
  const auto doc = render(longer_seed(10), "<layout extends=\"a4-handout\"><key-facts max=\"8\"/></layout>", d);
  for (const auto& x : d.items())
    if (x.severity == base::Severity::error) UNSCOPED_INFO(base::format(x));
  REQUIRE(doc);
  CHECK(doc->pages.size() >= 8);
  CHECK(body_size(*doc) == Approx(10));
}

TEST_CASE("a key-facts box taller than the sidebar is an error with its size", "[compose][fit]") {
  std::string many;
  for (int i = 0; i < 60; ++i) many += "<fact>An extra fact that takes a line or two of the narrow sidebar box</fact>";
  std::string xml = longer_seed(1);
  xml.insert(xml.find("<facts>") + 7, many);
  base::DiagSink d;
  CHECK_FALSE(render(xml, "<layout extends=\"a4-briefing\"/>", d));
  for (const auto& x : d.items()) UNSCOPED_INFO(base::format(x));
  bool found = false;
  for (const auto& x : d.items())
    found = found || std::regex_search(x.message, std::regex("the key-facts box is [0-9.]+ mm taller than its column"));
  CHECK(found);
}
