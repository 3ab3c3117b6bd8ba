// Golden text traces: the display list of the seed with every shipped layout, one line per item,
// compared with tests/golden/<layout>.trace. A mismatch writes <layout>.actual.trace beside it and
// shows the first differing line; UPDATE_GOLDEN=1 accepts the new traces.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "article/load.hpp"
#include "base/fileio.hpp"
#include "compose/compose.hpp"
#include "frame/dump.hpp"
#include "layout/load.hpp"
#include "support/run.hpp"

namespace fs = std::filesystem;
using namespace briefing;

namespace {

/// The first line where two texts differ, as "line N: expected … / actual …".
std::string first_difference(const std::string& want, const std::string& got) {
  std::istringstream a(want), b(got);
  std::string la, lb;
  for (int n = 1;; ++n) {
    const bool ea = !std::getline(a, la), eb = !std::getline(b, lb);
    if (ea && eb) return "";
    if (ea || eb || la != lb)
      return "line " + std::to_string(n) + ":\n  expected: " + (ea ? "<end>" : la) +
             "\n  actual:   " + (eb ? "<end>" : lb);
  }
}

}  // namespace

TEST_CASE("golden display-list traces of the seed with every shipped layout", "[compose][golden]") {
  base::DiagSink d;
  const auto art = article::load_file(test::source_dir() + "/source/article.xml", d);
  REQUIRE(art);
  typeset::FontBook book;
  const bool update = std::getenv("UPDATE_GOLDEN") != nullptr;
  for (const auto& l : test::shipped_layouts()) {
    const std::string name = fs::path(l).stem().string();
    DYNAMIC_SECTION(name) {
      const std::string dir = test::source_dir();
      const auto lay = layout::load_file(dir + "/layouts/" + name + ".xml", {dir + "/layouts", dir + "/fonts"}, d);
      REQUIRE(lay);
      const auto doc = compose::compose(*art, *lay, book, d);
      REQUIRE(doc);
      const std::string got = frame::dump(*doc);
      const std::string expected_path = test::source_dir() + "/tests/golden/" + name + ".trace";
      const std::string actual_path = test::source_dir() + "/tests/golden/" + name + ".actual.trace";
      std::string err;
      const auto want = base::read_file(expected_path, err);
      if (update) {
        REQUIRE(base::write_atomic(expected_path, got, err));
        fs::remove(actual_path);
        continue;
      }
      REQUIRE(want);
      if (*want != got) {
        REQUIRE(base::write_atomic(actual_path, got, err));
        FAIL("trace differs from " << expected_path << " (actual written to " << actual_path
                                   << "; UPDATE_GOLDEN=1 accepts)\n"
                                   << first_difference(*want, got));
      }
      fs::remove(actual_path);
    }
  }
}
