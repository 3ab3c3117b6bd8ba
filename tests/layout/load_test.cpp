// Layout loader: the shipped layout loads; each diagnostic has its message and position.
#include <catch2/catch.hpp>

#include "layout/load.hpp"
#include "support/run.hpp"

using namespace briefing;

namespace {

layout::SearchPaths paths() { return {test::source_dir() + "/layouts", test::source_dir() + "/fonts"}; }

/// Loads XML and returns the formatted diagnostics, one per line.
std::string diagnose(const std::string& xml) {
  base::DiagSink d;
  (void)layout::load_from_string(xml, "t.xml", paths(), d);
  std::string out;
  for (const auto& x : d.items()) out += base::format(x) + "\n";
  return out;
}

}  // namespace

TEST_CASE("a4-briefing loads with its geometry and styles", "[layout]") {
  base::DiagSink d;
  const auto l = layout::load_file(test::source_dir() + "/layouts/a4-briefing.xml", paths(), d);
  REQUIRE(l);
  CHECK(d.items().empty());
  CHECK(l->name == "a4-briefing");
  CHECK(l->page.width == Approx(595.2756));
  CHECK(l->page.margin_left == Approx(15 * 72 / 25.4));
  CHECK(l->page.margin_top == Approx(14 * 72 / 25.4));
  CHECK(l->sidebar.width == Approx(49 * 72 / 25.4));
  CHECK(l->max_pages == 1);
  CHECK(l->min_body_size == Approx(8.5));
  CHECK(l->style("body").size == 10);
  CHECK(l->style("body").leading == 13);
  CHECK(l->style("body").align == layout::Align::justify);
  CHECK(l->style("callout").face == layout::italic);
  REQUIRE(l->family("serif"));
  CHECK(l->family("serif")->files[layout::bold].ends_with("fonts/LiberationSerif-Bold.ttf"));
  CHECK(l->colour("accent") == layout::Colour::rgb(0x1f / 255.0, 0x3a / 255.0, 0x5f / 255.0));
}

TEST_CASE("lengths and colours parse in every unit and space", "[layout]") {
  double v = 0;
  CHECK(layout::parse_length("25.4mm", v));
  CHECK(v == Approx(72));
  CHECK(layout::parse_length("1in", v));
  CHECK(v == Approx(72));
  CHECK(layout::parse_length(" 12pt ", v));
  CHECK(v == Approx(12));
  CHECK(layout::parse_length("2.54cm", v));
  CHECK(v == Approx(72));
  CHECK_FALSE(layout::parse_length("12px", v));
  CHECK_FALSE(layout::parse_length("", v));
  layout::Colour c;
  CHECK(layout::parse_colour("#ff8000", c));
  CHECK(c == layout::Colour::rgb(1, 128 / 255.0, 0));
  CHECK(layout::parse_colour("cmyk(0,0.5,1,0.1)", c));
  CHECK(c.space == layout::Colour::Space::cmyk);
  CHECK(layout::parse_colour("grey(0.9)", c));
  CHECK(c == layout::Colour::grey(0.9));
  CHECK_FALSE(layout::parse_colour("#ff80", c));
  CHECK_FALSE(layout::parse_colour("cmyk(0,0.5,1)", c));
  CHECK_FALSE(layout::parse_colour("grey(2)", c));
}

TEST_CASE("layout diagnostics name the file, line and column", "[layout]") {
  CHECK(diagnose("<layout>\n  <page size=\"A4\"\n</layout>") ==
        "t.xml:3:1: error: malformed xml: error parsing start element tag\n");
  CHECK(diagnose("<briefing/>") == "t.xml:1:1: error: expected root element <layout>, found <briefing>\n");
  CHECK(diagnose("<layout>\n  <pgae size=\"A4\"/>\n</layout>") ==
        "t.xml:2:3: error: unknown element <pgae> in <layout>; did you mean <page>?\n");
  CHECK(diagnose("<layout>\n  <page sise=\"A4\"/>\n</layout>") ==
        "t.xml:2:9: error: unknown attribute 'sise' on <page>; did you mean 'size'?\n");
  CHECK(diagnose("<layout><page size=\"A6\"/></layout>") ==
        "t.xml:1:15: error: unknown page size 'A6'; did you mean 'A3'?\n");
  CHECK(diagnose("<layout><page margin=\"-3mm\"/></layout>") ==
        "t.xml:1:15: error: invalid value '-3mm' for 'margin' on <page>: expected a length such as 10pt, 18mm or "
        "0.5in\n");
  CHECK(diagnose("<layout><page size=\"A4\" margin=\"150mm\"/></layout>") ==
        "t.xml:1:9: error: margins (300.0 mm left + right, 300.0 mm top + bottom) leave no room on a 210.0 x 297.0 "
        "mm page\n");
  CHECK(diagnose("<layout><main columns=\"0\"/></layout>") ==
        "t.xml:1:15: error: invalid value '0' for 'columns' on <main>: expected a whole number from 1 to 6\n");
  CHECK(diagnose("<layout><styles><style name=\"body\" size=\"0pt\"/></styles></layout>") ==
        "t.xml:1:36: error: invalid value '0pt' for 'size' on <style>: expected a positive length such as 10pt, "
        "18mm or 0.5in\n");
  CHECK(diagnose("<layout><styles><style name=\"bdoy\"/></styles></layout>") ==
        "t.xml:1:24: error: unknown style 'bdoy'; did you mean 'body'?\n");
  CHECK(diagnose("<layout><styles><style name=\"body\" colour=\"acent\"/></styles></layout>") ==
        "t.xml:1:36: error: unknown colour 'acent'; did you mean 'accent'?\n");
  CHECK(diagnose("<layout><fonts><family name=\"x\" regular=\"nope.ttf\"/></fonts></layout>") ==
        "t.xml:1:33: error: font file 'nope.ttf' does not exist (looked in . and " + test::source_dir() +
            "/fonts)\n");
  CHECK(diagnose("<layout><styles><style name=\"body\" family=\"serf\"/></styles></layout>") ==
        "t.xml:1:17: error: style 'body' uses unknown font family 'serf'; did you mean 'serif'?\n");
  CHECK(diagnose("<!DOCTYPE layout [<!ENTITY x \"y\">]><layout/>") ==
        "t.xml:1:1: error: doctype and entity declarations are not allowed\n");
}

TEST_CASE("every problem in a layout is reported, not just the first", "[layout]") {
  const auto out = diagnose("<layout>\n<pgae/>\n<main colums=\"2\"/>\n<sidebar width=\"-1mm\"/>\n</layout>");
  CHECK(std::count(out.begin(), out.end(), '\n') == 3);
  CHECK(out.find("t.xml:2:1:") != std::string::npos);
  CHECK(out.find("t.xml:3:7:") != std::string::npos);
  CHECK(out.find("t.xml:4:10:") != std::string::npos);
}
