// Copy-fitting's search: which quarter-point step of the body size to compose at.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "layout/model.hpp"

namespace briefing::compose {

/// The body sizes copy-fitting may use, largest first: the style's size, then quarter-point
/// steps down to the layout's minimum (one size when the layout has no main flow).
[[nodiscard]] std::vector<double> fit_sizes(const layout::Layout& lay);

/// What a composition pass at one step showed.
struct Trial {
  bool fits = false;       ///< within the page limit, nothing overflowing
  bool fatal = false;      ///< an error that ends copy-fitting at once
  int fitted_lines = 0;    ///< body lines on the allowed pages
  int overflow_lines = 0;  ///< body lines beyond them
};

/// The smallest step (largest size) whose trial fits, or the last step when none does; stops at
/// the first fatal trial and returns its step. Tries step 0, then a guess from the share of body
/// lines that overflowed (text height grows with the square of the size), then halves the
/// interval, as the linear scan would find it when a smaller size never fits worse. Each step is
/// tried at most once.
[[nodiscard]] std::size_t find_step(const std::vector<double>& sizes, const std::function<Trial(std::size_t)>& trial);

}  // namespace briefing::compose
