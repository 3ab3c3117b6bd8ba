// Kill safety: a build killed with SIGKILL in the middle leaves no partial PDF under a final name,
// and the next run cleans up and completes the build.
#include <catch2/catch.hpp>

#include "cli/fixture.hpp"

using namespace briefing::test;

TEST_CASE("a build killed with SIGKILL leaves no partial PDF and the next run completes", "[cli][batch]") {
  batch::Project p(30);
  // Start a 30-document build, wait until some PDFs exist, kill it; give up waiting after 20 s.
  // TMPDIR inside the project: the PDF writer's temporary font files, which a kill can strand, go
  // away with it.
  const auto killed = run("cd '" + p.path() + "' && (TMPDIR='" + p.path() + "' '" + binary() +
                          "' build -q -j 2 --layout base >/dev/null 2>&1 & pid=$!; i=0; "
                          "while [ \"$(ls out/*.pdf 2>/dev/null | wc -l)\" -lt 5 ] && [ $i -lt 2000 ]; do "
                          "sleep 0.01; i=$((i+1)); done; kill -9 $pid; wait $pid; echo \"status $?\") 2>/dev/null");
  INFO(killed.out);
  REQUIRE(killed.out.find("status 137") != std::string::npos);  // it was still running: killed midway
  const auto partial = p.pdfs();
  CHECK(partial.size() >= 5);
  CHECK(partial.size() < 30);
  for (const auto& [name, bytes] : partial) {
    INFO(name);
    CHECK(run("qpdf --check '" + p.file("out/" + name) + "' >/dev/null 2>&1").status == 0);
  }

  p.write("out/art-1-base.pdf.tmp-Ab12Cd", "%PDF-1.4 half written");  // as a kill leaves one
  const auto again = p.briefing("build -j 2 --layout base");
  INFO(again.out);
  CHECK(again.status == 0);
  const auto complete = p.pdfs();
  CHECK(complete.size() == 30);
  CHECK(run("ls -a '" + p.file("out") + "' | grep -c 'tmp-'").out == "0\n");
  for (const auto& [name, bytes] : complete) CHECK(bytes.substr(bytes.size() - 6).find("%%EOF") != std::string::npos);
  CHECK(p.briefing("build --json --layout base").out.find("\"built\":0") != std::string::npos);
}
