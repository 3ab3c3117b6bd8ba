// The depfile: GNU make (and ninja, when installed) read it, see the outputs up to date after a
// build, and out of date after an input changes, with spaces, '#', '$' and ':' in file names.
#include <catch2/catch.hpp>

#include "cli/fixture.hpp"

using namespace briefing::test;

namespace {

/// Articles in a folder and files whose names need escaping in Make syntax.
void add_awkward_articles(const batch::Project& p) {
  std::filesystem::create_directories(p.file("my articles"));
  p.write("my articles/first #1 $x.xml", batch::article_text(1));
  p.write("my articles/second:2.xml", batch::article_text(2));
  std::filesystem::remove_all(p.file("source"));
  run("cd '" + p.path() + "' && find . -type f -exec touch -d '-1 hour' {} +");
}

const char* makefile =
    "# The recipe from docs/batch.md: a pattern rule runs briefing; the depfile adds prerequisites.\n"
    "BRIEFING ?= briefing\n"
    "all: out/art-1-base.pdf out/art-2-base.pdf\n"
    "out/%.pdf:\n"
    "\t$(BRIEFING) build 'my articles' --layout base -o out --depfile out/briefing.d -q\n"
    "-include out/briefing.d\n";

}  // namespace

TEST_CASE("the depfile parses with make and tracks every input", "[cli][batch]") {
  batch::Project p(0);
  add_awkward_articles(p);
  p.write("Makefile", makefile);
  const std::string make = "cd '" + p.path() + "' && make BRIEFING='" + binary() + "' ";

  REQUIRE(run(make + "2>&1").status == 0);  // first run: builds through briefing
  const std::string dep = batch::slurp(p.file("out/briefing.d"));
  INFO(dep);
  CHECK(dep.find("my\\ articles/first\\ \\#1\\ $$x.xml") != std::string::npos);
  CHECK(dep.find("my\\ articles/second\\:2.xml") != std::string::npos);
  CHECK(dep.find("fonts/DejaVuSans.ttf") != std::string::npos);
  CHECK(dep.find("layouts/base.xml") != std::string::npos);

  CHECK(run(make + "-q").status == 0);  // make parsed it: every target up to date
  run("sleep 0.05; printf ' ' >> '" + p.file("my articles/second:2.xml") + "'");
  CHECK(run(make + "-q").status == 1);  // ...and saw the article with ':' in its name change
  const auto dry = run(make + "-n 2>&1");
  CHECK(dry.status == 0);
  CHECK(dry.out.find("build 'my articles'") != std::string::npos);
  REQUIRE(run(make + "2>&1").status == 0);
  CHECK(run(make + "-q").status == 0);

  run("sleep 0.05; printf 'x' >> '" + p.file("fonts/DejaVuSans.ttf") + "'");
  CHECK(run(make + "-q").status == 1);  // fonts are prerequisites too

  if (run("command -v ninja >/dev/null").status != 0) return;
  p.write("build.ninja", "rule briefing\n  command = " + binary() +
                             " build 'my articles' --layout base -o out --depfile out/ninja.d -q\n"
                             "  depfile = out/ninja.d\n  deps = gcc\n"
                             "build out/art-1-base.pdf out/art-2-base.pdf: briefing\n");
  const std::string ninja = "cd '" + p.path() + "' && ninja ";
  REQUIRE(run(ninja + ">/dev/null 2>&1").status == 0);
  CHECK(run(ninja + "-n 2>&1").out.find("no work to do") != std::string::npos);
  run("sleep 0.05; printf ' ' >> '" + p.file("my articles/first #1 $x.xml") + "'");
  CHECK(run(ninja + "-n 2>&1").out.find("[1/1]") != std::string::npos);
}
