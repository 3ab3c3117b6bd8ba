// Tests of the Knuth–Plass line breaker: formulas, emergencies, ragged mode and degenerate input.
#include <catch2/catch.hpp>
#include <chrono>
#include <limits>

#include "linebreak_oracle.hpp"

using namespace linebreak_oracle;

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
    CHECK(lines_of(p, r) == std::vector<std::string>{"aaaa bbbbb cccc", "dd eeeeee fffff", "gg hh"});
    CHECK(r.pass == 1);
    CHECK(r.overfull == 0);
    CHECK(r.demerits == Approx(300));
    for (const Break& b : r.breaks) CHECK(b.ratio == Approx(0).margin(1e-12));
  }
  SECTION("stretched lines report their ratio") {
    const BreakResult r = break_lines(p.items, params_for(16));
    REQUIRE(lines_of(p, r) == std::vector<std::string>{"aaaa bbbbb cccc", "dd eeeeee fffff", "gg hh"});
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

TEST_CASE("linebreak: no hyphen on the line before the last", "[typeset][linebreak]") {
  // "aaa bb cc-" fits 10 exactly; "aaa bb" needs ratio 4 / 0.5 = 8.
  const Para p = make_para("aaa bb cc-dddd");
  BreakParams params = params_for(10);
  params.tolerance = 10;
  // Precondition: breaking at the hyphen (exact fit) would be far cheaper per line.
  REQUIRE(line_demerits(0, Item::pen(1, kHyphenPenalty, true), params) < line_demerits(8, Item::glue(1, 1, 1), params));
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
        case 0: it = Item::box(pick(rng) == 0 ? 1e6 : value(rng)); break;
        case 1: it = Item::glue(value(rng), pick(rng) == 0 ? kFill : value(rng), value(rng)); break;
        default: it = Item::pen(value(rng), pens[pick(rng)], pick(rng) < 4); break;
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
