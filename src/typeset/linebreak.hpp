// Knuth–Plass total-fit line breaking over boxes, glue and penalties.
#pragma once

#include <cstddef>
#include <vector>

namespace briefing::typeset {

/// A penalty at or above this value forbids a break; at or below its negative forces one.
inline constexpr double kInfPenalty = 10000.0;
/// Glue stretch at or above this value is "infinite" (fil), as for the paragraph's last line.
inline constexpr double kFill = 1.0e6;

/// One element of a paragraph's item list (TeX's box, glue and penalty). Widths are in points.
struct Item {
  enum class Kind { box, glue, penalty };
  Kind kind = Kind::box;
  double width = 0;      ///< box or glue natural width; for a penalty, width added when broken here (hyphen)
  double stretch = 0;    ///< glue, or a box's expansion (letter-spacing); never infinite for a box
  double shrink = 0;     ///< glue, or a box's compression
  double penalty = 0;    ///< penalty only
  bool flagged = false;  ///< penalty only: a hyphenation break

  static Item box(double w, double st = 0, double sh = 0) { return {Kind::box, w, st, sh, 0, false}; }
  static Item glue(double w, double st, double sh) { return {Kind::glue, w, st, sh, 0, false}; }
  static Item pen(double w, double p, bool f) { return {Kind::penalty, w, 0, 0, p, f}; }
};

/// Tunables of the breaker; defaults follow TeX's plain format where it has one.
struct BreakParams {
  /// Width of line i; lines past the end of the vector use the last entry. Must not be empty.
  std::vector<double> line_widths;
  double tolerance = 2.0;             ///< largest adjustment ratio accepted in the normal pass
  double emergency_tolerance = 10.0;  ///< the second pass's limit before the final emergency pass
  double line_penalty = 10.0;         ///< added to every line's badness before squaring
  double hyphen_demerits = 3000.0;    ///< two consecutive hyphenated lines
  double fitness_demerits = 3000.0;   ///< adjacent lines whose fitness classes differ by more than one
  int max_consecutive_hyphens = 2;    ///< hard limit on a run of hyphenated lines (0 = no limit)
  bool ragged = false;                ///< ragged-right: inter-word glue neither stretches nor shrinks
  double ragged_stretch = 30.0;       ///< in ragged mode, the invisible right glue's stretch (pt)
};

/// One chosen break: the index of the item broken at (a glue or penalty) and the line it ends.
struct Break {
  std::size_t item = 0;  ///< index into the item list
  double ratio = 0;      ///< adjustment ratio of the line ending here (stretch > 0, shrink < 0)
  bool hyphenated = false;
};

/// The breaker's answer: one Break per line, the last one at the paragraph's final forced break.
struct BreakResult {
  std::vector<Break> breaks;
  double demerits = 0;  ///< total demerits of the chosen sequence
  int pass = 1;         ///< 1 normal, 2 emergency tolerance, 3 final emergency (may exceed tolerance)
  int overfull = 0;     ///< lines whose content cannot shrink to the width (a box wider than the line)
};

/// Breaks a paragraph. The item list must end with a forced break (penalty <= -kInfPenalty), normally
/// preceded by `glue(0, kFill, 0)` and `pen(0, kInfPenalty, false)` as in TeX's \parfillskip.
/// Never returns an overfull line when any sequence without one exists.
[[nodiscard]] BreakResult break_lines(const std::vector<Item>& items, const BreakParams& params);

/// Demerits of one line with the given ratio and penalty, as break_lines counts them (exposed for tests).
[[nodiscard]] double line_demerits(double ratio, const Item& at, const BreakParams& params);

}  // namespace briefing::typeset
