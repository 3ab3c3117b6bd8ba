// Validates every shipped layout and every example layout against schema/layout.rng with xmllint,
// checks that the schema rejects broken layouts (and agrees with the loader on what is valid), and
// that the worked example of docs/layout-format.md renders.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "article/load.hpp"
#include "layout/load.hpp"
#include "support/run.hpp"

namespace fs = std::filesystem;
using namespace briefing;

namespace {

std::string schema_path() {
  return test::source_dir() + "/schema/layout.rng";
}

layout::SearchPaths search_paths() {
  return {test::source_dir() + "/layouts", test::source_dir() + "/fonts"};
}

/// Runs xmllint on one file against the layout schema; exit status and messages.
test::Result validate_layout(const std::string& file) {
  return test::xmllint_relaxng(schema_path(), file);
}

/// The *.xml files directly in a folder of the repository, sorted.
std::vector<std::string> layouts_in(const std::string& folder) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(test::source_dir() + "/" + folder))
    if (e.is_regular_file() && e.path().extension() == ".xml") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

/// A layout that extends a4-briefing with `body` as its content.
std::string variant(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<layout extends=\"a4-briefing\">\n" + body + "\n</layout>\n";
}

const char* const kExample = "docs/examples/a4-briefing-green.xml";

}  // namespace

TEST_CASE("layout schema: xmllint can compile the schema", "[layout][schema]") {
  REQUIRE(fs::exists(schema_path()));
  const auto r = test::xmllint_relaxng(schema_path(), test::source_dir() + "/layouts/a4-briefing.xml");
  INFO(r.out);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("validates") != std::string::npos);
}

TEST_CASE("layout schema: every shipped and example layout is valid", "[layout][schema]") {
  auto files = layouts_in("layouts");
  REQUIRE(files.size() >= 5);
  const auto examples = layouts_in("docs/examples");
  REQUIRE_FALSE(examples.empty());
  files.insert(files.end(), examples.begin(), examples.end());
  for (const auto& f : files) {
    const auto r = validate_layout(f);
    INFO(f << "\n" << r.out);
    CHECK(r.status == 0);
  }
}

TEST_CASE("layout schema: broken layouts fail validation", "[layout][schema]") {
  const test::TempDir dir;
  // The same layout with nothing wrong, to show that the schema accepts the rest.
  const std::string good = dir.file("good.xml");
  test::write_text(good, variant("<page size=\"A4\" margin=\"20mm\"/>\n<callouts count=\"1\"/>"));
  const auto ok = validate_layout(good);
  INFO(ok.out);
  REQUIRE(ok.status == 0);

  struct Bad {
    const char* what;
    std::string xml;
    const char* mentions;  ///< a name xmllint's message should contain (the element or attribute)
  };
  const std::vector<Bad> cases = {
      {"misspelt element", variant("<pgae size=\"A4\"/>"), "pgae"},
      {"misspelt attribute", variant("<page size=\"A4\" margn=\"20mm\"/>"), "margn"},
      {"length without a known unit", variant("<page margin=\"20px\"/>"), "page"},
      {"unknown page size", variant("<page size=\"A6\"/>"), "page"},
      {"zero columns", variant("<main columns=\"0\"/>"), "columns"},
      {"unknown style", variant("<styles><style name=\"bodi\" size=\"9pt\"/></styles>"), "style"},
      {"malformed colour", variant("<palette><colour name=\"green\" value=\"#12345\"/></palette>"), "colour"},
      {"flag neither yes nor no", variant("<marking top=\"off\"/>"), "top"},
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const std::string file = dir.file("bad" + std::to_string(i) + ".xml");
    test::write_text(file, cases[i].xml);
    const auto r = validate_layout(file);
    INFO(cases[i].what << "\n" << r.out);
    CHECK(r.status != 0);
    CHECK(r.status != -1);
    CHECK(r.out.find(cases[i].mentions) != std::string::npos);
  }
}

TEST_CASE("layout schema: the schema and the loader agree", "[layout][schema]") {
  struct Case {
    const char* name;
    std::string xml;
    bool schema_valid;
    bool loader_valid;
  };
  const std::vector<Case> cases = {
      // Both accept.
      {"empty variant", variant(""), true, true},
      {"every unit",
       variant("<page size=\"A5\" orientation=\"landscape\" margin-top=\"0.5in\" margin-bottom=\"1cm\" "
               "margin-left=\"12mm\" margin-right=\"30\"/>\n<sidebar width=\"40mm\"/>"),
       true, true},
      {"spaces around values", variant("<callouts indent=\" 10 mm \"/>\n<main columns=\" 2 \"/>"), true, true},
      {"every colour space",
       variant("<palette><colour name=\"a\" value=\"#1B5e3b\"/><colour name=\"b\" value=\"grey(0.5)\"/>"
               "<colour name=\"c\" value=\"gray(.5)\"/><colour name=\"d\" value=\"rgb(1, 0, 0.25)\"/>"
               "<colour name=\"e\" value=\"cmyk(0,0.2,0.5,1)\"/></palette>"),
       true, true},
      {"elements in any order", variant("<fit max-pages=\"0\"/><styles/><page size=\"Letter\"/><palette/>"), true,
       true},
      {"true and false", variant("<main balance=\"true\"/><marking top=\"false\"/>"), true, true},
      {"after-paragraph with its placement",
       variant("<key-facts placement=\"after-paragraph\" after-paragraph=\"2\"/>"), true, true},
      {"numbered facts, tagged only", variant("<key-facts bullet=\"1.\" facts=\"tagged\" max=\"3\"/>"), true, true},
      {"no border, no rule", variant("<key-facts border=\"\"/><callouts rule=\"\"/>"), true, true},
      {"a whole layout without extends",
       "<layout name=\"plain\"><page size=\"A4\"/><main columns=\"2\"/><sidebar enabled=\"no\"/>"
       "<key-facts placement=\"top\"/><who-is-who placement=\"end\" columns=\"2\"/></layout>",
       true, true},
      // Both refuse.
      {"unknown element", variant("<colour name=\"x\" value=\"#000000\"/>"), false, false},
      {"unknown attribute", variant("<callouts counts=\"1\"/>"), false, false},
      {"negative length", variant("<page margin=\"-5mm\"/>"), false, false},
      {"zero text size", variant("<styles><style name=\"body\" size=\"0pt\"/></styles>"), false, false},
      {"unknown page size", variant("<page size=\"Foolscap\"/>"), false, false},
      {"lower-case size", variant("<page size=\"a4\"/>"), false, false},
      {"colour component above 1", variant("<palette><colour name=\"x\" value=\"rgb(1,1,1.5)\"/></palette>"), false,
       false},
      {"colour with three components in cmyk", variant("<palette><colour name=\"x\" value=\"cmyk(0,0,1)\"/></palette>"),
       false, false},
      {"colour without a name", variant("<palette><colour value=\"#000000\"/></palette>"), false, false},
      {"family without a regular file", variant("<fonts><family name=\"x\" bold=\"DejaVuSans.ttf\"/></fonts>"), false,
       false},
      {"style without a name", variant("<styles><style size=\"9pt\"/></styles>"), false, false},
      {"unknown running-head style", variant("<footer style=\"foter\"/>"), false, false},
      {"too many columns", variant("<main columns=\"7\"/>"), false, false},
      {"plus sign", variant("<callouts count=\"+1\"/>"), false, false},
      {"flag with a capital", variant("<main balance=\"Yes\"/>"), false, false},
      {"unknown choice", variant("<callouts select=\"random\"/>"), false, false},
      {"margin and a side", variant("<page margin=\"20mm\" margin-top=\"10mm\"/>"), false, false},
      {"after-paragraph with another placement", variant("<key-facts placement=\"top\" after-paragraph=\"2\"/>"), false,
       false},
      {"image without a size", variant("<image src=\"" + test::source_dir() + "/docs/briefing-a4.png\"/>"), false,
       false},
      {"text in a box element", variant("<marking>OFFICIAL</marking>"), false, false},
      {"text in the layout", variant("some words"), false, false},
      {"wrong root", "<briefing/>", false, false},
      // The loader refuses what the schema cannot see (listed in the schema's header comment).
      {"margins larger than the page", variant("<page size=\"A5\" margin=\"80mm\"/>"), true, false},
      {"colour not in the palette", variant("<title-band fill=\"acent\"/>"), true, false},
      {"unknown font family", variant("<styles><style name=\"body\" family=\"helvetica\"/></styles>"), true, false},
      {"missing font file", variant("<fonts><family name=\"x\" regular=\"NoSuchFont.ttf\"/></fonts>"), true, false},
      {"missing parent", "<layout extends=\"no-such-layout\"/>", true, false},
      {"columns too narrow", variant("<main columns=\"6\"/>"), true, false},
      {"bleed above 12.7 mm", variant("<page bleed=\"15mm\"/>"), true, false},
  };
  const test::TempDir dir;
  int k = 0;
  for (const Case& c : cases) {
    const std::string file = dir.file("case" + std::to_string(k++) + ".xml");
    test::write_text(file, c.xml);
    const auto r = validate_layout(file);
    base::DiagSink sink;
    const auto loaded = layout::load_from_string(c.xml, file, search_paths(), sink);
    std::string diags;
    for (const auto& d : sink.items()) diags += base::format(d) + "\n";
    INFO(c.name << "\nxmllint: " << r.out << "loader: " << diags);
    CHECK(r.status != -1);
    CHECK((r.status == 0) == c.schema_valid);
    CHECK(loaded.has_value() == c.loader_valid);
  }
}

TEST_CASE("layout schema: the worked example is a4-briefing with three overrides", "[layout][schema][example]") {
  base::DiagSink sink;
  const auto base = layout::load_file(test::source_dir() + "/layouts/a4-briefing.xml", search_paths(), sink);
  const auto green = layout::load_file(test::source_dir() + "/" + kExample, search_paths(), sink);
  std::string diags;
  for (const auto& d : sink.items()) diags += base::format(d) + "\n";
  INFO(diags);
  REQUIRE(base);
  REQUIRE(green);
  CHECK(sink.items().empty());
  // The three overrides.
  CHECK(green->colour("accent") == layout::Colour::rgb(0x1b / 255.0, 0x5e / 255.0, 0x3b / 255.0));
  CHECK(base->callouts.count == 2);
  CHECK(green->callouts.count == 1);
  CHECK(base->style("body").family == "serif");
  CHECK(green->style("body").family == "sans");
  // Everything else is inherited.
  CHECK(green->colour("tint") == base->colour("tint"));
  CHECK(green->page.width == base->page.width);
  CHECK(green->page.margin_left == base->page.margin_left);
  CHECK(green->sidebar.width == base->sidebar.width);
  CHECK(green->callouts.placement == base->callouts.placement);
  CHECK(green->style("body").size == base->style("body").size);
  CHECK(green->style("body").align == base->style("body").align);
  CHECK(green->max_pages == base->max_pages);
  CHECK(green->sources.size() == 2);
}

TEST_CASE("layout schema: the worked example renders the seed article", "[layout][schema][example][e2e]") {
  const std::string src = test::source_dir();
  base::DiagSink sink;
  const auto art = article::load_file(src + "/source/article.xml", sink);
  REQUIRE(art);
  REQUIRE_FALSE(art->meta.title.empty());

  const test::TempDir dir;
  const std::string pdf = dir.file("green.pdf");
  const auto r =
      test::run("cd " + test::shell_quote(src) + " && " + test::shell_quote(test::binary()) +
                " render source/article.xml --layout " + kExample + " -o " + test::shell_quote(pdf) + " 2>&1");
  INFO(r.out);
  REQUIRE(r.status == 0);
  REQUIRE(fs::exists(pdf));
  REQUIRE(fs::file_size(pdf) > 1000);

  const auto text = test::run("pdftotext " + test::shell_quote(pdf) + " - 2>&1");
  INFO(text.out);
  REQUIRE(text.status == 0);
  CHECK(test::squash(text.out).find(test::squash(art->meta.title)) != std::string::npos);
  const auto info = test::run("pdfinfo " + test::shell_quote(pdf) + " 2>&1");
  INFO(info.out);
  const auto at = info.out.find("Pages:");
  REQUIRE(at != std::string::npos);
  CHECK(std::stoi(info.out.substr(at + 6)) == 1);
}
