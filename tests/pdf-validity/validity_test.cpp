// Valid PDFs: the seed article with every shipped layout passes qpdf --check; pdfinfo, pdffonts,
// pdftotext and mutool draw print nothing about it on standard error; poppler and MuPDF count the
// same pages; the body text extracts in reading order; and every link goes to http, https or mailto.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <regex>

#include <fmt/format.h>

#include "pdf/pdf_support.hpp"

namespace fs = std::filesystem;
using namespace briefing;

namespace {

/// The number after `label` in a tool's output ("Pages:   3"), or -1.
int number_after(const std::string& text, const std::string& label) {
  std::smatch m;
  if (std::regex_search(text, m, std::regex(label + R"(\s*(\d+))"))) return std::stoi(m[1]);
  return -1;
}

/// The pdftotext crop options for the area inside a layout's margins (running heads stay out).
std::string inside_margins(const layout::Layout& lay) {
  const auto& p = lay.page;
  return fmt::format("-x {:.0f} -y {:.0f} -W {:.0f} -H {:.0f}", p.margin_left + p.bleed, p.margin_top + p.bleed,
                     p.width - p.margin_left - p.margin_right, p.height - p.margin_top - p.margin_bottom);
}

/// Every link target (/URI) in the PDF, read from an uncompressed copy.
std::vector<std::string> uris(const std::string& pdf, const test::TempDir& dir) {
  const std::string plain = dir.file("plain.pdf");
  test::run("qpdf --qdf --object-streams=disable '" + pdf + "' '" + plain + "' 2>/dev/null");
  const auto bytes = test::run("cat '" + plain + "'").out;
  std::vector<std::string> out;
  const std::regex uri(R"(/URI\s*\(([^)]*)\))");
  for (auto it = std::sregex_iterator(bytes.begin(), bytes.end(), uri); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1]);
  return out;
}

}  // namespace

TEST_CASE("every shipped layout gives a PDF that every reader accepts", "[pdf-validity]") {
  base::DiagSink diags;
  const auto art = article::load_file(test::source_dir() + "/source/article.xml", diags);
  REQUIRE(art);
  for (const fs::path layout_path : test::shipped_layouts()) {
    DYNAMIC_SECTION(layout_path.stem().string()) {
      test::TempDir dir;
      const std::string pdf = dir.file("out.pdf"), minimal = dir.file("minimal.pdf");
      test::write_minimal_pdf(minimal);
      const auto r =
          test::run("cd '" + test::source_dir() + "' && '" + test::binary() + "' render source/article.xml --layout '" +
                    layout_path.string() + "' -o '" + pdf + "' 2>&1");
      INFO(r.out);
      REQUIRE(r.status == 0);

      const auto check = test::run("qpdf --check '" + pdf + "' 2>&1");
      INFO(check.out);
      CHECK(check.status == 0);
      CHECK(check.out.find("No syntax or stream encoding errors found") != std::string::npos);
      CHECK(check.out.find("WARNING") == std::string::npos);

      for (const char* tool : {"pdfinfo", "pdffonts", "pdftotext -enc UTF-8", "mutool draw -q -o /dev/null"}) {
        const std::string own = test::own_stderr(tool, pdf, minimal);
        INFO(tool << " says:\n" << own);
        CHECK(own.empty());
      }

      const int poppler = number_after(test::run("pdfinfo '" + pdf + "'").out, "Pages:");
      const int mupdf = number_after(test::run("mutool info '" + pdf + "' 2>&1").out, "Pages:");
      CHECK(poppler > 0);
      CHECK(poppler == mupdf);

      base::DiagSink ld;
      const auto lay =
          layout::load_file(layout_path.string(), {test::source_dir() + "/layouts", test::source_dir() + "/fonts"}, ld);
      REQUIRE(lay);
      const std::string text =
          test::squash(test::run("pdftotext -enc UTF-8 " + inside_margins(*lay) + " '" + pdf + "' -").out);
      const std::string all = test::squash(test::run("pdftotext -enc UTF-8 '" + pdf + "' -").out);
      CHECK(all.find(test::squash(art->meta.title)) != std::string::npos);
      std::size_t at = 0;
      for (const auto& block : lay->main.enabled ? art->blocks : std::vector<article::Block>{}) {
        const std::string want = test::squash(article::plain_text(block.runs));
        const auto found = text.find(want, at);
        INFO("out of order or missing: " << article::plain_text(block.runs));
        CHECK(found != std::string::npos);
        if (found != std::string::npos) at = found + want.size();
      }

      for (const auto& u : uris(pdf, dir)) {
        INFO("link " << u);
        CHECK(std::regex_search(u, std::regex("^(https?://|mailto:)", std::regex::icase)));
      }
    }
  }
}
