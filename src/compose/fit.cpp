#include "compose/fit.hpp"

#include <algorithm>
#include <cmath>

namespace briefing::compose {

namespace {

/// The first step at or below the size that would make the overflowing body lines fit.
std::size_t guess(const std::vector<double>& sizes, const Trial& first) {
  const int all = first.fitted_lines + first.overflow_lines;
  if (first.overflow_lines <= 0 || all <= 0) return 1;
  const double want = sizes.front() * std::sqrt(static_cast<double>(first.fitted_lines) / all);
  std::size_t k = 1;
  while (k + 1 < sizes.size() && sizes[k] > want + 1e-9) ++k;
  return k;
}

}  // namespace

std::vector<double> fit_sizes(const layout::Layout& lay) {
  const double body = lay.style("body").size;
  const double floor = std::min(lay.min_body_size, body);
  std::vector<double> sizes = {body};
  // Repeated subtraction, as the sizes have always been computed (10.3 - 0.25 - 0.25 is not
  // always 10.3 - 0.5 in binary).
  while (lay.main.enabled && sizes.back() - 0.25 >= floor - 1e-9) sizes.push_back(sizes.back() - 0.25);
  return sizes;
}

std::size_t find_step(const std::vector<double>& sizes, const std::function<Trial(std::size_t)>& trial) {
  const std::size_t n = sizes.size();
  const Trial first = trial(0);
  if (first.fatal || first.fits || n == 1) return 0;
  std::size_t bad = 0, good = n;  // steps up to `bad` do not fit; `good` fits (n: none known yet)
  std::size_t next = guess(sizes, first);
  bool fitted = false;
  while (true) {
    const Trial t = trial(next);
    if (t.fatal) return next;
    (t.fits ? good : bad) = next;
    if (good <= bad + 1) break;
    // Right after the first fit, the step just above it usually settles the answer.
    next = t.fits && !fitted ? good - 1 : (bad + good) / 2;
    fitted = fitted || t.fits;
  }
  return good < n ? good : n - 1;
}

}  // namespace briefing::compose
