// Fonts in the PDF: every face embedded and subset, viewers silent, ligatures extract as letters,
// and libharu's oversized /W and CIDToGIDMap cut down to the codes used.
#include <hb.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>

#include "base/text.hpp"
#include "pdf/harufont.hpp"
#include "pdf_support.hpp"
#include "typeset/paragraph.hpp"

namespace fs = std::filesystem;
using namespace briefing;

namespace {

/// Every shipped layout with the seed, and the typography fixtures with their own article.
std::vector<std::pair<std::string, std::string>> cases() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& l : test::shipped_layouts()) out.push_back({test::source_dir() + "/source/article.xml", l});
  for (const char* c : {"typo-80mm", "typo-120mm"}) {
    const std::string dir = test::source_dir() + "/tests/cases/" + c + "/";
    out.push_back({dir + "article.xml", dir + "layout.xml"});
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// The code points each font of a document shows.
std::vector<std::set<char32_t>> codes_per_font(const frame::Document& doc) {
  std::vector<std::set<char32_t>> out(doc.fonts.size());
  for (const auto& page : doc.pages)
    for (const auto& item : page.items)
      if (const auto* g = std::get_if<frame::GlyphRun>(&item))
        for (const auto& gl : g->glyphs) out[static_cast<std::size_t>(g->font)].insert(gl.cp);
  return out;
}

/// From a qpdf --qdf dump: the text of the object around offset `at` (from " 0 obj" to
/// "endobj"), or of object `n`; empty when there is none.
std::string object_around(const std::string& qdf, std::size_t at) {
  const auto start = qdf.rfind(" 0 obj", at);
  return start == std::string::npos ? std::string() : qdf.substr(start, qdf.find("endobj", at) - start);
}
std::string object_numbered(const std::string& qdf, int n) {
  const auto at = qdf.find("\n" + std::to_string(n) + " 0 obj");
  return at == std::string::npos ? std::string() : object_around(qdf, qdf.find(" 0 obj", at) + 1);
}

/// From a qpdf --qdf dump: per CIDFontType2 font, the number of widths in /W and the object
/// number of its CIDToGIDMap.
std::vector<std::pair<int, int>> cid_fonts(const std::string& qdf) {
  std::vector<std::pair<int, int>> out;
  for (auto at = qdf.find("/Subtype /CIDFontType2"); at != std::string::npos;
       at = qdf.find("/Subtype /CIDFontType2", at + 1)) {
    const std::string obj = object_around(qdf, at);
    int widths = 0, depth = 0;
    const auto w = obj.find("/W [");
    for (auto i = w + 3; w != std::string::npos && i < obj.size(); ++i) {
      if (obj[i] == '[') ++depth;
      if (obj[i] == ']' && --depth == 0) break;
      if (depth == 2 && std::isdigit(static_cast<unsigned char>(obj[i])) &&
          !std::isdigit(static_cast<unsigned char>(obj[i - 1])) && obj[i - 1] != '.')
        ++widths;
    }
    std::smatch m;
    const bool has_map = std::regex_search(obj, m, std::regex("/CIDToGIDMap (\\d+) 0 R"));
    out.push_back({widths, has_map ? std::stoi(m[1]) : -1});
  }
  return out;
}

/// A one-page document setting `text` in one font, as composition would emit it.
frame::Document one_paragraph(typeset::FontBook& book, const std::string& font, const std::string& text) {
  std::string err;
  const typeset::FontId id = book.load(test::source_dir() + "/fonts/" + font, err);
  typeset::Span span;
  span.text = base::utf8_decode(text);
  span.fonts = {id};
  span.size = 12;
  typeset::ParaSpec spec;
  spec.widths = {400};
  base::DiagSink diags;
  const auto para = typeset::set_paragraph(book, {span}, spec, diags);
  frame::Document doc;
  doc.fonts = {book.get(id).path()};
  doc.pages.resize(1);
  double y = 100;
  for (const auto& line : para.lines) {
    for (const auto& seg : line.segments) {
      frame::GlyphRun run;
      run.x = 72, run.y = y, run.size = seg.size;
      for (const auto& g : seg.glyphs) run.glyphs.push_back({g.cp, g.x});
      doc.pages[0].items.push_back(run);
    }
    y += 15;
  }
  return doc;
}

}  // namespace

TEST_CASE("every face is embedded and subset, and poppler and mupdf print nothing", "[pdf][fonts]") {
  test::TempDir dir;
  test::write_minimal_pdf(dir.file("minimal.pdf"));
  for (const auto& [article, layout] : cases()) {
    DYNAMIC_SECTION(fs::path(layout).parent_path().filename().string() << "/" << fs::path(layout).filename().string()) {
      std::string why;
      const auto r = test::render_file(article, layout, dir.file("out.pdf"), why);
      INFO(why);
      REQUIRE(r);
      const auto fonts = test::run("pdffonts '" + r->pdf + "' 2>/dev/null");
      int rows = 0;
      std::istringstream lines(fonts.out);
      for (std::string line; std::getline(lines, line);) {
        if (line.find("CID TrueType") == std::string::npos) continue;
        ++rows;
        INFO(line);
        CHECK(std::regex_search(line, std::regex("^[A-Z]{6}\\+")));  // a subset tag
        CHECK(std::regex_search(line, std::regex("Identity-H\\s+yes\\s+yes\\s+yes")));
      }
      std::size_t used = 0;
      for (const auto& set : codes_per_font(r->doc)) used += set.empty() ? 0 : 1;
      CHECK(rows == static_cast<int>(used));
      for (const char* tool : {"pdftotext '%' -", "pdffonts '%'", "pdfinfo '%'"}) {
        std::string cmd = tool;
        cmd.replace(cmd.find('%'), 1, r->pdf);
        INFO(cmd);
        CHECK(test::run(cmd + " 2>&1 >/dev/null").out.empty());
      }
      CHECK(test::own_stderr("mutool draw -q -F txt -o /dev/null", r->pdf, dir.file("minimal.pdf")).empty());
      CHECK(test::run("qpdf --check '" + r->pdf + "' >/dev/null 2>&1").status == 0);
    }
  }
}

TEST_CASE("/W lists only the codes used and the CIDToGIDMap stops at the highest", "[pdf][fonts]") {
  test::TempDir dir;
  std::string why;
  const auto r = test::render_seed(dir.file("seed.pdf"), why);
  INFO(why);
  REQUIRE(r);
  std::multiset<std::pair<int, long>> want;  // (codes, map bytes) per font
  for (const auto& set : codes_per_font(r->doc))
    if (!set.empty()) want.insert({static_cast<int>(set.size()), 2L * (static_cast<long>(*set.rbegin()) + 1)});
  const std::string qdf = dir.file("seed.qdf.pdf");
  REQUIRE(test::run("qpdf --qdf --object-streams=disable '" + r->pdf + "' '" + qdf + "'").status == 0);
  std::multiset<std::pair<int, long>> got;
  for (const auto& [widths, map] : cid_fonts(test::run("cat '" + qdf + "'").out)) {
    REQUIRE(map > 0);
    const auto bytes =
        test::run("qpdf --show-object=" + std::to_string(map) + " --filtered-stream-data '" + qdf + "' | wc -c");
    got.insert({widths, std::stol(bytes.out)});
  }
  std::ostringstream g, w;
  for (const auto& [n, b] : got) g << n << " codes/" << b << " bytes ";
  for (const auto& [n, b] : want) w << n << " codes/" << b << " bytes ";
  CHECK(g.str() == w.str());
}

TEST_CASE("each FontFile2 is a TrueType program whose cmap gives the CIDToGIDMap's glyphs", "[pdf][fonts]") {
  test::TempDir dir;
  std::string why;
  const auto r = test::render_seed(dir.file("seed.pdf"), why);
  INFO(why);
  REQUIRE(r);
  const std::string qdf = dir.file("seed.qdf.pdf");
  REQUIRE(test::run("qpdf --qdf --object-streams=disable '" + r->pdf + "' '" + qdf + "'").status == 0);
  const std::string text = test::run("cat '" + qdf + "'").out;
  const auto data = [&](int n) {
    return test::run("qpdf --show-object=" + std::to_string(n) + " --filtered-stream-data '" + qdf + "'").out;
  };
  const auto ref = [](const std::string& obj, const std::string& key) {
    std::smatch m;
    return std::regex_search(obj, m, std::regex(key + " (\\d+) 0 R")) ? std::stoi(m[1]) : -1;
  };
  std::multiset<std::size_t> want, got;  // codes shown per font
  for (const auto& set : codes_per_font(r->doc))
    if (!set.empty()) want.insert(set.size());
  for (auto at = text.find("/Subtype /CIDFontType2"); at != std::string::npos;
       at = text.find("/Subtype /CIDFontType2", at + 1)) {
    const std::string font = object_around(text, at);
    const int file = ref(object_numbered(text, ref(font, "/FontDescriptor")), "/FontFile2");
    REQUIRE(file > 0);
    const std::string program = data(file), map = data(ref(font, "/CIDToGIDMap"));
    std::smatch m;
    const std::string file_dict = object_numbered(text, file);
    REQUIRE(std::regex_search(file_dict, m, std::regex("/Length1 (\\d+)")));
    CHECK(std::stoul(m[1]) == program.size());
    hb_blob_t* blob = hb_blob_create(program.data(), static_cast<unsigned>(program.size()), HB_MEMORY_MODE_READONLY,
                                     nullptr, nullptr);
    hb_face_t* face = hb_face_create(blob, 0);
    hb_font_t* hb = hb_font_create(face);
    CHECK(hb_face_get_glyph_count(face) > 1);
    std::size_t shown = 0;
    for (std::size_t cid = 0; 2 * cid + 1 < map.size(); ++cid) {
      const unsigned gid =
          (static_cast<unsigned char>(map[2 * cid]) << 8) | static_cast<unsigned char>(map[2 * cid + 1]);
      if (gid == 0) continue;
      ++shown;
      hb_codepoint_t in_program = 0;
      INFO("U+" << std::hex << cid);
      CHECK(hb_font_get_nominal_glyph(hb, static_cast<hb_codepoint_t>(cid), &in_program));
      CHECK(in_program == gid);
      hb_glyph_extents_t ext{};
      if (cid != U' ' && cid != 0xA0) CHECK((hb_font_get_glyph_extents(hb, gid, &ext) && ext.width > 0));  // an outline
    }
    got.insert(shown);
    hb_font_destroy(hb);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
  }
  CHECK(got == want);
}

TEST_CASE("ligatures extract as their letters", "[pdf][fonts]") {
  typeset::FontBook book;
  const auto doc = one_paragraph(book, "DejaVuSans.ttf", "office fluffy financial fjord");
  bool ligature = false;
  for (const auto& item : doc.pages[0].items)
    for (const auto& g : std::get<frame::GlyphRun>(item).glyphs)
      ligature = ligature || (g.cp >= 0xFB00 && g.cp <= 0xFB04);
  REQUIRE(ligature);  // DejaVu Sans sets ffi, fl, ff and fi as ligature glyphs
  std::string bytes, why;
  REQUIRE(pdf::render(doc, book, {}, bytes, why));
  test::TempDir dir;
  test::write_text(dir.file("lig.pdf"), bytes);
  const auto text = test::run("pdftotext -enc UTF-8 '" + dir.file("lig.pdf") + "' - 2>&1");
  CHECK(text.out.find("office fluffy financial fjord") != std::string::npos);
  const auto mu = test::run("mutool draw -q -F txt -o - '" + dir.file("lig.pdf") + "' 2>/dev/null");
  CHECK(mu.out.find("office fluffy financial fjord") != std::string::npos);
}

TEST_CASE("the seed briefing with four faces stays small", "[pdf][fonts]") {
  test::TempDir dir;
  std::string why;
  const auto r = test::render_seed(dir.file("seed.pdf"), why);
  INFO(why);
  REQUIRE(r);
  std::size_t faces = 0;
  for (const auto& set : codes_per_font(r->doc)) faces += set.empty() ? 0 : 1;
  INFO(r->doc.pages.size() << " page(s), " << faces << " faces, " << r->bytes << " bytes");
  CHECK(faces >= 4);
  CHECK(r->bytes < 48000);  // libharu alone: 181 KB for one page with four faces
}

TEST_CASE("fonts built without HPDF_GetFont are found by it, need no UTF-8 encoder and refuse libharu's measuring",
          "[pdf][fonts]") {
  std::ifstream in(test::source_dir() + "/fonts/LiberationSerif-Regular.ttf", std::ios::binary);
  const std::string ttf((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(!ttf.empty());
  struct Err {
    HPDF_STATUS code = 0;
  } err;
  HPDF_Doc doc = HPDF_New([](HPDF_STATUS code, HPDF_STATUS, void* e) { static_cast<Err*>(e)->code = code; }, &err);
  REQUIRE(doc);
  const char* name = pdf::load_ttf_from_memory(doc, ttf);
  REQUIRE(name);
  HPDF_Font font = pdf::new_cid_font(doc, name);
  REQUIRE(font);
  CHECK(err.code == 0);
  CHECK(HPDF_GetFont(doc, name, pdf::kFontEncoder) == font);  // no second font made
  CHECK(HPDF_Doc_FindEncoder(doc, "UTF-8") == nullptr);       // nor the UTF-8 encoder's tables
  CHECK(HPDF_Font_GetUnicodeWidth(font, U'A') == 722);
  CHECK(err.code == 0);
  HPDF_Font_TextWidth(font, reinterpret_cast<const HPDF_BYTE*>("A"), 1);
  CHECK(err.code == HPDF_INVALID_OPERATION);
  HPDF_Free(doc);
}
