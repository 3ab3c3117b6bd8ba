// End to end: render the seed with every shipped layout through the real executable and check
// the PDF with poppler and qpdf.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

#include <fmt/format.h>

#include "article/load.hpp"
#include "layout/load.hpp"
#include "support/run.hpp"

namespace fs = std::filesystem;
using namespace briefing;

namespace {

int page_count(const std::string& pdf) {
  const auto r = test::run("pdfinfo '" + pdf + "' 2>/dev/null");
  std::smatch m;
  if (std::regex_search(r.out, m, std::regex("Pages:\\s+(\\d+)"))) return std::stoi(m[1]);
  return -1;
}

}  // namespace

TEST_CASE("the seed renders with every shipped layout and reads back in order", "[e2e]") {
  base::DiagSink diags;
  const auto art = article::load_file(test::source_dir() + "/source/article.xml", diags);
  REQUIRE(art);
  const auto layouts = test::shipped_layouts();
  REQUIRE(!layouts.empty());
  for (const auto& layout_path : layouts) {
    DYNAMIC_SECTION(fs::path(layout_path).stem().string()) {
      test::TempDir dir;
      const std::string pdf = dir.file("out.pdf");
      const auto r = test::run("cd '" + test::source_dir() + "' && '" + test::binary() +
                               "' render source/article.xml --layout '" + layout_path + "' -o '" + pdf + "' 2>&1");
      INFO(r.out);
      REQUIRE(r.status == 0);

      base::DiagSink ld;
      const auto lay =
          layout::load_file(layout_path, {test::source_dir() + "/layouts", test::source_dir() + "/fonts"}, ld);
      REQUIRE(lay);

      // Every paragraph's words, in reading order (hyphenated line ends joined), read from the main
      // flow's area of each page so that the sidebar and running heads do not interleave.
      const auto& pg = lay->page;
      const double side = lay->sidebar.enabled ? lay->sidebar.width + lay->sidebar.gap / 2 : 0;
      const double x = pg.margin_left + (lay->sidebar.enabled && !lay->sidebar.right ? side : 0);
      const std::string crop =
          fmt::format("-x {:.0f} -y {:.0f} -W {:.0f} -H {:.0f}", x, pg.margin_top,
                      pg.width - pg.margin_left - pg.margin_right - side, pg.height - pg.margin_top - pg.margin_bottom);
      const auto body = test::run("pdftotext -enc UTF-8 " + crop + " '" + pdf + "' - 2>&1");
      REQUIRE(body.status == 0);
      const std::string flow = test::squash(body.out);
      std::size_t at = 0;
      for (const auto& block : lay->main.enabled ? art->blocks : std::vector<article::Block>{}) {
        const std::string want = test::squash(article::plain_text(block.runs));
        const auto found = flow.find(want, at);
        INFO("paragraph: " << article::plain_text(block.runs));
        CHECK(found != std::string::npos);
        if (found != std::string::npos) at = found + want.size();
      }
      // Every who-is-who name and role and every key fact.
      const auto text = test::run("pdftotext -enc UTF-8 '" + pdf + "' - 2>&1");
      REQUIRE(text.status == 0);
      const std::string flat = test::squash(text.out);
      for (const auto& p : art->people) {
        CHECK(flat.find(test::squash(p.name)) != std::string::npos);
        CHECK(flat.find(test::squash(p.role)) != std::string::npos);
      }
      for (const auto& f : art->facts) {
        INFO("fact: " << f.text);
        CHECK(flat.find(test::squash(f.text)) != std::string::npos);
      }
      CHECK(text.out.find("Jürgen") != std::string::npos);
      if (lay->main.enabled) CHECK(text.out.find("\u201C") != std::string::npos);

      // Fonts embedded and subset; poppler silent.
      const auto fonts = test::run("pdffonts '" + pdf + "' 2>&1");
      REQUIRE(fonts.status == 0);
      int rows = 0;
      std::istringstream lines(fonts.out);
      for (std::string line; std::getline(lines, line);) {
        if (line.find("CID TrueType") == std::string::npos) continue;
        ++rows;
        CHECK(std::regex_search(line, std::regex("Identity-H\\s+yes\\s+yes\\s+yes")));
      }
      CHECK(rows >= 2);
      CHECK(fonts.out.find("Syntax") == std::string::npos);
      const auto quiet = test::run("pdftotext '" + pdf + "' /dev/null 2>&1; pdfinfo '" + pdf + "' 2>&1 >/dev/null");
      CHECK(quiet.out.empty());

      // A valid file, with as many pages as the layout allows.
      CHECK(test::run("qpdf --check '" + pdf + "' >/dev/null 2>&1").status == 0);
      const int pages = page_count(pdf);
      CHECK(pages >= 1);
      if (lay->max_pages > 0) CHECK(pages <= lay->max_pages);
    }
  }
}

TEST_CASE("rendering is deterministic and honours SOURCE_DATE_EPOCH", "[e2e]") {
  test::TempDir dir;
  auto cmd = [&](const std::string& env, const std::string& out) {
    return "cd '" + test::source_dir() + "' && env " + env + " '" + test::binary() +
           "' render source/article.xml -q -o '" + dir.file(out) + "'";
  };
  REQUIRE(test::run(cmd("-u SOURCE_DATE_EPOCH", "a.pdf")).status == 0);
  REQUIRE(test::run(cmd("-u SOURCE_DATE_EPOCH", "b.pdf")).status == 0);
  CHECK(test::run("cmp -s '" + dir.file("a.pdf") + "' '" + dir.file("b.pdf") + "'").status == 0);
  REQUIRE(test::run(cmd("SOURCE_DATE_EPOCH=1700000000", "c.pdf")).status == 0);
  const auto info = test::run("pdfinfo -isodates '" + dir.file("c.pdf") + "'");
  CHECK(info.out.find("2023-11-14T22:13:20") != std::string::npos);
  const auto plain = test::run("pdfinfo -isodates '" + dir.file("a.pdf") + "'");
  CHECK(plain.out.find("2024-11-04") != std::string::npos);
}

TEST_CASE("the CLI reports usage errors with exit code 2 and content errors with 1", "[e2e][cli]") {
  test::TempDir dir;
  const std::string bin = test::shell_quote(test::binary());
  CHECK(test::run(bin + " 2>/dev/null").status == 2);
  CHECK(test::run(bin + " frobnicate x.xml 2>/dev/null").status == 2);
  CHECK(test::run(bin + " render 2>/dev/null").status == 2);
  CHECK(test::run(bin + " --help").status == 0);
  const auto v = test::run(bin + " --version");
  CHECK(v.status == 0);
  CHECK(v.out.rfind("briefing ", 0) == 0);
  test::write_text(dir.file("bad.xml"), "<article><meta>\n");
  const auto bad = test::run(bin + " render '" + dir.file("bad.xml") + "' -o '" + dir.file("x.pdf") + "' 2>&1");
  CHECK(bad.status == 1);
  CHECK(bad.out.find(dir.file("bad.xml") + ":") != std::string::npos);
  CHECK(!fs::exists(dir.file("x.pdf")));
  const auto same =
      test::run("cd '" + test::source_dir() + "' && " + bin + " render source/article.xml -o source/article.xml 2>&1");
  CHECK(same.status == 2);
  CHECK(same.out.find("overwrite the input") != std::string::npos);
  const auto nolayout =
      test::run("cd '" + test::source_dir() + "' && " + bin + " check source/article.xml --layout a4-breifing 2>&1");
  CHECK(nolayout.status == 1);
  CHECK(nolayout.out.find("no layout named 'a4-breifing' in layouts (did you mean 'a4-briefing'?)") !=
        std::string::npos);
  // check lints the layout: warnings, exit 0.
  test::write_text(dir.file("tight.xml"), "<layout extends=\"a4-briefing\">\n<page margin=\"3mm\"/></layout>");
  const auto lint = test::run("cd '" + test::source_dir() + "' && " + bin + " check source/article.xml --layout '" +
                              dir.file("tight.xml") + "' 2>&1");
  CHECK(lint.status == 0);
  CHECK(lint.out.find(dir.file("tight.xml") + ":2:1: warning: a margin of 3.0 mm is under 5 mm") != std::string::npos);
}
