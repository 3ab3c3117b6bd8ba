// Layout inheritance: a variant is a few lines over its parent; cycles and missing parents are errors.
#include <catch2/catch.hpp>

#include "layout/load.hpp"
#include "support/run.hpp"

using namespace briefing;

namespace {
layout::SearchPaths paths(const std::string& layouts) { return {layouts, test::source_dir() + "/fonts"}; }

std::string messages(const base::DiagSink& d) {
  std::string out;
  for (const auto& x : d.items()) out += base::format(x) + "\n";
  return out;
}
}  // namespace

TEST_CASE("letter-briefing inherits everything it does not override from a4-briefing", "[layout][extends]") {
  base::DiagSink d;
  const std::string dir = test::source_dir() + "/layouts";
  const auto l = layout::load_file(dir + "/letter-briefing.xml", paths(dir), d);
  REQUIRE(l);
  CHECK(messages(d).empty());
  CHECK(l->name == "letter-briefing");
  CHECK(l->page.width == Approx(612));
  CHECK(l->page.height == Approx(792));
  CHECK(l->page.margin_left == Approx(0.6 * 72));
  CHECK(l->style("body").family == "serif");
  CHECK(l->style("callout").face == layout::italic);
  CHECK(l->facts.placement == layout::Placement::sidebar);
  CHECK(l->max_pages == 1);
  REQUIRE(l->sources.size() == 2);
  CHECK(l->sources[0].ends_with("letter-briefing.xml"));
  CHECK(l->sources[1].ends_with("a4-briefing.xml"));
}

TEST_CASE("a style override changes only the attributes it names", "[layout][extends]") {
  test::TempDir dir;
  test::write_text(dir.file("base.xml"),
                   "<layout><styles><style name=\"body\" family=\"sans\" size=\"11pt\" leading=\"15pt\" "
                   "align=\"left\"/></styles></layout>");
  test::write_text(dir.file("child.xml"),
                   "<layout extends=\"base\">\n  <styles><style name=\"body\" size=\"9pt\"/></styles>\n</layout>");
  base::DiagSink d;
  const auto l = layout::load_file(dir.file("child.xml"), paths(dir.path()), d);
  REQUIRE(l);
  CHECK(l->style("body").family == "sans");
  CHECK(l->style("body").align == layout::Align::left);
  CHECK(l->style("body").size == Approx(9));
  CHECK(l->style("body").leading == Approx(15 * 9 / 11.0));  // leading scales when only the size is given
  CHECK(l->name == "child");
}

TEST_CASE("a cycle of extends and a missing parent are reported where they are named", "[layout][extends]") {
  test::TempDir dir;
  test::write_text(dir.file("a.xml"), "<layout extends=\"b\"/>");
  test::write_text(dir.file("b.xml"), "<layout\n  extends=\"a.xml\"/>");
  base::DiagSink d;
  CHECK_FALSE(layout::load_file(dir.file("a.xml"), paths(dir.path()), d));
  CHECK(messages(d) == dir.file("b.xml") + ":2:3: error: layouts extend each other in a cycle: " + dir.file("a.xml") +
                           " -> " + dir.file("b.xml") + " -> " + dir.file("a.xml") + "\n");
  test::write_text(dir.file("c.xml"), "<layout extends=\"nowhere\"/>");
  base::DiagSink d2;
  CHECK_FALSE(layout::load_file(dir.file("c.xml"), paths(dir.path()), d2));
  CHECK(messages(d2) == dir.file("c.xml") + ":1:9: error: cannot find the layout 'nowhere' that this layout extends "
                                            "(looked for " +
                            dir.file("nowhere.xml") + ")\n");
}

TEST_CASE("boxes placed in a disabled sidebar are errors", "[layout]") {
  base::DiagSink d;
  (void)layout::load_from_string("<layout>\n<sidebar enabled=\"no\"/>\n</layout>", "t.xml",
                                 paths(test::source_dir() + "/layouts"), d);
  CHECK(messages(d) ==
        "t.xml:1:1: error: the key-facts box is placed in the sidebar, but the sidebar is disabled; choose another "
        "placement or enable <sidebar>\n"
        "t.xml:1:1: error: the who-is-who list is placed in the sidebar, but the sidebar is disabled; choose another "
        "placement or enable <sidebar>\n");
}

TEST_CASE("lint warns about small text, low contrast, narrow margins and unused styles", "[layout][lint]") {
  base::DiagSink d;
  const auto l = layout::load_from_string(
      "<layout>\n<page margin=\"3mm\"/>\n<palette><colour name=\"pale\" value=\"#dddddd\"/></palette>\n"
      "<styles><style name=\"body\" size=\"7pt\" colour=\"pale\"/>\n<style name=\"callout\" size=\"12pt\"/></styles>\n"
      "<callouts count=\"0\"/>\n</layout>",
      "t.xml", paths(test::source_dir() + "/layouts"), d);
  REQUIRE(l);
  base::DiagSink w;
  layout::lint(*l, w);
  const auto out = messages(w);
  CHECK(out.find("t.xml:4:9: warning: body text of 7.0 pt is under 8 pt and hard to read") != std::string::npos);
  CHECK(out.find("t.xml:2:1: warning: a margin of 3.0 mm is under 5 mm") != std::string::npos);
  CHECK(out.find("t.xml:4:9: warning: style 'body' has a contrast of 1.36:1 with its background; WCAG asks for at "
                 "least 4.5:1") != std::string::npos);
  CHECK(out.find("t.xml:5:1: warning: style 'callout' is defined but never used by this layout") != std::string::npos);
  base::DiagSink clean;
  const auto good = layout::load_file(test::source_dir() + "/layouts/a4-large-print.xml",
                                      paths(test::source_dir() + "/layouts"), clean);
  REQUIRE(good);
  layout::lint(*good, clean);
  INFO(messages(clean));
  CHECK(messages(clean).empty());
}
