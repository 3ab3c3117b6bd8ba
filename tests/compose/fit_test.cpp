// Copy-fit: a long article shrinks to fit the layout's page limit, or fails saying how much is over.
#include <catch2/catch.hpp>

#include <regex>

#include "article/load.hpp"
#include "base/fileio.hpp"
#include "compose/compose.hpp"
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
    out += i == 0 ? body : std::regex_replace(body, std::regex("(id|continues)=\"([^\"]+)\""), "$1=\"$2-" + std::to_string(i) + "\"");
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

}  // namespace

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
