// Replays every input kept under tests/fuzz-regressions/<harness>/ (crashers the fuzzers found, and
// reproducers written by hand) through the same entry points as the libFuzzer harnesses: each must
// now run to its end under the sanitizers of `make test-asan`.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../../fuzz/targets.hpp"
#include "support/run.hpp"

namespace fs = std::filesystem;

namespace {

/// The kept inputs of one harness, sorted.
std::vector<fs::path> inputs(const std::string& harness) {
  std::vector<fs::path> out;
  const fs::path dir = briefing::test::source_dir() + "/tests/fuzz-regressions/" + harness;
  if (fs::is_directory(dir))
    for (const auto& e : fs::directory_iterator(dir))
      if (e.is_regular_file() && e.path().filename() != "README.md") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Runs every kept input of `harness` through `one`.
template <typename F>
void replay(const std::string& harness, F one) {
  for (const auto& p : inputs(harness)) {
    INFO(harness << ": " << p.filename().string());
    one(bytes(p));
    SUCCEED();
  }
}

}  // namespace

TEST_CASE("kept fuzz inputs for the article loader run to their end", "[fuzz]") {
  replay("article", briefing::fuzz::article_one);
}

TEST_CASE("kept fuzz inputs for the layout loader run to their end", "[fuzz]") {
  replay("layout", briefing::fuzz::layout_one);
}

TEST_CASE("kept fuzz inputs for the whole render run to their end", "[fuzz]") {
  replay("render", briefing::fuzz::render_one);
}

TEST_CASE("kept fuzz inputs for images run to their end", "[fuzz]") {
  replay("image", briefing::fuzz::image_one);
}
