// Visual regression: the first page of the seed article with each shipped layout, rasterised by
// pdftoppm at 72 dpi in grey, matches tests/visual/references/<layout>.png pixel for pixel within a
// tolerance. References keep four grey levels so that they stay small; on a mismatch the actual
// image and a diff (differences in red) are written to <build>/visual/. UPDATE_REFERENCES=1 accepts
// the current rendering as the new references.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "support/run.hpp"
#include "visual/png.hpp"

namespace fs = std::filesystem;
using namespace briefing::test;

namespace {

/// A pixel differs when its grey is more than one level (of four) away from the reference's.
constexpr int kTolerance = 85;
/// At most this share of a page's pixels may differ (a changed word already exceeds it).
constexpr double kMaxDiffering = 0.001;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// The first page of the seed rendered with `layout`, in four grey levels; nothing on failure.
std::optional<png::Image> first_page(const fs::path& layout, const TempDir& dir) {
  const std::string pdf = dir.file("out.pdf");
  const auto r = run("cd '" + source_dir() + "' && '" + binary() + "' render source/article.xml --layout '" +
                     layout.string() + "' -o '" + pdf + "' 2>&1 && pdftoppm -r 72 -gray -f 1 -l 1 -singlefile '" + pdf +
                     "' '" + dir.file("page") + "' 2>&1");
  if (r.status != 0) return std::nullopt;
  auto img = png::decode_pgm(slurp(dir.file("page.pgm")));
  if (img)
    for (auto& v : img->pixels) v = static_cast<std::uint8_t>((v + 42) / 85 * 85);
  return img;
}

/// Pixels further than the tolerance from the reference (all of them when the sizes differ).
std::size_t differing(const png::Image& a, const png::Image& ref) {
  if (a.width != ref.width || a.height != ref.height || ref.channels != 1) return a.pixels.size();
  std::size_t n = 0;
  for (std::size_t i = 0; i < a.pixels.size(); ++i) n += std::abs(a.pixels[i] - ref.pixels[i]) > kTolerance;
  return n;
}

/// The reference faded, with the pixels that differ in red.
png::Image diff_image(const png::Image& a, const png::Image& ref) {
  png::Image d{a.width, a.height, 3, {}};
  const bool same_size = a.width == ref.width && a.height == ref.height && ref.channels == 1;
  for (std::size_t i = 0; i < a.pixels.size(); ++i) {
    const int r = same_size ? ref.pixels[i] : 255;
    const bool bad = !same_size || std::abs(a.pixels[i] - r) > kTolerance;
    const auto faded = static_cast<std::uint8_t>(192 + r / 4);
    d.pixels.insert(d.pixels.end(),
                    {bad ? std::uint8_t{255} : faded, bad ? std::uint8_t{0} : faded, bad ? std::uint8_t{0} : faded});
  }
  return d;
}

}  // namespace

TEST_CASE("the first page of every shipped layout looks like its reference", "[visual]") {
  for (const fs::path layout : shipped_layouts()) {
    const std::string name = layout.stem().string();
    DYNAMIC_SECTION(name) {
      TempDir dir;
      const auto actual = first_page(layout, dir);
      REQUIRE(actual);
      const fs::path ref_path = source_dir() + "/tests/visual/references/" + name + ".png";
      if (std::getenv("UPDATE_REFERENCES")) {
        write_text(ref_path.string(), png::encode(*actual, 2));
        WARN("accepted " << ref_path.string());
        continue;
      }
      const auto ref = png::decode(slurp(ref_path));
      INFO("no reference " << ref_path.string() << "? run the tests with UPDATE_REFERENCES=1 to accept one");
      REQUIRE(ref);
      const std::size_t bad = differing(*actual, *ref);
      if (bad > kMaxDiffering * static_cast<double>(actual->pixels.size())) {
        const fs::path out = fs::path(binary()).parent_path() / "visual";
        fs::create_directories(out);
        write_text((out / (name + ".actual.png")).string(), png::encode(*actual, 2));
        write_text((out / (name + ".diff.png")).string(), png::encode(diff_image(*actual, *ref)));
        FAIL(bad << " pixels differ from " << ref_path.string() << "; see " << (out / (name + ".actual.png")).string()
                 << " and " << (out / (name + ".diff.png")).string() << " (UPDATE_REFERENCES=1 accepts)");
      }
    }
  }
}

TEST_CASE("the PNG reader reads what the writer writes, and what pdftoppm writes", "[visual]") {
  png::Image grey{5, 3, 1, {0, 85, 170, 255, 0, 255, 255, 0, 0, 85, 170, 170, 85, 85, 0}};
  for (const int bits : {2, 8}) {
    const auto back = png::decode(png::encode(grey, bits));
    REQUIRE(back);
    CHECK(back->pixels == grey.pixels);
  }
  TempDir dir;
  const std::string pdf = dir.file("a.pdf");
  REQUIRE(run("cd '" + source_dir() + "' && '" + binary() + "' render source/article.xml --layout a4-briefing -o '" +
              pdf + "' >/dev/null 2>&1 && pdftoppm -r 20 -gray -f 1 -l 1 -singlefile '" + pdf + "' '" + dir.file("p") +
              "' && pdftoppm -r 20 -gray -png -f 1 -l 1 -singlefile '" + pdf + "' '" + dir.file("p") + "'")
              .status == 0);
  const auto pgm = png::decode_pgm(slurp(dir.file("p.pgm")));
  const auto png_page = png::decode(slurp(dir.file("p.png")));  // libpng's adaptive filters, all five kinds
  REQUIRE(pgm);
  REQUIRE(png_page);
  REQUIRE(png_page->width == pgm->width);
  for (int y = 0; y < pgm->height; ++y)
    for (int x = 0; x < pgm->width; ++x) REQUIRE(png_page->at(x, y) == pgm->at(x, y));
}
