// The line breaker against an exhaustive search over all break sequences, with and without
// letter-spaced boxes, and the hyphen rules that make the search state larger.
#include <catch2/catch.hpp>

#include "linebreak_oracle.hpp"

using namespace linebreak_oracle;

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
    if (params.max_consecutive_hyphens > 0 && unconstrained && *unconstrained < *expected - 1e-6) ++rule_binds;
  }
  CHECK(feasible >= 1500);  // the check must not be vacuous
  CHECK(hyphenated >= 800);
  CHECK(rule_binds >= 40);
}

TEST_CASE("linebreak: total fit with letter-spaced boxes matches exhaustive search", "[typeset][linebreak]") {
  // Binary fractions only, so that ratios landing exactly on a fitness boundary or on the
  // tolerance are computed identically by both sides.
  std::mt19937 rng(20241104);
  std::uniform_int_distribution<int> words(8, 13);
  std::uniform_int_distribution<int> width(12, 30);
  std::uniform_int_distribution<int> quarters(0, 3);
  const double letters[] = {0.0625, 0.125, 0.25};
  int feasible = 0;
  int saturated = 0;  // lines whose letter-spacing reached its limit (ratio > 1)
  for (int n = 0; n < 1500; ++n) {
    const std::string text = random_text(rng, words(rng), n % 5 < 2 ? 14 : 9);
    const Para p = make_para(text, n % 2 == 0 ? 0 : kHyphenPenalty, 0.5, 0.25, letters[n % 3]);
    BreakParams params = params_for(width(rng) + 0.25 * quarters(rng));
    params.max_consecutive_hyphens = (n / 3) % 3;
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
    CHECK(r.demerits == Approx(*expected).epsilon(1e-6));
    const std::optional<double> got = Reference(p.items, params).evaluate(r);
    REQUIRE(got.has_value());
    CHECK(*got == Approx(*expected).epsilon(1e-6));
    for (const Break& b : r.breaks) saturated += b.ratio > 1 ? 1 : 0;
  }
  CHECK(feasible >= 700);
  CHECK(saturated >= 100);  // the piecewise part of the ratio is exercised
}

TEST_CASE("linebreak: letter-spacing stops at ratio 1 and the glue takes the rest", "[typeset][linebreak]") {
  // Line 1 is "aaaa bbbb": 9 wide, letters stretch 8 x 0.125 = 1, the space 1.
  const Para p = make_para("aaaa bbbb cccc", kHyphenPenalty, 1.0, 0.25, 0.125);
  SECTION("below ratio 1 both share the slack") {
    const BreakResult r = break_lines(p.items, params_for(10.5));
    REQUIRE(lines_of(p, r) == std::vector<std::string>{"aaaa bbbb", "cccc"});
    CHECK(r.breaks[0].ratio == 0.75);  // 1.5 over 2
  }
  SECTION("above ratio 1 only the glue grows") {
    const BreakResult r = break_lines(p.items, params_for(11.5));
    REQUIRE(lines_of(p, r) == std::vector<std::string>{"aaaa bbbb", "cccc"});
    CHECK(r.breaks[0].ratio == 1.5);  // 2.5 = 1 for the letters + 1.5 x 1 for the space
  }
}

TEST_CASE("linebreak: variable line widths", "[typeset][linebreak]") {
  const Para p = make_para("aaaa bbbbb cccc ddd eeeeee fffff ggggg hhhhhhhh iiiii jjjjj kkkkkkkk ll");
  BreakParams params;
  params.line_widths = {15, 10, 20};
  const BreakResult r = break_lines(p.items, params);
  CHECK(lines_of(p, r) == std::vector<std::string>{"aaaa bbbbb cccc", "ddd eeeeee", "fffff ggggg hhhhhhhh",
                                                   "iiiii jjjjj kkkkkkkk", "ll"});
  const std::optional<double> best = Reference(p.items, params).best();
  REQUIRE(best.has_value());
  CHECK(r.demerits == Approx(*best));
  const std::vector<double> w = natural_widths(p.items, r);
  for (std::size_t k = 0; k + 1 < w.size(); ++k) CHECK(w[k] == Approx(width_of(params, k)));
}

TEST_CASE("linebreak: max_consecutive_hyphens is a hard limit", "[typeset][linebreak]") {
  // Found by a seeded search: with free hyphenation three lines in a row end at a hyphen.
  const Para p = make_para("aa-aa bb-b-b-b-bb ccc dd-d-d-d-d-dd eee ff-ff g hhhhh i jjj-j-jjj-jj", 0);
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
