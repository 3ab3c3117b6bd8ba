// The bad-input catalogue: every case under tests/bad-input/cases runs the real executable and must
// print exactly its expected diagnostics, exit with its code, write nothing under the output name,
// and leave a good PDF already there byte for byte. UPDATE_BAD_INPUT=1 rewrites `expected` files
// from what the tool prints (review the diff before committing).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>

#include "bad-input/catalogue.hpp"

using namespace briefing::test;
using namespace briefing::test::bad_input;

namespace {

/// Checks one case: a run into an empty output name, then a run over an existing good PDF.
void check_case(const Case& c) {
  INFO("case " << c.name << ": briefing " << c.args);
  for (const bool existing : {false, true}) {
    TempDir tmp;
    const Outcome o = run_case(c, tmp.path(), existing);
    INFO((existing ? "over an existing PDF" : "with no output yet") << "\nstderr:\n" << o.err);
    CHECK(o.status == c.exit);
    CHECK(o.problems == "");
    if (c.max_rss_mb > 0 && o.rss_mb > 0) CHECK(o.rss_mb <= c.max_rss_mb);
    if (!matches(c.expected, o.err) && std::getenv("UPDATE_BAD_INPUT") && c.pending.empty()) {
      write_text(c.dir + "/expected", o.err);
      WARN("updated " << c.dir << "/expected");
      continue;
    }
    CHECK(matches(c.expected, o.err));
    if (!c.pending.empty()) break;
  }
}

}  // namespace

TEST_CASE("the catalogue holds at least forty cases, each with its expected diagnostics", "[bad-input]") {
  const auto cases = all_cases();
  CHECK(cases.size() >= 40);
  for (const auto& c : cases) {
    INFO(c.name);
    CHECK((c.exit == 0 || !c.expected.empty()));
  }
}

TEST_CASE("every bad input gets its exact diagnostics and leaves the output alone", "[bad-input]") {
  for (const auto& c : all_cases()) {
    if (!c.pending.empty() || (c.needs_non_root && ::geteuid() == 0)) continue;
    DYNAMIC_SECTION(c.name) {
      check_case(c);
    }
  }
}

// Cases whose expected behaviour the tool does not have yet; each says why in its `pending` line.
TEST_CASE("bad inputs the tool does not handle yet", "[bad-input][!mayfail]") {
  for (const auto& c : all_cases()) {
    if (c.pending.empty()) continue;
    DYNAMIC_SECTION(c.name) {
      WARN("pending: " << c.pending);
      check_case(c);
    }
  }
}

TEST_CASE("expected diagnostics may leave numbers that depend on typesetting open", "[bad-input]") {
  CHECK(line_matches("a.xml: error: {*} lines ({*} mm) overflow", "a.xml: error: 3 lines (4.2 mm) overflow"));
  CHECK(line_matches("x{*}", "xyz"));
  CHECK_FALSE(line_matches("x{*}z", "xy"));
  CHECK_FALSE(line_matches("a.xml: error: x", "a.xml: error: xy"));
  CHECK(matches("a\nb{*}\n", "a\nbc\n"));
  CHECK_FALSE(matches("a\n", "a\nb\n"));
}
