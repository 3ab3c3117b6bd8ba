// The PDF shows every glyph where composition put it: origins read back with mupdf, within 0.05 pt.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include "pdf/textrun.hpp"
#include "pdf_support.hpp"

using namespace briefing;

namespace {

/// A glyph origin composition computed, with the text mupdf should report for it.
struct Want {
  int page;
  double x, y;
  char32_t c;
  bool exact;  ///< false for the second and later letters of a ligature (mupdf spreads them)
};

/// The letters a code point extracts to (ligatures decomposed as in the ToUnicode map).
std::u32string letters(char32_t c) {
  switch (c) {
    case 0xFB00: return U"ff";
    case 0xFB01: return U"fi";
    case 0xFB02: return U"fl";
    case 0xFB03: return U"ffi";
    case 0xFB04: return U"ffl";
    default: return std::u32string(1, c);
  }
}

std::vector<Want> wanted(const frame::Document& doc) {
  std::vector<Want> out;
  for (std::size_t p = 0; p < doc.pages.size(); ++p)
    for (const auto& item : doc.pages[p].items)
      if (const auto* g = std::get_if<frame::GlyphRun>(&item))
        for (const auto& gl : g->glyphs) {
          const auto text = letters(gl.cp);
          for (std::size_t k = 0; k < text.size(); ++k)
            out.push_back({static_cast<int>(p + 1), g->x + gl.x, g->y, text[k], k == 0});
        }
  return out;
}

/// Statistics of matching composed origins to the characters mupdf read.
struct Match {
  std::size_t wanted = 0, matched = 0, extra = 0;
  double max_dx = 0, max_dy = 0, sum_dx = 0;
  std::string unmatched;  ///< the first few glyphs not found
};

Match match(const std::vector<Want>& want, const std::vector<test::StextChar>& got) {
  std::map<std::pair<int, char32_t>, std::vector<std::size_t>> index;
  for (std::size_t i = 0; i < got.size(); ++i)
    if (got[i].c.size() == 1 && got[i].c[0] != U' ') index[{got[i].page, got[i].c[0]}].push_back(i);
  std::vector<bool> used(got.size(), false);
  Match m;
  m.wanted = want.size();
  for (const Want& w : want) {
    std::size_t best = got.size();
    double best_d = 1e9;
    for (std::size_t i : index[{w.page, w.c}]) {
      if (used[i] || std::fabs(got[i].y - w.y) > 0.05) continue;
      const double d = std::fabs(got[i].x - w.x);
      if (d < best_d && (w.exact ? d <= 0.05 : d <= 12.0)) best = i, best_d = d;
    }
    if (best == got.size()) {
      if (m.unmatched.size() < 8) m.unmatched += base::utf8_encode(std::u32string(1, w.c));
      continue;
    }
    used[best] = true;
    ++m.matched;
    if (!w.exact) continue;
    m.max_dx = std::max(m.max_dx, best_d);
    m.max_dy = std::max(m.max_dy, std::fabs(got[best].y - w.y));
    m.sum_dx += best_d;
  }
  for (const auto& [key, list] : index)
    for (std::size_t i : list) m.extra += used[i] ? 0 : 1;
  return m;
}

/// Renders a case in-process and checks every origin.
void check_case(const std::string& article, const std::string& layout) {
  test::TempDir dir;
  std::string why;
  const auto r = test::render_file(article, layout, dir.file("out.pdf"), why);
  INFO(why);
  REQUIRE(r);
  const auto want = wanted(r->doc);
  REQUIRE(want.size() > 1000);
  const Match m = match(want, test::stext_chars(r->pdf));
  INFO("glyphs " << m.wanted << ", matched " << m.matched << " (not: " << m.unmatched << "), extra " << m.extra
                 << ", max dx " << m.max_dx << " pt, mean dx " << m.sum_dx / std::max<std::size_t>(1, m.matched)
                 << " pt, max dy " << m.max_dy);
  CHECK(m.matched == m.wanted);
  CHECK(m.extra == 0);
  CHECK(m.max_dx <= 0.05);
  CHECK(m.max_dy <= 0.05);
}

const auto width_of = [](char32_t c) { return c == U' ' ? 250.0 : 400.0 + static_cast<double>(c % 7) * 33.333; };

}  // namespace

TEST_CASE("printed glyph origins match the composed ones within 0.05 pt (seed, a4-briefing)", "[pdf][positions]") {
  check_case(test::source_dir() + "/source/article.xml", test::source_dir() + "/layouts/a4-briefing.xml");
}

TEST_CASE("printed glyph origins match on letter-spaced justified lines (typo-80mm)", "[pdf][positions]") {
  const std::string dir = test::source_dir() + "/tests/cases/typo-80mm/";
  check_case(dir + "article.xml", dir + "layout.xml");
}

TEST_CASE("a TJ run lands every glyph within half a thousandth of an em, whatever the gaps", "[pdf][textrun]") {
  // Positions from fractional advances, as HarfBuzz gives them; the viewer knows only whole
  // thousandths of an em (the /W widths), plus Tc and the TJ corrections.
  const auto whole = [](char32_t c) { return std::round(width_of(c)); };
  for (const double size : {6.0, 9.5, 23.0}) {
    std::vector<frame::Glyph> glyphs;
    double x = 0;
    for (int i = 0; i < 300; ++i) {
      const char32_t c = static_cast<char32_t>(U'a' + i % 26);
      glyphs.push_back({c, x});
      x += width_of(c) * size / 1000.0 + (i % 9 == 8 ? 2.713 : 0.0137) + (i % 13 == 0 ? -0.41 : 0.0);
    }
    const auto run = pdf::encode_run(glyphs, size, whole);
    CHECK(run.char_space == Approx(0.0137).margin(size * 0.001));  // the usual letter gap becomes Tc
    const auto xs = pdf::replay_run(run, size, whole);
    REQUIRE(xs.size() == glyphs.size());
    double worst = 0;
    for (std::size_t i = 0; i < xs.size(); ++i) worst = std::max(worst, std::fabs(xs[i] - glyphs[i].x));
    CHECK(worst <= 0.5 * size / 1000.0 + 1e-6);
  }
}

TEST_CASE("a run at natural spacing needs neither Tc nor corrections", "[pdf][textrun]") {
  std::vector<frame::Glyph> glyphs;
  double x = 0;
  for (char32_t c : std::u32string(U"natural")) glyphs.push_back({c, x}), x += width_of(c) * 10 / 1000.0;
  const auto run = pdf::encode_run(glyphs, 10, width_of);
  CHECK(run.char_space == 0);
  static const char want[] = "[(\0n\0a\0t\0u\0r\0a\0l)] TJ\n";  // NUL, then each letter
  CHECK(run.tj == std::string(want, sizeof want - 1));
}

TEST_CASE("codes go in literal strings, escaped where a reader would change them", "[pdf][textrun]") {
  // ( ) \ CR LF as either byte of a code; a NUL byte stays as it is.
  std::vector<frame::Glyph> glyphs;
  double x = 0;
  for (char32_t c : {U'(', U')', U'\\', char32_t{0x0D0A}, char32_t{0x285C}, U'A'}) glyphs.push_back({c, x}), x += 5;
  const auto run = pdf::encode_run(glyphs, 10, [](char32_t) { return 500.0; });
  static const char want[] = "[(\0\\(\0\\)\0\\\\\\r\\n\\(\\\\\0A)] TJ\n";
  CHECK(run.tj == std::string(want, sizeof want - 1));
  // Read back, every glyph lands where it was placed.
  const auto xs = pdf::replay_run(run, 10, [](char32_t) { return 500.0; });
  REQUIRE(xs.size() == glyphs.size());
  for (std::size_t i = 0; i < xs.size(); ++i) CHECK(xs[i] == Approx(glyphs[i].x).margin(0.005));
}

TEST_CASE("numbers are written with the fraction's trailing zeros dropped", "[pdf][textrun]") {
  const auto written = [](long long v, int decimals) {
    char buf[64];
    return std::string(buf, pdf::put_decimal(buf, v, decimals));
  };
  CHECK(written(-1250, 2) == "-12.5");
  CHECK(written(-5, 2) == "-0.05");
  CHECK(written(27766, 2) == "277.66");
  CHECK(written(1, 5) == "0.00001");
  CHECK(written(300000, 5) == "3");
  CHECK(written(-1797657, 5) == "-17.97657");
  CHECK(written(0, 5) == "0");
}
