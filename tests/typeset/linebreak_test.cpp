// Tests of the Knuth–Plass line breaker, including a brute-force optimality check.
#include "typeset/linebreak.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace {

using briefing::typeset::Break;
using briefing::typeset::BreakParams;
using briefing::typeset::BreakResult;
using briefing::typeset::Item;
using briefing::typeset::kFill;
using briefing::typeset::kInfPenalty;

constexpr double kSpaceStretch = 0.5;
constexpr double kSpaceShrink = 0.33;
constexpr double kHyphenPenalty = 50;
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

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

/// Builds a paragraph: every character is a box of width 1, ' ' is glue (1, 0.5, 0.33 unless
/// given), '-' a hyphenation point (flagged penalty of width 1) and '\n' a forced line end.
Para make_para(std::string_view text, double hyphen_penalty = kHyphenPenalty,
               double stretch = kSpaceStretch, double shrink = kSpaceShrink) {
  Para p;
  for (const char c : text) {
    if (c == ' ') {
      p.add(Item::glue(1, stretch, shrink), " ");
    } else if (c == '-') {
      p.add(Item::pen(1, hyphen_penalty, true), "-");
    } else if (c == '\n') {
      p.add_line_end();
    } else {
      p.add(Item::box(1), std::string(1, c));
    }
  }
  p.add_line_end();
  return p;
}

/// True for items dropped at the start of a line (glue and non-forced penalties).
bool discardable(const Item& it) {
  return it.kind == Item::Kind::glue ||
         (it.kind == Item::Kind::penalty && it.penalty > -kInfPenalty);
}

/// First item of the line that follows a break at `prev` (kNone for the paragraph start).
std::size_t line_start(const std::vector<Item>& items, std::size_t prev) {
  if (prev == kNone) return 0;
  std::size_t s = prev + 1;
  while (s + 1 < items.size() && discardable(items[s])) ++s;
  return s;
}

/// The text of each line of a result.
std::vector<std::string> lines_of(const Para& p, const BreakResult& r) {
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
std::vector<double> natural_widths(const std::vector<Item>& items, const BreakResult& r) {
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
double width_of(const BreakParams& params, std::size_t line) {
  return params.line_widths[std::min(line, params.line_widths.size() - 1)];
}

/// Longest run of consecutive hyphenated lines.
int longest_hyphen_run(const BreakResult& r) {
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

  Reference(const std::vector<Item>& items, const BreakParams& params)
      : items_(items), params_(params) {}

  /// Demerits of the line from state `s` to a break at `i`, or nullopt when not allowed.
  std::optional<double> step(const State& s, std::size_t i) const {
    const bool last = i + 1 == items_.size();
    const Item& at = items_[i];
    const bool flagged = at.kind == Item::Kind::penalty && at.flagged;
    if (!legal(i)) return std::nullopt;
    const std::size_t from = line_start(items_, s.pos);
    if (i < from) return std::nullopt;
    if (flagged && params_.max_consecutive_hyphens > 0 &&
        s.run >= params_.max_consecutive_hyphens) {
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

  std::optional<double> ratio(std::size_t from, std::size_t i, double width) const {
    double w = items_[i].kind == Item::Kind::penalty ? items_[i].width : 0;
    double st = 0;
    double sh = 0;
    bool fill = false;
    for (std::size_t k = from; k < i; ++k) {
      const Item& it = items_[k];
      if (it.kind == Item::Kind::penalty) continue;
      w += it.width;
      if (it.stretch >= kFill) {
        fill = true;
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
      if (st <= 0) return std::nullopt;
      r = shortfall / st;
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
BreakParams params_for(double width) {
  BreakParams p;
  p.line_widths = {width};
  return p;
}

/// Deterministic random text: words of 1 to `max_len` letters, longer ones with hyphen points.
std::string random_text(std::mt19937& rng, int words, int max_len = 9) {
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
bool breaks_at(const BreakResult& r, std::size_t item) {
  for (const Break& b : r.breaks) {
    if (b.item == item) return true;
  }
  return false;
}

/// Checks the structural invariants every result must satisfy.
void check_structure(const std::vector<Item>& items, const BreakResult& r) {
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
      const bool glue_ok =
          it.kind == Item::Kind::glue && b.item > 0 && items[b.item - 1].kind == Item::Kind::box;
      // A NaN penalty counts as 0 (documented sanitising), hence "not >=" rather than "<".
      const bool pen_ok = it.kind == Item::Kind::penalty && !(it.penalty >= kInfPenalty);
      REQUIRE((glue_ok || pen_ok));
    }
  }
}

}  // namespace

TEST_CASE("linebreak: line_demerits follows the TeX formula", "[typeset][linebreak]") {
  const BreakParams p = params_for(10);
  CHECK(line_demerits(0, Item::glue(1, 1, 1), p) == Approx(100));
  CHECK(line_demerits(1, Item::pen(1, 50, true), p) == Approx(110 * 110 + 2500));
  CHECK(line_demerits(-1, Item::pen(0, -50, false), p) == Approx(110 * 110 - 2500));
  CHECK(line_demerits(0, Item::pen(0, -kInfPenalty, false), p) == Approx(100));
  CHECK(line_demerits(50, Item::glue(1, 1, 1), p) == Approx(10010.0 * 10010.0));
}

TEST_CASE("linebreak: simple monospace paragraph", "[typeset][linebreak]") {
  const Para p = make_para("aaaa bbbbb cccc dd eeeeee fffff gg hh");
  SECTION("exact fit") {
    const BreakResult r = break_lines(p.items, params_for(15));
    CHECK(lines_of(p, r) ==
          std::vector<std::string>{"aaaa bbbbb cccc", "dd eeeeee fffff", "gg hh"});
    CHECK(r.pass == 1);
    CHECK(r.overfull == 0);
    CHECK(r.demerits == Approx(300));
    for (const Break& b : r.breaks) CHECK(b.ratio == Approx(0).margin(1e-12));
  }
  SECTION("stretched lines report their ratio") {
    const BreakResult r = break_lines(p.items, params_for(16));
    REQUIRE(lines_of(p, r) ==
            std::vector<std::string>{"aaaa bbbbb cccc", "dd eeeeee fffff", "gg hh"});
    CHECK(r.breaks[0].ratio == Approx(1));
    CHECK(r.breaks[1].ratio == Approx(1));
    CHECK(r.breaks[2].ratio == Approx(0));
    CHECK(r.demerits == Approx(2 * 110 * 110 + 100));
  }
  SECTION("shrinking within the limit") {
    // "aaaa bbbbb cccc dd" is 18 wide with 3 spaces (shrink 0.99): it shrinks to 17.5, while
    // "aaaa bbbbb cccc" would need ratio 2.5 > tolerance.
    const BreakResult r = break_lines(p.items, params_for(17.5));
    CHECK(lines_of(p, r) == std::vector<std::string>{"aaaa bbbbb cccc dd", "eeeeee fffff gg hh"});
    for (const Break& b : r.breaks) CHECK(b.ratio == Approx(-0.5 / 0.99));
  }
}

TEST_CASE("linebreak: total fit matches exhaustive search", "[typeset][linebreak]") {
  std::mt19937 rng(20240531);
  std::uniform_int_distribution<int> words(8, 14);
  std::uniform_int_distribution<int> width(12, 30);
  std::uniform_int_distribution<int> quarters(0, 3);  // fractional widths give varied ratios
  int feasible = 0;
  int hyphenated = 0;
  int rule_binds = 0;
  const double stretches[] = {0.5, 1.0, 1.5};
  const double shrinks[] = {0.33, 0.5};
  for (int n = 0; n < 3000; ++n) {
    const std::string text = random_text(rng, words(rng), n % 5 < 2 ? 14 : 9);
    const double hyphen_penalty = n % 2 == 0 ? 0 : kHyphenPenalty;
    const Para p = make_para(text, hyphen_penalty, stretches[n % 3], shrinks[n % 2]);
    BreakParams params = params_for(width(rng) + 0.25 * quarters(rng));
    if (n % 4 == 1) params.line_widths = {params.line_widths[0] + 6, params.line_widths[0] - 3};
    params.max_consecutive_hyphens = (n / 3) % 3;
    if (n % 2 == 0) params.hyphen_demerits = 0;
    if (n % 7 == 0) params.fitness_demerits = 20000;
    INFO("paragraph " << n);
    const std::optional<double> expected = Reference(p.items, params).best();
    const BreakResult r = break_lines(p.items, params);
    check_structure(p.items, r);
    if (!expected) {
      CHECK(r.pass > 1);
      continue;
    }
    ++feasible;
    REQUIRE(r.pass == 1);
    const std::optional<double> got = Reference(p.items, params).evaluate(r);
    REQUIRE(got.has_value());
    CHECK(*got == Approx(*expected).epsilon(1e-6));
    CHECK(r.demerits == Approx(*expected).epsilon(1e-6));
    if (longest_hyphen_run(r) > 0) ++hyphenated;
    BreakParams free = params;
    free.max_consecutive_hyphens = 0;
    const std::optional<double> unconstrained = Reference(p.items, free).best();
    if (params.max_consecutive_hyphens > 0 && unconstrained && *unconstrained < *expected - 1e-6)
      ++rule_binds;
  }
  CHECK(feasible >= 1500);  // the check must not be vacuous
  CHECK(hyphenated >= 800);
  CHECK(rule_binds >= 40);
}

TEST_CASE("linebreak: variable line widths", "[typeset][linebreak]") {
  const Para p =
      make_para("aaaa bbbbb cccc ddd eeeeee fffff ggggg hhhhhhhh iiiii jjjjj kkkkkkkk ll");
  BreakParams params;
  params.line_widths = {15, 10, 20};
  const BreakResult r = break_lines(p.items, params);
  CHECK(lines_of(p, r) == std::vector<std::string>{"aaaa bbbbb cccc", "ddd eeeeee",
                                                   "fffff ggggg hhhhhhhh", "iiiii jjjjj kkkkkkkk",
                                                   "ll"});
  const std::optional<double> best = Reference(p.items, params).best();
  REQUIRE(best.has_value());
  CHECK(r.demerits == Approx(*best));
  const std::vector<double> w = natural_widths(p.items, r);
  for (std::size_t k = 0; k + 1 < w.size(); ++k) CHECK(w[k] == Approx(width_of(params, k)));
}

TEST_CASE("linebreak: max_consecutive_hyphens is a hard limit", "[typeset][linebreak]") {
  // Found by a seeded search: with free hyphenation three lines in a row end at a hyphen.
  const Para p =
      make_para("aa-aa bb-b-b-b-bb ccc dd-d-d-d-d-dd eee ff-ff g hhhhh i jjj-j-jjj-jj", 0);
  BreakParams params = params_for(12);
  params.hyphen_demerits = 0;
  params.max_consecutive_hyphens = 0;
  const BreakResult free = break_lines(p.items, params);
  REQUIRE(free.pass == 1);
  REQUIRE(longest_hyphen_run(free) >= 3);  // precondition: the unconstrained optimum hyphenates

  params.max_consecutive_hyphens = 2;
  const BreakResult limited = break_lines(p.items, params);
  CHECK(limited.pass == 1);
  CHECK(longest_hyphen_run(limited) <= 2);
  CHECK(longest_hyphen_run(limited) >= 1);
  const std::optional<double> best = Reference(p.items, params).best();
  REQUIRE(best.has_value());
  CHECK(limited.demerits == Approx(*best));
  CHECK(limited.demerits > free.demerits);
}

TEST_CASE("linebreak: the hyphen run is part of the node state", "[typeset][linebreak]") {
  // Found by a seeded search against a breaker that merged nodes regardless of the hyphen run:
  // keeping only the cheapest node per fitness loses the path that can still hyphenate.
  const Para p = make_para(
      "aa-aa-aa bbb-b-b-b-bb-b-bb-b-bb ccc-cc-cc dd-d-d-dd ee-e-ee-e-ee-e-eee ff g "
      "hhhh-h-h-hhhhhh iii jjj-jj-j-jjj-j-jj kk-k-kk-k-kkk-kk-kkk ll-l-l-l-l-l-l-l-ll",
      kHyphenPenalty, 1.5, 0.33);
  BreakParams params = params_for(22.75);
  params.max_consecutive_hyphens = 2;
  const std::optional<double> best = Reference(p.items, params).best();
  REQUIRE(best.has_value());
  const BreakResult r = break_lines(p.items, params);
  CHECK(r.pass == 1);
  CHECK(r.demerits == Approx(*best).epsilon(1e-9));
  CHECK(longest_hyphen_run(r) <= 2);
}

TEST_CASE("linebreak: no hyphen on the line before the last", "[typeset][linebreak]") {
  // "aaa bb cc-" fits 10 exactly; "aaa bb" needs ratio 4 / 0.5 = 8.
  const Para p = make_para("aaa bb cc-dddd");
  BreakParams params = params_for(10);
  params.tolerance = 10;
  // Precondition: breaking at the hyphen (exact fit) would be far cheaper per line.
  REQUIRE(line_demerits(0, Item::pen(1, kHyphenPenalty, true), params) <
          line_demerits(8, Item::glue(1, 1, 1), params));
  const BreakResult r = break_lines(p.items, params);
  CHECK(r.pass == 1);
  CHECK(lines_of(p, r) == std::vector<std::string>{"aaa bb", "ccdddd"});
  REQUIRE(r.breaks.size() >= 2);
  CHECK_FALSE(r.breaks[r.breaks.size() - 2].hyphenated);
}

TEST_CASE("linebreak: emergency passes", "[typeset][linebreak]") {
  SECTION("loose lines need the emergency tolerance") {
    const Para p = make_para("aaa aaa aaa aaa");
    const BreakResult r = break_lines(p.items, params_for(10));
    CHECK(r.pass == 2);
    CHECK(r.overfull == 0);
    CHECK(lines_of(p, r) == std::vector<std::string>{"aaa aaa", "aaa aaa"});
    CHECK(r.breaks[0].ratio == Approx(6));
  }
  SECTION("long words in a narrow measure") {
    const Para p = make_para("aaaaaaa bbbbbbb ccccccc ddddddd");
    const BreakResult r = break_lines(p.items, params_for(10));
    check_structure(p.items, r);
    CHECK(r.pass == 3);
    CHECK(r.overfull == 0);
    CHECK(lines_of(p, r) == std::vector<std::string>{"aaaaaaa", "bbbbbbb", "ccccccc", "ddddddd"});
    for (const Break& b : r.breaks) CHECK(b.ratio >= -1.0);
    for (const double w : natural_widths(p.items, r)) CHECK(w <= 10.0);
  }
  SECTION("overfull lines are worse than breaking the hyphen rules") {
    // Only hyphen breaks exist and each line holds exactly one fragment: the final pass must
    // exceed max_consecutive_hyphens (and hyphenate before the last line) rather than overflow.
    const Para p = make_para("aaaa-aaaa-aaaa-aaaa-aaaa");
    const BreakResult r = break_lines(p.items, params_for(5));
    check_structure(p.items, r);
    CHECK(r.pass == 3);
    CHECK(r.overfull == 0);
    CHECK(lines_of(p, r) == std::vector<std::string>{"aaaa-", "aaaa-", "aaaa-", "aaaa-", "aaaa"});
    for (const double w : natural_widths(p.items, r)) CHECK(w <= 5.0);
  }
  SECTION("a box wider than the line") {
    Para p;
    p.add(Item::box(50), "X");
    p.add_line_end();
    const BreakResult r = break_lines(p.items, params_for(10));
    check_structure(p.items, r);
    CHECK(r.pass == 3);
    CHECK(r.overfull == 1);
    CHECK(r.breaks.size() == 1);
  }
  SECTION("a wide box among words is the only overfull line") {
    Para p = make_para("aaaa bbbb");
    p.items.resize(p.items.size() - 3);
    p.labels.resize(p.labels.size() - 3);
    p.add(Item::glue(1, kSpaceStretch, kSpaceShrink), " ");
    p.add(Item::box(50), "X");
    p.add(Item::glue(1, kSpaceStretch, kSpaceShrink), " ");
    p.add(Item::box(4), "cccc");
    p.add_line_end();
    const BreakResult r = break_lines(p.items, params_for(10));
    check_structure(p.items, r);
    CHECK(r.overfull == 1);
    const std::vector<double> w = natural_widths(p.items, r);
    CHECK(std::count_if(w.begin(), w.end(), [](double x) { return x > 10; }) == 1);
  }
}

TEST_CASE("linebreak: ragged right", "[typeset][linebreak]") {
  std::mt19937 rng(7);
  const Para p = make_para(random_text(rng, 60));
  BreakParams params = params_for(30);
  params.ragged = true;
  const BreakResult r = break_lines(p.items, params);
  check_structure(p.items, r);
  CHECK(r.pass == 1);
  CHECK(r.breaks.size() >= 5);
  for (const Break& b : r.breaks) CHECK(b.ratio == 0);
  for (const double w : natural_widths(p.items, r)) CHECK(w <= 30.0);

  SECTION("inter-word shrink is not used") {
    const Para q = make_para("aaaa bbbb cccc");  // 14 wide, could shrink to 13.34 if justified
    const BreakResult justified = break_lines(q.items, params_for(13.5));
    CHECK(justified.breaks.size() == 1);
    BreakParams rp = params_for(13.5);
    rp.ragged = true;
    const BreakResult rag = break_lines(q.items, rp);
    CHECK(rag.breaks.size() == 2);
    for (const double w : natural_widths(q.items, rag)) CHECK(w <= 13.5);
  }
}

TEST_CASE("linebreak: forced breaks are honoured", "[typeset][linebreak]") {
  const Para p = make_para("aaa bbb\nccc ddd eee fff ggg hhh");
  std::size_t forced = 0;
  for (std::size_t i = 0; i + 1 < p.items.size(); ++i) {
    if (p.items[i].kind == Item::Kind::penalty && p.items[i].penalty <= -kInfPenalty) forced = i;
  }
  REQUIRE(forced > 0);
  const BreakResult r = break_lines(p.items, params_for(20));
  check_structure(p.items, r);
  CHECK(breaks_at(r, forced));
  CHECK(lines_of(p, r).front() == "aaa bbb");
  CHECK(r.pass == 1);
}

TEST_CASE("linebreak: degenerate input", "[typeset][linebreak]") {
  SECTION("empty paragraph gives one line") {
    Para p;
    p.add_line_end();
    const BreakResult r = break_lines(p.items, params_for(10));
    REQUIRE(r.breaks.size() == 1);
    CHECK(r.breaks[0].item == 2);
    CHECK(r.pass == 1);
    CHECK(r.overfull == 0);
  }
  SECTION("no items at all gives no lines") {
    CHECK(break_lines({}, params_for(10)).breaks.empty());
  }
  SECTION("all glue") {
    const std::vector<Item> items(20, Item::glue(3, 1, 1));
    const BreakResult r = break_lines(items, params_for(10));
    check_structure(items, r);
    CHECK(r.breaks.size() == 1);  // no breakpoint but the last item
    CHECK(r.overfull == 1);       // 19 glues of 3 - 1 cannot shrink to 10
  }
  SECTION("zero, negative and missing widths") {
    const Para p = make_para("aaa bbb ccc");
    for (const double w : {0.0, -5.0}) {
      const BreakResult r = break_lines(p.items, params_for(w));
      check_structure(p.items, r);
      CHECK(r.pass == 3);
      CHECK(r.overfull == 3);  // one word per line, each too wide
    }
    BreakParams none;  // no widths at all: every line is 0 wide
    const BreakResult r = break_lines(p.items, none);
    check_structure(p.items, r);
    CHECK(r.overfull == 3);
  }
  SECTION("non-finite values") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    const std::vector<Item> items = {Item::box(nan), Item::glue(inf, nan, -inf),
                                     Item::box(inf), Item::pen(nan, nan, true),
                                     Item::box(1),   Item::pen(0, -kInfPenalty, false)};
    BreakParams params = params_for(nan);
    params.tolerance = nan;
    const BreakResult r = break_lines(items, params);
    check_structure(items, r);
  }
}

TEST_CASE("linebreak: random garbage never breaks the breaker", "[typeset][linebreak]") {
  std::mt19937 rng(12345);
  std::uniform_int_distribution<int> len(1, 40);
  std::uniform_int_distribution<int> kind(0, 2);
  std::uniform_real_distribution<double> value(-5, 30);
  std::uniform_int_distribution<int> pick(0, 7);
  const double pens[] = {-kInfPenalty, -50, 0, 50, kInfPenalty, 1e9, -1e9, 100};
  for (int iter = 0; iter < 3000; ++iter) {
    std::vector<Item> items(static_cast<std::size_t>(len(rng)));
    for (Item& it : items) {
      switch (kind(rng)) {
        case 0:
          it = Item::box(pick(rng) == 0 ? 1e6 : value(rng));
          break;
        case 1:
          it = Item::glue(value(rng), pick(rng) == 0 ? kFill : value(rng), value(rng));
          break;
        default:
          it = Item::pen(value(rng), pens[pick(rng)], pick(rng) < 4);
          break;
      }
    }
    BreakParams params;
    params.line_widths.clear();
    for (int k = pick(rng) % 3; k >= 0; --k) params.line_widths.push_back(value(rng) * 3);
    params.ragged = pick(rng) < 2;
    params.max_consecutive_hyphens = pick(rng) % 4;
    params.tolerance = value(rng) / 5;
    params.emergency_tolerance = value(rng);
    INFO("iteration " << iter);
    BreakResult r;
    REQUIRE_NOTHROW(r = break_lines(items, params));
    check_structure(items, r);
    if (params.ragged) {
      for (const Break& b : r.breaks) REQUIRE(b.ratio == 0);
    }
  }
}

TEST_CASE("linebreak: a long paragraph breaks quickly", "[typeset][linebreak]") {
  std::mt19937 rng(99);
  const Para p = make_para(random_text(rng, 2000));
  const BreakParams params = params_for(60);
  const auto t0 = std::chrono::steady_clock::now();
  const BreakResult r = break_lines(p.items, params);
  const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0);
  check_structure(p.items, r);
  CHECK(r.pass == 1);
  CHECK(r.overfull == 0);
  CHECK(r.breaks.size() > 150);
  CHECK(longest_hyphen_run(r) <= 2);
  CHECK(ms.count() < 1000.0);  // generous: catches super-linear blow-ups, not machine speed
}
