// watch: after the first build, an edit to an article (saved by rename, as editors do) re-renders
// its output; a broken file prints its diagnostic and watching goes on; SIGTERM ends it cleanly.
#include <catch2/catch.hpp>

#include "cli/fixture.hpp"

using namespace briefing::test;

namespace {

/// A shell snippet that waits (at most 20 s) until `file` contains `text` at least `count` times.
std::string wait_for(const std::string& file, const std::string& text, int count) {
  return fmt::format(
      "i=0; while [ \"$(cat {1} 2>/dev/null | grep -c '{0}')\" -lt {2} ] && [ $i -lt 2000 ]; do sleep 0.01; "
      "i=$((i+1)); done; ",
      text, file, count);
}

}  // namespace

TEST_CASE("watch re-renders after a file change", "[cli][batch]") {
  batch::Project p(1);
  const std::string art = "source/art-1.xml";
  p.write("edited.xml", batch::replace_once(batch::article_text(1), "Prime Minister", "Premier Minister"));
  // Save by rename, break the file, then fix it: three rebuilds, then --exit-after ends the watch.
  const std::string script = "cd '" + p.path() + "' && (timeout 60 '" + binary() +
                             "' watch --layout base --exit-after 3 >log 2>&1; "
                             "echo \"exit $?\" >>log) & cd '" +
                             p.path() + "' && " + wait_for("log", "watching", 1) +
                             "cp edited.xml .tmp-save.xml && mv .tmp-save.xml " + art + "; " +
                             wait_for("log", "watching", 2) + "printf '<article' > " + art + "; " +
                             wait_for("log", "watching", 3) + "cp edited.xml " + art + "; wait; cat log";
  const auto r = run(script);
  INFO(r.out);
  CHECK(r.out.find("exit 0") != std::string::npos);
  CHECK(run("grep -c 'changed: source/art-1.xml' '" + p.file("log") + "'").out == "3\n");  // each save seen
  CHECK(r.out.find("changed: source/art-1.xml") != std::string::npos);
  CHECK(r.out.find("built out/art-1-base.pdf") != std::string::npos);
  CHECK(r.out.find("source/art-1.xml:1:") != std::string::npos);  // the broken save's diagnostic
  CHECK(r.out.find("ms after the change") != std::string::npos);
  const auto text = run("pdftotext '" + p.file("out/art-1-base.pdf") + "' - 2>/dev/null");
  CHECK(text.out.find("Premier Minister") != std::string::npos);

  // The signal goes to briefing itself (not to a `timeout` wrapper, which would re-raise it); a
  // watchdog kills it if it never stops.
  const auto term =
      run("cd '" + p.path() + "' && ('" + binary() + "' watch --layout base >log2 2>&1 & pid=$!; " +
          "(sleep 60; kill -9 $pid) >/dev/null 2>&1 & dog=$!; " + wait_for("log2", "watching", 1) +
          "kill -TERM $pid; wait $pid; echo \"exit $?\"; kill $dog 2>/dev/null)");
  CHECK(term.out == "exit 0\n");
}
