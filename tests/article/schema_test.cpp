// Validates every article under source/ against schema/article.rng with xmllint, checks that the
// schema rejects broken articles, and that the schema and the loader agree on what is valid.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "article/load.hpp"
#include "support/run.hpp"

#ifndef BRIEFING_SOURCE_DIR
#error "BRIEFING_SOURCE_DIR must name the repository root"
#endif

namespace fs = std::filesystem;

namespace {

const fs::path kRoot = BRIEFING_SOURCE_DIR;
const fs::path kSchema = kRoot / "schema" / "article.rng";

/// Runs xmllint on one file; the result holds its exit status and messages.
briefing::test::Result validate(const std::string& file) {
  return briefing::test::xmllint_relaxng(kSchema.string(), file);
}

/// Writes `text` into `dir` and returns the file's path.
std::string write_case(const briefing::test::TempDir& dir, const std::string& name, const std::string& text) {
  const std::string path = dir.file(name);
  briefing::test::write_text(path, text);
  return path;
}

/// A small valid article with `body` inside its only section and `meta_extra` inside <meta>.
std::string small_article(const std::string& body, const std::string& meta_extra = "") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<article id=\"t\" xml:lang=\"en-GB\">\n"
         "  <meta><title>T</title><date from=\"2024-11-04\" to=\"2024-11-07\"/>" +
         meta_extra +
         "</meta>\n"
         "  <people><person id=\"starmer\" role=\"Prime Minister\">Sir Keir Starmer</person></people>\n"
         "  <organisations><org id=\"nca\" short=\"NCA\">National Crime Agency</org></organisations>\n"
         "  <body><section>\n" +
         body + "\n  </section></body>\n</article>\n";
}

}  // namespace

TEST_CASE("xmllint is available", "[article][schema]") {
  const auto r = briefing::test::run("xmllint --version 2>&1");
  INFO(r.out);
  REQUIRE(r.status == 0);
}

TEST_CASE("every article under source/ is valid against the schema", "[article][schema]") {
  REQUIRE(fs::exists(kSchema));
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(kRoot / "source"))
    if (entry.is_regular_file() && entry.path().extension() == ".xml") files.push_back(entry.path());
  REQUIRE_FALSE(files.empty());
  for (const fs::path& f : files) {
    const auto r = validate(f.string());
    INFO(f.string() << "\n" << r.out);
    CHECK(r.status == 0);
  }
}

TEST_CASE("the schema rejects a broken article", "[article][schema]") {
  const briefing::test::TempDir dir;
  // The same article but for one tag, to show that the schema accepts the rest.
  const auto ok =
      validate(write_case(dir, "good.xml", small_article("<p>Text with a <fact short=\"F\">fact</fact>.</p>")));
  INFO(ok.out);
  REQUIRE(ok.status == 0);

  const auto r = validate(write_case(dir, "bad.xml", small_article("<p>Text with a <parra>fact</parra>.</p>")));
  INFO(r.out);
  CHECK(r.status != 0);
  CHECK(r.status != -1);
  CHECK(r.out.find("parra") != std::string::npos);
}

TEST_CASE("the schema and the loader agree", "[article][schema]") {
  struct Case {
    const char* name;
    std::string xml;
    bool valid;
  };
  const std::vector<Case> cases = {
      {"plain", small_article("<p>Text.</p>"), true},
      {"all inline elements",
       small_article(
           "<p><em>a</em> <strong>b</strong> <person ref=\"starmer\">c</person> <org ref=\"nca\">d</org> "
           "<place>e</place> <date when=\"2024-11\">f</date> <url href=\"https://gov.uk\">g</url> "
           "<email>h@example.org</email> “<quote id=\"q1\" speaker=\"starmer\" callout=\"yes\">i <fact>j</fact>"
           "</quote>” “<quote continues=\"q1\">k</quote>” <fact short=\"s\">l “<quote speaker=\"starmer\">m"
           "</quote>”</fact></p>"),
       true},
      {"heading then paragraphs", small_article("<heading>H</heading><p>a</p><p>b</p>"), true},
      {"optional meta in any order",
       small_article("<p>x</p>",
                     "<keywords>a, b</keywords><marking>OFFICIAL-SENSITIVE</marking><byline>B</byline>"
                     "<source>S</source><place>P</place><standfirst>S</standfirst>"),
       true},
      {"quote inside a quote",
       small_article("<p><quote speaker=\"starmer\">a <quote speaker=\"starmer\">b</quote></quote></p>"), false},
      {"fact inside a fact", small_article("<p><fact>a <fact>b</fact></fact></p>"), false},
      {"quote without a speaker", small_article("<p><quote>a</quote></p>"), false},
      {"callout neither yes nor no", small_article("<p><quote speaker=\"starmer\" callout=\"maybe\">a</quote></p>"),
       false},
      {"unknown marking", small_article("<p>x</p>", "<marking>OFICIAL</marking>"), false},
      {"two titles", small_article("<p>x</p>", "<title>U</title>"), false},
      {"invalid date", small_article("<p>On <date when=\"2024-13-01\">then</date>.</p>"), false},
      {"when with from", small_article("<p>On <date when=\"2024\" from=\"2024\" to=\"2024\">then</date>.</p>"), false},
      {"text in a section", small_article("Loose text<p>x</p>"), false},
      {"heading after a paragraph", small_article("<p>x</p><heading>H</heading>"), false},
      {"section without paragraphs", small_article("<heading>H</heading>"), false},
      {"unknown attribute", small_article("<p><quote speeker=\"starmer\">a</quote></p>"), false},
      {"id starting with a digit", small_article("<p><person ref=\"1x\">a</person></p>"), false},
      {"empty title",
       "<article id=\"t\"><meta><title> </title><date when=\"2024\"/></meta>"
       "<body><section><p>x</p></section></body></article>",
       false},
      {"no body", "<article id=\"t\"><meta><title>T</title><date when=\"2024\"/></meta></article>", false},
      {"wrong root", "<briefing/>", false},
  };
  const briefing::test::TempDir dir;
  int k = 0;
  for (const Case& c : cases) {
    const std::string file = write_case(dir, "case" + std::to_string(k++) + ".xml", c.xml);
    const auto r = validate(file);
    briefing::base::DiagSink sink;
    const auto loaded = briefing::article::load_from_string(c.xml, file, sink);
    std::string diags;
    for (const auto& d : sink.items()) diags += briefing::base::format(d) + "\n";
    INFO(c.name << "\nxmllint: " << r.out << "loader: " << diags);
    CHECK((r.status == 0) == c.valid);
    CHECK(loaded.has_value() == c.valid);
  }
}
