// Knuth–Plass total-fit line breaking (Knuth & Plass 1981; TeX §813–§890).
//
// The breaker walks the item list once per pass, keeping a list of active nodes (breaks that may
// still start a line). At each legal breakpoint every active node proposes the line ending there;
// feasible lines become candidate nodes, merged by (line class, fitness, hyphen run) so that only
// the cheapest path into each state survives (the position is implicit: one breakpoint at a time),
// and candidates that another candidate provably beats are dropped (TeX's adj_demerits cut-off).
// Costs are lexicographic: overfull lines, then hard-rule violations (both only ever non-zero in
// the final emergency pass), then demerits, which makes "never overfull when avoidable" exact.
//
// Choices the brief leaves open:
// * the line before the first one counts as decent for fitness demerits (as in TeX);
// * a node is retired when its material alone (without the break's penalty width) cannot shrink
//   to the width; a break inside the glue discarded after a break is never taken (no empty lines);
// * a box may carry finite stretch and shrink (letter-spacing); a box is never a breakpoint and
//   never discarded. The ratio is the glue's: boxes follow it up to ±1 and then stay at their
//   limit, so the tolerance bounds the word spaces exactly and letter-spacing never exceeds a
//   box's own stretch or shrink (pdfTeX's font expansion behaves the same way);
// * ragged mode keeps infinite (fill) stretch, ignores all other stretch and shrink, adds
//   `ragged_stretch` to every line but the last, and derives badness and fitness from that;
// * reported ratios: 0 in ragged mode, 0 for a line with nothing to stretch, -1 for an overfull
//   line (it is set fully shrunk); they are always finite and >= -1;
// * pass 2 is skipped when `emergency_tolerance <= tolerance`; the final pass (3) accepts any
//   ratio >= -1 with badness capped at 1e6, and treats the hyphen rules as violations to minimise
//   (after overfull lines) rather than as prohibitions, so that it always finds an answer.
//
// Conventions for degenerate input (nothing throws, nothing loops):
// * an empty item list gives an empty result (no breaks);
// * the last item is always treated as a forced break, whatever it is (a box or glue there
//   contributes no width); callers should end with `pen(0, -kInfPenalty, false)`;
// * an empty `line_widths` means every line has width 0; non-finite widths count as 0;
// * non-finite or absurd item values are clamped (NaN → 0, |x| ≤ 1e12, stretch and shrink ≥ 0);
// * with a line width ≤ 0 every line holding a box is overfull: the final pass then sets one
//   breakable chunk per line and counts each such line in `overfull`; a list without breakpoints
//   (e.g. all glue) is one line, overfull if it cannot shrink to the width.
#include "typeset/linebreak.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace briefing::typeset {

namespace {

constexpr double kInfBadness = 10000.0;      ///< TeX's inf_bad: the badness cap of passes 1-2
constexpr double kEmergencyBadness = 1.0e6;  ///< badness cap of the final pass
constexpr double kMaxMagnitude = 1.0e12;     ///< item values are clamped to this magnitude
constexpr double kRelEps = 1.0e-9;           ///< relative slack for "exactly full" and r = -1
constexpr std::size_t kNoPos = static_cast<std::size_t>(-1);
constexpr double kInf = std::numeric_limits<double>::infinity();

/// Fitness classes as in TeX §817.
enum Fitness : int { kVeryLoose = 0, kLoose = 1, kDecent = 2, kTight = 3 };

/// Lexicographic path cost: overfull lines first, then hard-rule violations, then demerits.
struct Cost {
  int overfull = 0;
  int violations = 0;
  double demerits = 0;
};

/// Strict lexicographic order on costs.
bool less(const Cost& a, const Cost& b) {
  if (a.overfull != b.overfull) return a.overfull < b.overfull;
  if (a.violations != b.violations) return a.violations < b.violations;
  return a.demerits < b.demerits;
}

/// A sanitised item: finite values, fill stretch split off, flags only where they mean something.
struct Tok {
  Item::Kind kind = Item::Kind::box;
  double width = 0;
  double stretch = 0;  ///< finite stretch only
  double shrink = 0;
  double penalty = 0;
  bool fill = false;  ///< glue with stretch >= kFill
  bool flagged = false;
};

/// One node of the search: a break and the state needed to extend it.
struct Node {
  std::size_t pos = kNoPos;  ///< item index broken at; kNoPos for the paragraph start
  std::size_t start = 0;     ///< first item of the next line after discarding glue
  int line_class = 0;        ///< index of the next line, capped at the last width entry
  int fitness = kDecent;     ///< fitness class of the line ending here
  int run = 0;               ///< consecutive lines ending at flagged penalties, up to here
  Cost cost;                 ///< cost of the best path from the start to this node
  int prev = -1;             ///< arena index of the previous break, -1 for the start
  double ratio = 0;          ///< ratio reported for the line ending here
};

/// What one pass is allowed to accept.
struct PassConfig {
  int number = 1;
  double tolerance = 0;  ///< largest ratio accepted
  bool final = false;    ///< accept overfull lines and rule violations (lexicographically)
  double badness_cap = kInfBadness;
};

/// Clamps a value to a finite range, mapping NaN to 0.
double clamp_finite(double v, double lo, double hi) {
  if (std::isnan(v)) return 0;
  return std::clamp(v, lo, hi);
}

/// Badness of a line set with adjustment ratio `r`: 100·|r|³, capped.
double badness(double r, double cap) {
  if (std::isnan(r)) return cap;
  const double a = std::fabs(r);
  if (a >= 1.0e4) return cap;
  return std::min(100.0 * a * a * a, cap);
}

/// Fitness class of a ratio (TeX §817 boundaries, expressed on the ratio).
int fitness_of(double r) {
  if (r > 1.0) return kVeryLoose;
  if (r > 0.5) return kLoose;
  if (r >= -0.5) return kDecent;
  return kTight;
}

/// True when the penalty forces a break.
bool forces(const Tok& t) {
  return t.kind == Item::Kind::penalty && t.penalty <= -kInfPenalty;
}

/// Demerits of a line from its badness and break item, without context terms.
double base_demerits(double bad, double line_penalty, double pen, bool forced) {
  const double l = line_penalty + bad;
  double d = l * l;
  if (!forced) {
    if (pen >= 0) {
      d += pen * pen;
    } else if (pen > -kInfPenalty) {
      d -= pen * pen;
    }
  }
  return d;
}

/// Adjustment ratio for a line with the given shortfall (width − natural), glue stretch, box
/// (letter-spacing) stretch and total shrink. Boxes stretch with the ratio up to 1 and then stay,
/// so past ratio 1 only the glue takes the rest. Returns ±infinity when the line cannot be
/// adjusted; 0 when an infinite stretch absorbs it.
double adjustment_ratio(double shortfall, double stretch, double box_stretch, double shrink, bool fill, double eps) {
  if (std::fabs(shortfall) <= eps) return 0;
  if (shortfall > 0) {
    if (fill) return 0;
    if (shortfall <= stretch + box_stretch) return shortfall / (stretch + box_stretch);
    return stretch > 0 ? (shortfall - box_stretch) / stretch : kInf;
  }
  if (shrink <= 0) return -kInf;
  const double r = shortfall / shrink;
  return (r < -1.0 && r >= -1.0 - kRelEps) ? -1.0 : r;
}

/// The total-fit breaker for one item list; run() performs one pass.
class Breaker {
 public:
  /// Takes a paragraph: sanitises items and parameters and precomputes prefix sums. The arrays
  /// keep their memory from one paragraph to the next.
  void load(const std::vector<Item>& items, const BreakParams& params);

  /// Runs one pass; on success fills `out` and returns true.
  bool run(const PassConfig& cfg, BreakResult& out);

  /// The sanitised normal tolerance.
  double tolerance() const { return tolerance_; }
  /// The sanitised emergency tolerance.
  double emergency_tolerance() const { return emergency_tolerance_; }

 private:
  /// Natural width, stretch, shrink and fill presence of one line's material.
  struct Material {
    double width = 0;
    double stretch = 0;      ///< finite glue stretch
    double box_stretch = 0;  ///< letter-spacing stretch of boxes (saturates at ratio 1)
    double shrink = 0;
    bool fill = false;
  };

  /// A measured line: whether it exists, its ratio, and whether its material is overfull.
  struct LineEval {
    bool reachable = false;  ///< false when the break lies in the discarded glue
    bool overfull = false;   ///< the material cannot shrink to the width (retires the node)
    double ratio = 0;        ///< adjustment ratio including the break's penalty width
  };

  void sanitize_items(const std::vector<Item>& items);
  void sanitize_params(const BreakParams& params);
  void build_sums();
  bool breakable(std::size_t i) const;
  bool forced_at(std::size_t i) const { return i + 1 == toks_.size() || forces(toks_[i]); }
  double line_width(int line_class) const;
  Material material(std::size_t from, std::size_t to, bool last) const;
  LineEval measure(std::size_t start, int line_class, std::size_t i) const;
  bool extend(const Node& a, int a_index, std::size_t i, const LineEval& e, const PassConfig& cfg);
  void add_candidate(const Node& c);
  bool dominates(const Node& x, const Node& y) const;
  void prune_candidates();
  void finish(const PassConfig& cfg, BreakResult& out) const;

  std::vector<Tok> toks_;
  std::vector<double> sum_width_, sum_stretch_, sum_shrink_;  ///< over items [0, i); stretch: glue only
  std::vector<double> sum_box_stretch_;                       ///< box stretch over items [0, i)
  std::vector<int> sum_fill_;                                 ///< fill glues in [0, i)
  std::vector<std::size_t> next_kept_;                        ///< first non-discardable index >= i

  std::vector<double> widths_;
  /// One line width and no negative material: a line from a later node is never longer (TeX
  /// §851's argument, the other way round), so once a node's line is too short, all later ones
  /// are too.
  bool monotone_ = false;
  // Set by load(); the values in sanitize_params() stand in for non-finite parameters.
  double tolerance_ = 0;
  double emergency_tolerance_ = 0;
  double line_penalty_ = 0;
  double hyphen_demerits_ = 0;
  double fitness_demerits_ = 0;
  int max_hyphens_ = 0;
  bool ragged_ = false;
  double ragged_stretch_ = 0;

  std::vector<Node> nodes_;       ///< arena of every node created in the current pass
  std::vector<int> active_;       ///< arena indices of the active nodes
  std::vector<Node> candidates_;  ///< nodes proposed at the current breakpoint
};

void Breaker::load(const std::vector<Item>& items, const BreakParams& params) {
  sanitize_items(items);
  sanitize_params(params);
  build_sums();
  monotone_ = widths_.size() == 1 && std::all_of(toks_.begin(), toks_.end(), [](const Tok& t) {
                return t.kind == Item::Kind::penalty || t.width >= 0;
              });
}

void Breaker::sanitize_items(const std::vector<Item>& items) {
  toks_.clear();
  toks_.reserve(items.size());
  for (const Item& it : items) {
    Tok t;
    t.kind = it.kind;
    t.width = clamp_finite(it.width, -kMaxMagnitude, kMaxMagnitude);
    if (it.kind == Item::Kind::glue) {
      const double st = std::isnan(it.stretch) ? 0 : it.stretch;
      t.fill = st >= kFill;
      t.stretch = t.fill ? 0 : clamp_finite(st, 0, kMaxMagnitude);
      t.shrink = clamp_finite(it.shrink, 0, kMaxMagnitude);
    } else if (it.kind == Item::Kind::box) {
      // A box may be expandable (letter-spacing): finite stretch and shrink only.
      t.stretch = clamp_finite(it.stretch, 0, kMaxMagnitude);
      t.shrink = clamp_finite(it.shrink, 0, kMaxMagnitude);
    } else if (it.kind == Item::Kind::penalty) {
      t.penalty = clamp_finite(it.penalty, -kMaxMagnitude, kMaxMagnitude);
      t.flagged = it.flagged;
    }
    toks_.push_back(t);
  }
}

void Breaker::sanitize_params(const BreakParams& p) {
  widths_.clear();
  for (double w : p.line_widths) widths_.push_back(clamp_finite(w, -kMaxMagnitude, kMaxMagnitude));
  if (widths_.empty()) widths_.push_back(0);
  tolerance_ = std::isnan(p.tolerance) ? 2.0 : p.tolerance;
  emergency_tolerance_ = std::isnan(p.emergency_tolerance) ? 10.0 : p.emergency_tolerance;
  line_penalty_ = std::isfinite(p.line_penalty) ? p.line_penalty : 10.0;
  hyphen_demerits_ = std::isfinite(p.hyphen_demerits) ? p.hyphen_demerits : 3000.0;
  fitness_demerits_ = std::isfinite(p.fitness_demerits) ? p.fitness_demerits : 3000.0;
  max_hyphens_ = std::max(0, p.max_consecutive_hyphens);
  ragged_ = p.ragged;
  ragged_stretch_ = clamp_finite(p.ragged_stretch, 0, kMaxMagnitude);
}

void Breaker::build_sums() {
  const std::size_t n = toks_.size();
  sum_width_.assign(n + 1, 0);
  sum_stretch_.assign(n + 1, 0);
  sum_shrink_.assign(n + 1, 0);
  sum_fill_.assign(n + 1, 0);
  sum_box_stretch_.assign(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const Tok& t = toks_[i];
    const bool material = t.kind != Item::Kind::penalty;
    sum_width_[i + 1] = sum_width_[i] + (material ? t.width : 0);
    const bool box = t.kind == Item::Kind::box;
    sum_stretch_[i + 1] = sum_stretch_[i] + (box ? 0 : t.stretch);
    sum_box_stretch_[i + 1] = sum_box_stretch_[i] + (box ? t.stretch : 0);
    sum_shrink_[i + 1] = sum_shrink_[i] + t.shrink;
    sum_fill_[i + 1] = sum_fill_[i] + (t.fill ? 1 : 0);
  }
  next_kept_.assign(n, n == 0 ? 0 : n - 1);
  for (std::size_t i = n; i-- > 0;) {
    const bool kept = toks_[i].kind == Item::Kind::box || forces(toks_[i]) || i + 1 == n;
    next_kept_[i] = kept ? i : next_kept_[i + 1];
  }
}

/// Legal breakpoints: glue after a box, penalties below kInfPenalty, and the last item.
bool Breaker::breakable(std::size_t i) const {
  if (i + 1 == toks_.size()) return true;
  const Tok& t = toks_[i];
  if (t.kind == Item::Kind::glue) return i > 0 && toks_[i - 1].kind == Item::Kind::box;
  return t.kind == Item::Kind::penalty && t.penalty < kInfPenalty;
}

double Breaker::line_width(int line_class) const {
  return widths_[std::min(static_cast<std::size_t>(line_class), widths_.size() - 1)];
}

/// Material of items [from, to); in ragged mode finite stretch and shrink are replaced by the
/// invisible right-side stretch (except on the paragraph's last line).
Breaker::Material Breaker::material(std::size_t from, std::size_t to, bool last) const {
  Material m;
  m.width = sum_width_[to] - sum_width_[from];
  m.fill = sum_fill_[to] - sum_fill_[from] > 0;
  if (ragged_) {
    m.stretch = last ? 0 : ragged_stretch_;
  } else {
    m.stretch = sum_stretch_[to] - sum_stretch_[from];
    m.box_stretch = sum_box_stretch_[to] - sum_box_stretch_[from];
    m.shrink = sum_shrink_[to] - sum_shrink_[from];
  }
  return m;
}

/// Measures the line starting at item `start` (line class `line_class`) and ending at `i`.
Breaker::LineEval Breaker::measure(std::size_t start, int line_class, std::size_t i) const {
  LineEval e;
  if (i < start) return e;  // i lies in the glue discarded after the break: no empty lines here
  const bool last = i + 1 == toks_.size();
  const Tok& at = toks_[i];
  const Material m = material(start, i, last);
  const double width = line_width(line_class);
  const double eps = kRelEps * std::max({1.0, std::fabs(width), std::fabs(m.width)});
  // The material alone is too wide: later breaks only add to it (TeX §851), so retire the node.
  e.overfull = adjustment_ratio(width - m.width, m.stretch, m.box_stretch, m.shrink, m.fill, eps) < -1;
  const double pen_width = at.kind == Item::Kind::penalty ? at.width : 0;
  e.ratio = e.overfull ? -kInf
                       : adjustment_ratio(width - m.width - pen_width, m.stretch, m.box_stretch, m.shrink, m.fill, eps);
  e.reachable = true;
  return e;
}

/// Extends node `a` by the measured line to `i`; returns false to deactivate `a`.
bool Breaker::extend(const Node& a, int a_index, std::size_t i, const LineEval& e, const PassConfig& cfg) {
  if (!e.reachable) return true;
  const double r = e.ratio;
  if (!e.overfull && (r < -1 || r > cfg.tolerance)) return true;
  if (e.overfull && !cfg.final) return false;

  const bool last = i + 1 == toks_.size();
  const Tok& at = toks_[i];
  const bool flagged = at.kind == Item::Kind::penalty && at.flagged;
  int violations = 0;
  if (flagged && max_hyphens_ > 0 && a.run >= max_hyphens_) ++violations;
  if (last && a.run > 0) ++violations;  // the last line may not start with a word's second half
  if (violations > 0 && !cfg.final) return true;

  const int fit = fitness_of(r);
  double d = base_demerits(badness(r, cfg.badness_cap), line_penalty_, at.penalty, forced_at(i));
  if (flagged && a.run > 0) d += hyphen_demerits_;
  if (std::abs(fit - a.fitness) > 1) d += fitness_demerits_;

  Node c;
  c.pos = i;
  c.start = last ? i : next_kept_[i + 1];
  c.line_class = std::min(a.line_class + 1, static_cast<int>(widths_.size()) - 1);
  c.fitness = fit;
  const int run_cap = max_hyphens_ > 0 ? max_hyphens_ : 1;
  c.run = flagged ? std::min(a.run + 1, run_cap) : 0;
  c.cost = {a.cost.overfull + (e.overfull ? 1 : 0), a.cost.violations + violations, a.cost.demerits + d};
  c.prev = a_index;
  // Reported ratio: 0 in ragged mode and when nothing can stretch; -1 when fully shrunk.
  c.ratio = (ragged_ || (!std::isfinite(r) && r > 0)) ? 0.0 : std::max(r, -1.0);
  add_candidate(c);
  return !e.overfull;
}

/// Keeps `c` unless a cheaper candidate with the same state exists at this breakpoint.
void Breaker::add_candidate(const Node& c) {
  for (Node& o : candidates_) {
    if (o.line_class == c.line_class && o.fitness == c.fitness && o.run == c.run) {
      if (less(c.cost, o.cost)) o = c;
      return;
    }
  }
  candidates_.push_back(c);
}

/// True when every continuation of `y` costs at least as much from `x` (same breakpoint and line
/// class): `x` is no more constrained (shorter hyphen run) and cheaper by more than the most the
/// next line's fitness and hyphen demerits can differ (TeX §836's adj_demerits cut-off).
bool Breaker::dominates(const Node& x, const Node& y) const {
  if (x.line_class != y.line_class || x.run > y.run) return false;
  if (x.cost.overfull != y.cost.overfull) return x.cost.overfull < y.cost.overfull;
  if (x.cost.violations != y.cost.violations) return x.cost.violations < y.cost.violations;
  double slack = 0;
  if (x.fitness != y.fitness) slack += std::fabs(fitness_demerits_);
  if ((x.run > 0) != (y.run > 0)) slack += std::max(0.0, -hyphen_demerits_);
  return x.cost.demerits + slack <= y.cost.demerits;
}

/// Drops candidates dominated by another candidate at the same breakpoint.
void Breaker::prune_candidates() {
  std::size_t kept = 0;
  for (std::size_t k = 0; k < candidates_.size(); ++k) {
    bool dominated = false;
    for (std::size_t j = 0; j < candidates_.size() && !dominated; ++j) {
      // Of two mutually dominating candidates (equal states and costs) keep the earlier one.
      dominated =
          j != k && dominates(candidates_[j], candidates_[k]) && (j < k || !dominates(candidates_[k], candidates_[j]));
    }
    if (!dominated) candidates_[kept++] = candidates_[k];
  }
  candidates_.resize(kept);
}

bool Breaker::run(const PassConfig& cfg, BreakResult& out) {
  nodes_.clear();
  active_.clear();
  nodes_.push_back(Node{});
  active_.push_back(0);
  for (std::size_t i = 0; i < toks_.size() && !active_.empty(); ++i) {
    if (!breakable(i)) continue;
    candidates_.clear();
    const bool forced = forced_at(i);
    std::size_t kept = 0;
    std::size_t cached_pos = kNoPos - 1;  // nodes at one position share the line's measurement
    int cached_class = -1;
    LineEval e;
    for (std::size_t k = 0; k < active_.size(); ++k) {
      const int a = active_[k];
      const Node& node = nodes_[static_cast<std::size_t>(a)];
      if (node.pos != cached_pos || node.line_class != cached_class) {
        e = measure(node.start, node.line_class, i);
        cached_pos = node.pos;
        cached_class = node.line_class;
      }
      // The active nodes are in break order, so each later one starts no earlier: when this
      // line is too short to reach `i` (or `i` lies in its discarded glue), so are all the
      // rest, and they stay as they are (unless the break is forced), proposing nothing.
      if (monotone_ && (!e.reachable || (!e.overfull && e.ratio > cfg.tolerance))) {
        if (!forced)
          for (; k < active_.size(); ++k) active_[kept++] = active_[k];
        break;
      }
      const bool stays = extend(node, a, i, e, cfg);
      if (stays && !forced) active_[kept++] = a;
    }
    active_.resize(kept);
    prune_candidates();
    for (const Node& c : candidates_) {
      active_.push_back(static_cast<int>(nodes_.size()));
      nodes_.push_back(c);
    }
  }
  if (active_.empty()) return false;
  finish(cfg, out);
  return true;
}

/// Picks the cheapest node at the final break and walks the prev links back (iteratively).
void Breaker::finish(const PassConfig& cfg, BreakResult& out) const {
  int best = active_.front();
  for (const int a : active_) {
    if (less(nodes_[static_cast<std::size_t>(a)].cost, nodes_[static_cast<std::size_t>(best)].cost)) best = a;
  }
  const Node& final_node = nodes_[static_cast<std::size_t>(best)];
  out = BreakResult{};
  out.pass = cfg.number;
  out.demerits = final_node.cost.demerits;
  out.overfull = final_node.cost.overfull;
  for (int k = best; k > 0; k = nodes_[static_cast<std::size_t>(k)].prev) {
    const Node& n = nodes_[static_cast<std::size_t>(k)];
    const Tok& t = toks_[n.pos];
    out.breaks.push_back(Break{n.pos, n.ratio, t.kind == Item::Kind::penalty && t.flagged});
  }
  std::reverse(out.breaks.begin(), out.breaks.end());
}

/// Runs the passes in order; the final one cannot fail (see the file comment).
BreakResult break_all_passes(const std::vector<Item>& items, const BreakParams& params) {
  BreakResult out;
  if (items.empty()) return out;
  // One breaker per thread, reused: a paragraph used to cost a dozen allocations per array.
  thread_local Breaker b;
  b.load(items, params);
  if (b.run({1, b.tolerance(), false, kInfBadness}, out)) return out;
  if (b.emergency_tolerance() > b.tolerance() && b.run({2, b.emergency_tolerance(), false, kInfBadness}, out)) {
    return out;
  }
  if (!b.run({3, kInf, true, kEmergencyBadness}, out)) {
    out = BreakResult{};  // unreachable: the final pass always keeps a node alive
    out.pass = 3;
    out.breaks.push_back(Break{items.size() - 1, 0, false});
  }
  return out;
}

}  // namespace

BreakResult break_lines(const std::vector<Item>& items, const BreakParams& params) {
  try {
    return break_all_passes(items, params);
  } catch (...) {  // only std::bad_alloc is possible; degrade to one line rather than throw
    BreakResult out;
    out.pass = 3;
    if (!items.empty()) {
      out.breaks.push_back(Break{items.size() - 1, 0, false});
      out.overfull = 1;
    }
    return out;
  }
}

double line_demerits(double ratio, const Item& at, const BreakParams& params) {
  const bool is_pen = at.kind == Item::Kind::penalty;
  const double pen = is_pen ? at.penalty : 0;
  const bool forced = is_pen && pen <= -kInfPenalty;
  return base_demerits(badness(ratio, kInfBadness), params.line_penalty, pen, forced);
}

}  // namespace briefing::typeset
