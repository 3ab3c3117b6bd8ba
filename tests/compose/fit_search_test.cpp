// Copy-fitting's search (find_step) finds the step the quarter-point scan would find, in few passes.
#include <catch2/catch.hpp>

#include <bit>
#include <set>

#include "compose/fit.hpp"

using namespace briefing;

TEST_CASE("copy-fit search finds the first fitting step as the linear scan does", "[compose][fit]") {
  for (std::size_t n = 1; n <= 12; ++n) {
    std::vector<double> sizes;
    for (std::size_t k = 0; k < n; ++k) sizes.push_back(10.0 - 0.25 * static_cast<double>(k));
    // `first` is the first step that fits (n: none); overflowing lines shrink as steps grow.
    for (std::size_t first = 0; first <= n; ++first) {
      for (const int lines : {0, 5, 40, 400}) {
        std::set<std::size_t> tried;
        std::size_t trials = 0;
        const auto step = compose::find_step(sizes, [&](std::size_t k) {
          ++trials;
          CHECK(tried.insert(k).second);  // each step at most once
          compose::Trial t;
          t.fits = k >= first;
          t.fitted_lines = 100;
          t.overflow_lines = t.fits ? 0 : lines * static_cast<int>(first - k);
          return t;
        });
        INFO("n " << n << " first " << first << " lines " << lines);
        CHECK(step == std::min(first, n - 1));
        CHECK(trials <= 3 + static_cast<std::size_t>(std::bit_width(n)));  // the scan would need up to n
      }
    }
  }
}

TEST_CASE("copy-fit search stops at a fatal pass", "[compose][fit]") {
  const std::vector<double> sizes = {10, 9.75, 9.5, 9.25, 9};
  std::size_t trials = 0;
  const auto step = compose::find_step(sizes, [&](std::size_t k) {
    ++trials;
    compose::Trial t;
    t.fatal = k == 0;
    return t;
  });
  CHECK(step == 0);
  CHECK(trials == 1);
}
