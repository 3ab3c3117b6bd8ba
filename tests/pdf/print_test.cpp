// Print-shop output: bleed and crop marks enlarge the media box and set TrimBox and BleedBox;
// images are embedded once with their transparency.
#include <catch2/catch.hpp>

#include <regex>

#include "support/run.hpp"

using namespace briefing;

namespace {
/// The four numbers of a box line of `pdfinfo -box`.
std::vector<double> box(const std::string& info, const std::string& name) {
  std::smatch m;
  const std::regex re(name + ":\\s+([0-9.]+)\\s+([0-9.]+)\\s+([0-9.]+)\\s+([0-9.]+)");
  if (!std::regex_search(info, m, re)) return {};
  return {std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4])};
}
}  // namespace

TEST_CASE("bleed and crop marks give trim and bleed boxes around the A4 page", "[pdf][print]") {
  test::TempDir dir;
  const auto r = test::run("cd '" + test::source_dir() + "' && '" + test::binary() +
                           "' render source/article.xml --layout tests/cases/print-bleed/layout.xml -q -o '" +
                           dir.file("b.pdf") + "' 2>&1");
  INFO(r.out);
  REQUIRE(r.status == 0);
  const auto info = test::run("pdfinfo -box '" + dir.file("b.pdf") + "' 2>&1").out;
  const auto trim = box(info, "TrimBox"), bleed = box(info, "BleedBox"), media = box(info, "MediaBox");
  REQUIRE(trim.size() == 4);
  REQUIRE(bleed.size() == 4);
  REQUIRE(media.size() == 4);
  const double mm3 = 3 * 72 / 25.4;
  CHECK(trim[2] - trim[0] == Approx(595.28).margin(0.02));  // the trimmed page is A4
  CHECK(trim[3] - trim[1] == Approx(841.89).margin(0.02));
  CHECK(trim[0] - bleed[0] == Approx(mm3).margin(0.02));  // 3 mm of bleed on every side
  CHECK(bleed[2] - trim[2] == Approx(mm3).margin(0.02));
  CHECK(bleed[0] > media[0] + 10);  // room for the crop marks outside the bleed
  CHECK(test::run("qpdf --check '" + dir.file("b.pdf") + "' >/dev/null 2>&1").status == 0);
  // The crest: one RGB image with a compressed soft mask for its alpha channel.
  const auto images = test::run("pdfimages -list '" + dir.file("b.pdf") + "' 2>&1").out;
  CHECK(std::regex_search(images, std::regex("image\\s+240\\s+240\\s+rgb")));
  CHECK(std::regex_search(images, std::regex("smask\\s+240\\s+240\\s+gray")));
  const auto size = test::run("stat -c %s '" + dir.file("b.pdf") + "'").out;
  CHECK(std::stol(size) < 60000);
}
