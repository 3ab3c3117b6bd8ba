// A failing article: its diagnostic is reported with file, line and column, the other articles
// still build, and the exit code says that something failed (1); usage errors exit with 2.
#include <catch2/catch.hpp>

#include "cli/fixture.hpp"

using namespace briefing::test;

TEST_CASE("a failing article is reported, the others build, and the exit code says so", "[cli][batch]") {
  batch::Project p(2);
  std::filesystem::remove(p.file("layouts/plain.xml"));
  p.write("source/broken.xml", "<?xml version=\"1.0\"?>\n<article id=\"broken\">\n  <meta>\n    <title>x</titel>\n");

  const auto r = p.briefing("build -j 2");
  INFO(r.out);
  CHECK(r.status == 1);
  CHECK(r.out.find("source/broken.xml:4:") != std::string::npos);
  CHECK(r.out.find(": error: ") != std::string::npos);
  CHECK(r.out.find("failed 2") != std::string::npos);  // broken.xml with both layouts
  CHECK(r.out.find("built 4") != std::string::npos);
  CHECK(p.pdfs().size() == 4);

  const auto json = p.briefing("build --json");
  INFO(json.out);
  CHECK(json.status == 1);
  CHECK(batch::with_status(json.out, "up-to-date").size() == 4);
  CHECK(json.out.find(R"("status":"failed","article":"source/broken.xml")") != std::string::npos);
  CHECK(json.out.find(R"({"file":"source/broken.xml","line":4,"column":)") != std::string::npos);
  CHECK(json.out.find(R"("severity":"error","message":")") != std::string::npos);
  CHECK(json.out.find(R"("type":"summary","total":6,"built":0,"up_to_date":4,"failed":2)") != std::string::npos);

  CHECK(p.briefing("build --layout no-such-layout").status == 2);
  CHECK(p.briefing("build source/missing.xml").status == 2);
  CHECK(p.briefing("build --jobs 0").status == 2);
}
