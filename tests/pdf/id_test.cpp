// The trailer's /ID: derived from the display list, so that the same document gives the same
// bytes and a different one a different /ID.
#include <catch2/catch.hpp>

#include <regex>

#include "pdf_support.hpp"

using namespace briefing;

namespace {

/// The /ID of a rendered document.
std::string id_of(const frame::Document& doc, typeset::FontBook& fonts, const pdf::Options& opt = {}) {
  std::string bytes, why;
  REQUIRE(pdf::render(doc, fonts, opt, bytes, why));
  std::smatch m;
  REQUIRE(std::regex_search(bytes, m, std::regex(R"(/ID \[ <([0-9A-F]{32})> <\1> \])")));
  return m[1];
}

}  // namespace

TEST_CASE("the /ID follows the display list, the metadata and the date setting", "[pdf][id]") {
  test::TempDir dir;
  std::string why;
  const auto r = test::render_seed(dir.file("a.pdf"), why);
  REQUIRE(r);
  typeset::FontBook fonts;
  frame::Document doc = r->doc;
  const std::string id = id_of(doc, fonts);
  CHECK(id_of(doc, fonts) == id);  // the same document, the same /ID

  frame::Document moved = doc;
  frame::GlyphRun* run = nullptr;
  for (auto& item : moved.pages.front().items)
    if ((run = std::get_if<frame::GlyphRun>(&item))) break;
  REQUIRE(run);
  REQUIRE(!run->glyphs.empty());
  run->glyphs.back().x += 0.01;
  CHECK(id_of(moved, fonts) != id);  // one glyph a hundredth of a point further

  frame::Document retitled = doc;
  retitled.info.title += "!";
  CHECK(id_of(retitled, fonts) != id);

  pdf::Options dated;
  dated.source_date_epoch = 1700000000;
  const std::string with_date = id_of(doc, fonts, dated);
  CHECK(with_date != id);
  dated.source_date_epoch = 1700000001;
  CHECK(id_of(doc, fonts, dated) != with_date);
}

TEST_CASE("the information dictionary's strings are UTF-16 with a byte order mark", "[pdf][info]") {
  frame::Document doc;
  doc.pages.emplace_back();
  doc.info.title = "Caf\u00E9 \u2013 \U0001D538";  // é, an en dash, and one above U+FFFF
  typeset::FontBook fonts;
  std::string bytes, why;
  REQUIRE(pdf::render(doc, fonts, {}, bytes, why));
  // U+1D538 as the surrogate pair D835 DD38 (libharu's own encoder wrote a space)
  CHECK(bytes.find("/Title <FEFF00430061006600E9002020130020D835DD38>") != std::string::npos);
  CHECK(bytes.find("/Creator <FEFF006200720069006500660069006E0067>") != std::string::npos);  // "briefing"
}
