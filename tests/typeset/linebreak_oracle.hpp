// Test support for the line breaker: monospace paragraphs and an exhaustive-search oracle.
#pragma once

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "typeset/linebreak.hpp"

namespace linebreak_oracle {

using briefing::typeset::Break;
using briefing::typeset::BreakParams;
using briefing::typeset::BreakResult;
using briefing::typeset::Item;
using briefing::typeset::kFill;
using briefing::typeset::kInfPenalty;

inline constexpr double kSpaceStretch = 0.5;
inline constexpr double kSpaceShrink = 0.33;
inline constexpr double kHyphenPenalty = 50;
inline constexpr std::size_t kNone = static_cast<std::size_t>(-1);

/// A monospace paragraph: the items plus a printable label for each.
struct Para {
  std::vector<Item> items;
  std::vector<std::string> labels;

  /// Appends one item with its label.
  void add(const Item& it, std::string label) {
    items.push_back(it);
    labels.push_back(std::move(label));
  }
  /// Appends TeX's paragraph end (or, mid-paragraph, a \\-style forced line end).
  void add_line_end() {
    add(Item::pen(0, kInfPenalty, false), "");
    add(Item::glue(0, kFill, 0), "");
    add(Item::pen(0, -kInfPenalty, false), "");
  }
};

/// Builds a paragraph: every character is a box of width 1 (with `letter` stretch and half of it
/// as shrink: letter-spacing), ' ' is glue (1, 0.5, 0.33 unless given), '-' a hyphenation point
/// (flagged penalty of width 1) and '\n' a forced line end.
inline Para make_para(std::string_view text, double hyphen_penalty = kHyphenPenalty, double stretch = kSpaceStretch,
                      double shrink = kSpaceShrink, double letter = 0) {
  Para p;
  for (const char c : text) {
    if (c == ' ') {
      p.add(Item::glue(1, stretch, shrink), " ");
    } else if (c == '-') {
      p.add(Item::pen(1, hyphen_penalty, true), "-");
    } else if (c == '\n') {
      p.add_line_end();
    } else {
      p.add(Item::box(1, letter, letter / 2), std::string(1, c));
    }
  }
  p.add_line_end();
  return p;
}

/// True for items dropped at the start of a line (glue and non-forced penalties).
inline bool discardable(const Item& it) {
  return it.kind == Item::Kind::glue || (it.kind == Item::Kind::penalty && it.penalty > -kInfPenalty);
}

/// First item of the line that follows a break at `prev` (kNone for the paragraph start).
inline std::size_t line_start(const std::vector<Item>& items, std::size_t prev) {
  if (prev == kNone) return 0;
  std::size_t s = prev + 1;
  while (s + 1 < items.size() && discardable(items[s])) ++s;
  return s;
}

/// The text of each line of a result.
inline std::vector<std::string> lines_of(const Para& p, const BreakResult& r) {
  std::vector<std::string> out;
  std::size_t prev = kNone;
  for (const Break& b : r.breaks) {
    std::string line;
    for (std::size_t i = line_start(p.items, prev); i < b.item; ++i) {
      if (p.items[i].kind != Item::Kind::penalty) line += p.labels[i];
    }
    if (b.hyphenated) line += "-";
    out.push_back(line);
    prev = b.item;
  }
  return out;
}

/// Natural width of each line of a result (material plus the width of a penalty broken at).
inline std::vector<double> natural_widths(const std::vector<Item>& items, const BreakResult& r) {
  std::vector<double> out;
  std::size_t prev = kNone;
  for (const Break& b : r.breaks) {
    double w = items[b.item].kind == Item::Kind::penalty ? items[b.item].width : 0;
    for (std::size_t i = line_start(items, prev); i < b.item; ++i) {
      if (items[i].kind != Item::Kind::penalty) w += items[i].width;
    }
    out.push_back(w);
    prev = b.item;
  }
  return out;
}

/// Width of line `line` per the params (last entry repeats).
inline double width_of(const BreakParams& params, std::size_t line) {
  return params.line_widths[std::min(line, params.line_widths.size() - 1)];
}

/// Longest run of consecutive hyphenated lines.
inline int longest_hyphen_run(const BreakResult& r) {
  int best = 0;
  int run = 0;
  for (const Break& b : r.breaks) {
    run = b.hyphenated ? run + 1 : 0;
    best = std::max(best, run);
  }
  return best;
}

/// Independent restatement of the brief's pass-1 rules (justified mode), used as an oracle.
class Reference {
 public:
  /// State after a break: where it was, the line count, last fitness, hyphen run.
  struct State {
    std::size_t pos = kNone;
    std::size_t line = 0;
    int fitness = 2;
    int run = 0;
  };

  Reference(const std::vector<Item>& items, const BreakParams& params) : items_(items), params_(params) {}

  /// Demerits of the line from state `s` to a break at `i`, or nullopt when not allowed.
  std::optional<double> step(const State& s, std::size_t i) const {
    const bool last = i + 1 == items_.size();
    const Item& at = items_[i];
    const bool flagged = at.kind == Item::Kind::penalty && at.flagged;
    if (!legal(i)) return std::nullopt;
    const std::size_t from = line_start(items_, s.pos);
    if (i < from) return std::nullopt;
    if (flagged && params_.max_consecutive_hyphens > 0 && s.run >= params_.max_consecutive_hyphens) {
      return std::nullopt;
    }
    if (last && s.run > 0) return std::nullopt;
    const std::optional<double> r = ratio(from, i, width_of(params_, s.line));
    if (!r) return std::nullopt;
    const double bad = 100 * std::pow(std::fabs(*r), 3);
    double d = std::pow(params_.line_penalty + bad, 2);
    const double p = at.kind == Item::Kind::penalty ? at.penalty : 0;
    if (!last && p > -kInfPenalty) d += p >= 0 ? p * p : -p * p;
    if (flagged && s.run > 0) d += params_.hyphen_demerits;
    if (std::abs(fitness(*r) - s.fitness) > 1) d += params_.fitness_demerits;
    return d;
  }

  /// State after taking the line from `s` to `i`.
  State next(const State& s, std::size_t i) const {
    const Item& at = items_[i];
    const bool flagged = at.kind == Item::Kind::penalty && at.flagged;
    const std::size_t from = line_start(items_, s.pos);
    const double r = *ratio(from, i, width_of(params_, s.line));
    return State{i, s.line + 1, fitness(r), flagged ? s.run + 1 : 0};
  }

  /// Minimal total demerits over all break sequences, by exhaustive enumeration.
  std::optional<double> best() const {
    std::optional<double> best;
    enumerate(State{}, 0, best);
    return best;
  }

  /// Total demerits of a given sequence, or nullopt if some line is not allowed.
  std::optional<double> evaluate(const BreakResult& r) const {
    State s;
    double total = 0;
    for (const Break& b : r.breaks) {
      const std::optional<double> d = step(s, b.item);
      if (!d) return std::nullopt;
      total += *d;
      s = next(s, b.item);
    }
    if (s.pos + 1 != items_.size()) return std::nullopt;
    return total;
  }

 private:
  bool legal(std::size_t i) const {
    const Item& it = items_[i];
    if (i + 1 == items_.size()) return true;
    if (it.kind == Item::Kind::glue) return i > 0 && items_[i - 1].kind == Item::Kind::box;
    return it.kind == Item::Kind::penalty && it.penalty < kInfPenalty;
  }

  /// The glue's ratio; boxes (letter-spacing) follow it up to 1 and then stay at their stretch.
  std::optional<double> ratio(std::size_t from, std::size_t i, double width) const {
    double w = items_[i].kind == Item::Kind::penalty ? items_[i].width : 0;
    double st = 0;
    double box_st = 0;
    double sh = 0;
    bool fill = false;
    for (std::size_t k = from; k < i; ++k) {
      const Item& it = items_[k];
      if (it.kind == Item::Kind::penalty) continue;
      w += it.width;
      if (it.stretch >= kFill) {
        fill = true;
      } else if (it.kind == Item::Kind::box) {
        box_st += it.stretch;
      } else {
        st += it.stretch;
      }
      sh += it.shrink;
    }
    const double shortfall = width - w;
    double r = 0;
    if (std::fabs(shortfall) < 1e-9) {
      r = 0;
    } else if (shortfall > 0) {
      if (fill) return 0.0;
      if (shortfall <= st + box_st) {
        r = shortfall / (st + box_st);
      } else {
        if (st <= 0) return std::nullopt;
        r = (shortfall - box_st) / st;
      }
    } else {
      if (sh <= 0) return std::nullopt;
      r = shortfall / sh;
    }
    if (r < -1 - 1e-9 || r > params_.tolerance) return std::nullopt;
    return r;
  }

  static int fitness(double r) {
    if (r > 1) return 0;
    if (r > 0.5) return 1;
    if (r >= -0.5) return 2;
    return 3;
  }

  void enumerate(const State& s, double acc, std::optional<double>& best) const {
    for (std::size_t i = s.pos == kNone ? 0 : s.pos + 1; i < items_.size(); ++i) {
      const std::optional<double> d = step(s, i);
      if (!d) continue;
      if (i + 1 == items_.size()) {
        if (!best || acc + *d < *best) best = acc + *d;
      } else {
        enumerate(next(s, i), acc + *d, best);
      }
    }
  }

  const std::vector<Item>& items_;
  const BreakParams& params_;
};

/// Default params with one line width.
inline BreakParams params_for(double width) {
  BreakParams p;
  p.line_widths = {width};
  return p;
}

/// Deterministic random text: words of 1 to `max_len` letters, longer ones with hyphen points.
inline std::string random_text(std::mt19937& rng, int words, int max_len = 9) {
  std::uniform_int_distribution<int> len(1, max_len);
  std::uniform_int_distribution<int> coin(0, 99);
  std::string text;
  for (int w = 0; w < words; ++w) {
    if (w > 0) text += ' ';
    const int n = len(rng);
    const char letter = static_cast<char>('a' + w % 26);
    for (int k = 0; k < n; ++k) {
      if (k >= 2 && n - k >= 2 && coin(rng) < 60) text += '-';
      text += letter;
    }
  }
  return text;
}

/// True when some break of `r` is at item index `item`.
inline bool breaks_at(const BreakResult& r, std::size_t item) {
  for (const Break& b : r.breaks) {
    if (b.item == item) return true;
  }
  return false;
}

/// Checks the structural invariants every result must satisfy.
inline void check_structure(const std::vector<Item>& items, const BreakResult& r) {
  REQUIRE(!r.breaks.empty());
  REQUIRE(r.breaks.back().item == items.size() - 1);
  REQUIRE(r.pass >= 1);
  REQUIRE(r.pass <= 3);
  REQUIRE(r.overfull >= 0);
  REQUIRE(r.overfull <= static_cast<int>(r.breaks.size()));
  for (std::size_t k = 0; k < r.breaks.size(); ++k) {
    const Break& b = r.breaks[k];
    REQUIRE(b.item < items.size());
    if (k > 0) REQUIRE(b.item > r.breaks[k - 1].item);
    REQUIRE(std::isfinite(b.ratio));
    REQUIRE(b.ratio >= -1.0);
    const Item& it = items[b.item];
    if (k > 0 && b.item + 1 < items.size() && it.penalty > -kInfPenalty) {
      // After the first line, a line ending at an optional break holds at least one box: a break
      // inside the glue discarded after the previous break would make an empty line.
      bool has_box = false;
      for (std::size_t i = r.breaks[k - 1].item + 1; i < b.item; ++i) {
        has_box = has_box || items[i].kind == Item::Kind::box;
      }
      REQUIRE(has_box);
    }
    if (b.item + 1 < items.size()) {
      const bool glue_ok = it.kind == Item::Kind::glue && b.item > 0 && items[b.item - 1].kind == Item::Kind::box;
      // A NaN penalty counts as 0 (documented sanitising), hence "not >=" rather than "<".
      const bool pen_ok = it.kind == Item::Kind::penalty && !(it.penalty >= kInfPenalty);
      REQUIRE((glue_ok || pen_ok));
    }
  }
}

}  // namespace linebreak_oracle
