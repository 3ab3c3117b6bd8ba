// Layout loader: the shipped layout loads; each diagnostic has its message and position.
#include <catch2/catch.hpp>

#include <filesystem>

#include "layout/load.hpp"
#include "support/run.hpp"

using namespace briefing;

namespace {

layout::SearchPaths paths(bool allow_outside_files = false) {
  return {test::source_dir() + "/layouts", test::source_dir() + "/fonts", allow_outside_files};
}

/// Loads XML and returns the formatted diagnostics, one per line.
std::string diagnose(const std::string& xml, bool allow_outside_files = false) {
  base::DiagSink d;
  (void)layout::load_from_string(xml, "t.xml", paths(allow_outside_files), d);
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
        "t.xml:1:33: error: font file 'nope.ttf' does not exist (looked in . and " + test::source_dir() + "/fonts)\n");
  CHECK(diagnose("<layout><styles><style name=\"body\" family=\"serf\"/></styles></layout>") ==
        "t.xml:1:17: error: style 'body' uses unknown font family 'serf'; did you mean 'serif'?\n");
  CHECK(diagnose("<!DOCTYPE layout [<!ENTITY x \"y\">]><layout/>") ==
        "t.xml:1:1: error: doctype and entity declarations are not allowed\n");
}

TEST_CASE("orientation turns a named size and otherwise keeps the page's shape", "[layout]") {
  base::DiagSink d;
  const auto land =
      layout::load_from_string("<layout><page size=\"A5\" orientation=\"landscape\"/></layout>", "t.xml", paths(), d);
  REQUIRE(land);
  CHECK(land->page.width == Approx(595.2756));
  const auto custom =
      layout::load_from_string("<layout><page width=\"297mm\" height=\"210mm\"/></layout>", "t.xml", paths(), d);
  REQUIRE(custom);
  CHECK(custom->page.width == Approx(297 * 72 / 25.4));
  CHECK(d.items().empty());
}

TEST_CASE("every problem in a layout is reported, not just the first", "[layout]") {
  const auto out = diagnose("<layout>\n<pgae/>\n<main colums=\"2\"/>\n<sidebar width=\"-1mm\"/>\n</layout>");
  CHECK(std::count(out.begin(), out.end(), '\n') == 3);
  CHECK(out.find("t.xml:2:1:") != std::string::npos);
  CHECK(out.find("t.xml:3:7:") != std::string::npos);
  CHECK(out.find("t.xml:4:10:") != std::string::npos);
}

TEST_CASE("every layout diagnostic has its message and position", "[layout]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"<layout>stray</layout>", "t.xml:1:9: error: text is not allowed directly in <layout>"},
      {"<layout><page><x/></page></layout>", "t.xml:1:15: error: <page> cannot contain <x>"},
      {"<layout><page>words</page></layout>", "t.xml:1:15: error: text is not allowed in <page>"},
      {"<layout><page margin=\"10mm\" margin-top=\"5mm\"/></layout>",
       "t.xml:1:29: error: 'margin-top' conflicts with 'margin'"},
      {"<layout><page bleed=\"20mm\"/></layout>",
       "t.xml:1:15: error: bleed of more than 12.7 mm (36 pt) is not supported"},
      {"<layout><palette><colour value=\"#fff\"/></palette></layout>",
       "t.xml:1:18: error: <colour> is missing required attribute 'name'"},
      {"<layout><palette><colour name=\"a\" value=\"#ggg000\"/></palette></layout>",
       "t.xml:1:35: error: invalid colour '#ggg000': expected #rrggbb, grey(g), rgb(r,g,b) or cmyk(c,m,y,k) with "
       "components 0..1"},
      {"<layout><palette><colur/></palette></layout>",
       "t.xml:1:18: error: unknown element <colur> in <palette>; did you mean <colour>?"},
      {"<layout><fonts><family regular=\"LiberationSerif-Regular.ttf\"/></fonts></layout>",
       "t.xml:1:16: error: <family> is missing required attribute 'name'"},
      {"<layout><fonts><family name=\"x\"/></fonts></layout>",
       "t.xml:1:16: error: <family> is missing required attribute 'regular'"},
      {"<layout><styles><style size=\"9pt\"/></styles></layout>",
       "t.xml:1:17: error: <style> is missing required attribute 'name'"},
      {"<layout><styles><style name=\"body\" size=\"900pt\"/></styles></layout>",
       "t.xml:1:36: error: a text size above 500 pt is not supported"},
      {"<layout><header style=\"banner\"/></layout>", "t.xml:1:17: error: unknown style 'banner'"},
      {"<layout><image width=\"10mm\"/></layout>", "t.xml:1:9: error: <image> is missing required attribute 'src'"},
      {"<layout><image src=\"crest.png\" width=\"10mm\"/></layout>",
       "t.xml:1:16: error: image file 'crest.png' does not exist"},
      {"<layout><key-facts after-paragraph=\"2\"/></layout>",
       "t.xml:1:20: error: 'after-paragraph' needs placement=\"after-paragraph\""},
      {"<layout><main enabled=\"no\"/><key-facts placement=\"after-paragraph\"/></layout>",
       "t.xml:1:29: error: the key-facts box is placed after a paragraph, but the main flow is disabled"},
      {"<layout><sidebar width=\"150mm\"/></layout>",
       "t.xml:1:9: error: the main flow's columns would be 16.0 mm wide; at least 25.4 mm is needed (content width "
       "174.0 mm, sidebar and gap 158.0 mm)"},
      {"<layout><callouts select=\"best\"/></layout>",
       "t.xml:1:19: error: invalid value 'best' for 'select' on <callouts>: expected marked, first or longest"},
      {"<layout><main columns=\"2\" gutter=\"big\"/></layout>",
       "t.xml:1:27: error: invalid value 'big' for 'gutter' on <main>: expected a length such as 10pt, 18mm or 0.5in"},
      {"<layout><who-is-who order=\"age\"/></layout>",
       "t.xml:1:21: error: invalid value 'age' for 'order' on <who-is-who>: expected mention, surname or declared"},
      {"<layout><fit max-pages=\"-1\"/></layout>",
       "t.xml:1:14: error: invalid value '-1' for 'max-pages' on <fit>: expected a whole number from 0 to 10000"},
      {"<layout>\xff</layout>", "t.xml:1:9: error: invalid utf-8"},
      {"<layout><page size=\"A4\" width=\"100mm\"/></layout>", "t.xml:1:25: error: 'width' conflicts with 'size'"},
      {"<layout><page margin=\"5mm\" margin=\"6mm\"/></layout>",
       "t.xml:1:15: error: attribute 'margin' is given twice on <page>"},
      {"<layout><footer right=\"Page {page} of {pgs}\"/></layout>",
       "t.xml:1:9: error: unknown field '{pgs}' in template 'Page {page} of {pgs}'; did you mean '{page}'?"},
      {"<layout><callouts attribution=\"— {speaker}\"/></layout>",
       "t.xml:1:9: error: unknown field '{speaker}' in template '— {speaker}'; fields are {name}, {role}, "
       "{affiliation}"},
      {"<layout><header style=\"foter\"/></layout>",
       "t.xml:1:17: error: unknown style 'foter'; did you mean 'footer'?"},
      {"<layout><title-band fill=\"\"/></layout>",
       "t.xml:1:21: error: invalid value '' for 'fill' on <title-band>: expected a colour name from the palette"},
  };
  for (const auto& [xml, want] : cases) {
    INFO(xml);
    CHECK(diagnose(xml) == want + "\n");
  }
}

TEST_CASE("images are probed when the layout loads", "[layout][image]") {
  test::TempDir dir;
  test::write_text(dir.file("bad.png"), "\x89PNG\r\n\x1a\nnot really");
  // A PNG header announcing 20000 x 20000 pixels.
  std::string huge = "\x89PNG\r\n\x1a\n";
  huge += std::string("\0\0\0\x0dIHDR\0\0\x4e\x20\0\0\x4e\x20\x08\x06\0\0\0", 21) + std::string(8, '\0');
  test::write_text(dir.file("huge.png"), huge);
  const std::string crest = test::source_dir() + "/layouts/images/crest.png";
  CHECK(diagnose("<layout><image src=\"" + dir.file("bad.png") + "\" width=\"1in\"/></layout>") ==
        "t.xml:1:16: error: image file '" + dir.file("bad.png") + "' is outside the layout's folder and " +
            paths().fonts_dir + "; pass --allow-outside-files to use it\n");
  CHECK(diagnose("<layout><image src=\"" + dir.file("bad.png") + "\" width=\"1in\"/></layout>", true) ==
        "t.xml:1:16: error: image '" + dir.file("bad.png") +
            "' cannot be used: not a PNG or JPEG image (or a damaged one)\n");
  CHECK(diagnose("<layout><image src=\"" + dir.file("huge.png") + "\" width=\"1in\"/></layout>", true) ==
        "t.xml:1:16: error: image '" + dir.file("huge.png") +
            "' cannot be used: the image is 20000 x 20000 pixels; at most 10000 on a side is accepted\n");
  base::DiagSink d;
  const auto l = layout::load_from_string(
      "<layout><image src=\"" + crest + "\" height=\"20mm\" pages=\"all\"/></layout>", "t.xml", paths(true), d);
  REQUIRE(l);
  REQUIRE(l->images.size() == 1);
  CHECK(l->images[0].width == Approx(20 * 72 / 25.4));  // square crest: width follows the height
  CHECK(l->images[0].every_page);
}

TEST_CASE("font files are confined after symbolic links are resolved", "[layout]") {
  test::TempDir dir;
  const std::string fonts = test::source_dir() + "/fonts";
  std::filesystem::create_directories(dir.file("layouts"));
  std::filesystem::create_directories(dir.file("elsewhere"));
  std::filesystem::copy_file(fonts + "/DejaVuSans.ttf", dir.file("elsewhere/Outside.ttf"));
  // A link to a folder of fonts inside the fonts folder, a link to a file outside everything.
  std::filesystem::create_directory_symlink(fonts, dir.file("layouts/linked"));
  std::filesystem::create_symlink(dir.file("elsewhere/Outside.ttf"), dir.file("layouts/Escape.ttf"));
  const layout::SearchPaths p{dir.file("layouts"), fonts, false};
  const auto load = [&](const std::string& file) {
    test::write_text(dir.file("layouts/t.xml"),
                     "<layout><fonts><family name=\"f\" regular=\"" + file + "\"/></fonts></layout>");
    base::DiagSink d;
    (void)layout::load_file(dir.file("layouts/t.xml"), p, d);
    std::string out;
    for (const auto& x : d.items()) out += base::format(x) + "\n";
    return out;
  };
  CHECK(load("linked/DejaVuSans.ttf").empty());
  CHECK(load("Escape.ttf").find("font file 'Escape.ttf' is outside the layout's folder") != std::string::npos);
  CHECK(load("../elsewhere/Outside.ttf").find("is outside the layout's folder") != std::string::npos);
  CHECK(load("linked/../../elsewhere/Outside.ttf").find("is outside the layout's folder") != std::string::npos);
}
