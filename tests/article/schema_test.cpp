// Validates every article under source/ against schema/article.rng with xmllint, checks that the
// schema rejects broken articles, and that the schema and the loader agree on what is valid.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "article/load.hpp"

#ifndef BRIEFING_SOURCE_DIR
#error "BRIEFING_SOURCE_DIR must name the repository root"
#endif

namespace fs = std::filesystem;

namespace {

const fs::path kRoot = BRIEFING_SOURCE_DIR;
const fs::path kSchema = kRoot / "schema" / "article.rng";

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

struct RunResult {
  int status = -1;  ///< exit status, or -1 when the command could not run or was killed
  std::string output;
};

RunResult run(const std::string& command) {
  RunResult r;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return r;
  char buf[4096];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.output.append(buf, n);
  const int raw = ::pclose(pipe);
  if (raw != -1 && WIFEXITED(raw)) r.status = WEXITSTATUS(raw);
  return r;
}

RunResult validate(const fs::path& file) {
  return run("xmllint --noout --relaxng " + shell_quote(kSchema.string()) + " " + shell_quote(file.string()));
}

/// A file in a fresh temporary folder, removed with the folder.
class TempDir {
 public:
  TempDir() : path_(fs::temp_directory_path() / ("briefing-schema-test-" + std::to_string(::getpid()))) {
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  fs::path write(const std::string& name, const std::string& text) const {
    const fs::path p = path_ / name;
    std::ofstream out(p, std::ios::binary);
    out << text;
    return p;
  }

 private:
  fs::path path_;
};

/// A small valid article with `body` inside its only section and `meta_extra` inside <meta>.
std::string article(const std::string& body, const std::string& meta_extra = "") {
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
  const RunResult r = run("xmllint --version");
  INFO(r.output);
  REQUIRE(r.status == 0);
}

TEST_CASE("every article under source/ is valid against the schema", "[article][schema]") {
  REQUIRE(fs::exists(kSchema));
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(kRoot / "source"))
    if (entry.is_regular_file() && entry.path().extension() == ".xml") files.push_back(entry.path());
  REQUIRE_FALSE(files.empty());
  for (const fs::path& f : files) {
    const RunResult r = validate(f);
    INFO(f.string() << "\n" << r.output);
    CHECK(r.status == 0);
  }
}

TEST_CASE("the schema rejects a broken article", "[article][schema]") {
  TempDir dir;
  // The same article with one change, to show the schema accepts the rest.
  const fs::path good = dir.write("good.xml", article("<p>Text with a <fact short=\"F\">fact</fact>.</p>"));
  const RunResult ok = validate(good);
  INFO(ok.output);
  REQUIRE(ok.status == 0);

  const fs::path bad = dir.write("bad.xml", article("<p>Text with a <parra>fact</parra>.</p>"));
  const RunResult r = validate(bad);
  INFO(r.output);
  CHECK(r.status != 0);
  CHECK(r.status != -1);
  CHECK(r.output.find("parra") != std::string::npos);
}

TEST_CASE("the schema and the loader agree", "[article][schema]") {
  struct Case {
    const char* name;
    std::string xml;
    bool valid;
  };
  const std::vector<Case> cases = {
      {"plain", article("<p>Text.</p>"), true},
      {"all inline elements",
       article("<p><em>a</em> <strong>b</strong> <person ref=\"starmer\">c</person> <org ref=\"nca\">d</org> "
               "<place>e</place> <date when=\"2024-11\">f</date> <url href=\"https://gov.uk\">g</url> "
               "<email>h@example.org</email> “<quote id=\"q1\" speaker=\"starmer\" callout=\"yes\">i <fact>j</fact>"
               "</quote>” “<quote continues=\"q1\">k</quote>” <fact short=\"s\">l “<quote speaker=\"starmer\">m"
               "</quote>”</fact></p>"),
       true},
      {"heading then paragraphs", article("<heading>H</heading><p>a</p><p>b</p>"), true},
      {"optional meta in any order",
       article("<p>x</p>", "<keywords>a, b</keywords><marking>OFFICIAL-SENSITIVE</marking><byline>B</byline>"
                           "<source>S</source><place>P</place><standfirst>S</standfirst>"),
       true},
      {"quote inside a quote", article("<p><quote speaker=\"starmer\">a <quote speaker=\"starmer\">b</quote></quote></p>"),
       false},
      {"fact inside a fact", article("<p><fact>a <fact>b</fact></fact></p>"), false},
      {"quote without a speaker", article("<p><quote>a</quote></p>"), false},
      {"callout neither yes nor no", article("<p><quote speaker=\"starmer\" callout=\"maybe\">a</quote></p>"), false},
      {"unknown marking", article("<p>x</p>", "<marking>OFICIAL</marking>"), false},
      {"two titles", article("<p>x</p>", "<title>U</title>"), false},
      {"invalid date", article("<p>On <date when=\"2024-13-01\">then</date>.</p>"), false},
      {"when with from", article("<p>On <date when=\"2024\" from=\"2024\" to=\"2024\">then</date>.</p>"), false},
      {"text in a section", article("Loose text<p>x</p>"), false},
      {"heading after a paragraph", article("<p>x</p><heading>H</heading>"), false},
      {"section without paragraphs", article("<heading>H</heading>"), false},
      {"unknown attribute", article("<p><quote speeker=\"starmer\">a</quote></p>"), false},
      {"id starting with a digit", article("<p><person ref=\"1x\">a</person></p>"), false},
      {"empty title", "<article id=\"t\"><meta><title> </title><date when=\"2024\"/></meta>"
                      "<body><section><p>x</p></section></body></article>",
       false},
      {"no body", "<article id=\"t\"><meta><title>T</title><date when=\"2024\"/></meta></article>", false},
      {"wrong root", "<briefing/>", false},
  };
  TempDir dir;
  int k = 0;
  for (const Case& c : cases) {
    const fs::path file = dir.write("case" + std::to_string(k++) + ".xml", c.xml);
    const RunResult r = validate(file);
    briefing::base::DiagSink sink;
    const auto loaded = briefing::article::load_from_string(c.xml, file.string(), sink);
    std::string diags;
    for (const auto& d : sink.items()) diags += briefing::base::format(d) + "\n";
    INFO(c.name << "\nxmllint: " << r.output << "loader: " << diags);
    CHECK((r.status == 0) == c.valid);
    CHECK(loaded.has_value() == c.valid);
  }
}
