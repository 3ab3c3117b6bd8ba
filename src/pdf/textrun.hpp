// Encoding one glyph run as PDF text operators: one TJ with character spacing and corrections.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <vector>

#include "frame/frame.hpp"

namespace briefing::pdf {

/// A glyph run ready for the content stream.
struct EncodedRun {
  double char_space = 0;  ///< Tc (pt) to set before the TJ: the run's usual letter gap
  std::string tj;         ///< "[(\0A) -12.5 (\0B)] TJ\n": two-byte codes in literal strings
};

/// Encodes glyphs (code points at x from the run's origin, pt) as one TJ whose viewer positions,
/// computed from `width_of(cp)` (the font's /W widths in 1/1000 em) and the character spacing,
/// land within half a thousandth of an em of the given x (0.005 pt at 10 pt): the viewer's pen is
/// tracked from the values actually written, so neither rounding nor drift accumulates. The most
/// frequent glyph gap becomes Tc, so that letter-spaced lines need no correction per glyph.
[[nodiscard]] EncodedRun encode_run(const std::vector<frame::Glyph>& glyphs, double size,
                                    const std::function<double(char32_t)>& width_of);

/// The same with the widths given, `widths[i]` for `glyphs[i]`, into `out` (whose memory is
/// reused: a page writer encodes thousands of runs).
void encode_run(const std::vector<frame::Glyph>& glyphs, std::span<const double> widths, double size, EncodedRun& out);

/// Writes `v` / 10^`decimals` at `p` as a PDF number: a minus sign when negative, the whole part,
/// and the fraction without trailing zeros ("-12.5", "0.00001", "3"); returns the end.
char* put_decimal(char* p, long long v, int decimals);

/// Where a viewer puts each glyph of an encoded run (pt from the run's origin): the TJ is read
/// back with the same widths and character spacing. Exposed for tests.
[[nodiscard]] std::vector<double> replay_run(const EncodedRun& run, double size,
                                             const std::function<double(char32_t)>& width_of);

}  // namespace briefing::pdf
