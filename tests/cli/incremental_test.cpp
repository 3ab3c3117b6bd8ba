// Up-to-date detection: a second build renders nothing, and an edit re-renders exactly the outputs
// that depend on the edited file: an article, a layout, a parent layout, a font; a missing or
// tampered output is rebuilt; touching a file without changing it rebuilds nothing.
#include <catch2/catch.hpp>

#include "cli/fixture.hpp"

using namespace briefing::test;
using Names = std::set<std::string>;

namespace {

/// Runs an incremental build and returns the outputs it rendered.
Names rebuilt(const batch::Project& p) {
  const auto r = p.briefing("build --json -j 2");
  INFO(r.out);
  REQUIRE(r.status == 0);
  return batch::with_status(r.out, "built");
}

}  // namespace

TEST_CASE("build renders exactly the outputs whose inputs changed", "[cli][batch]") {
  batch::Project p(2);
  const Names all = {"art-1-base.pdf", "art-1-child.pdf", "art-1-plain.pdf",
                     "art-2-base.pdf", "art-2-child.pdf", "art-2-plain.pdf"};
  CHECK(rebuilt(p) == all);
  const auto first = p.pdfs();
  CHECK(first.size() == all.size());

  CHECK(rebuilt(p).empty());  // nothing changed: nothing rendered

  run("touch '" + p.file("source/art-1.xml") + "' '" + p.file("layouts/base.xml") + "'");
  CHECK(rebuilt(p).empty());  // content, not timestamps, decides

  p.write("source/art-1.xml", batch::replace_once(batch::article_text(1), "Prime Minister", "PM"));
  CHECK(rebuilt(p) == Names{"art-1-base.pdf", "art-1-child.pdf", "art-1-plain.pdf"});

  p.write("layouts/child.xml", batch::replace_once(batch::slurp(p.file("layouts/child.xml")), "#5f1f3a", "#5f1f3b"));
  CHECK(rebuilt(p) == Names{"art-1-child.pdf", "art-2-child.pdf"});

  const std::string base = batch::slurp(p.file("layouts/base.xml"));
  p.write("layouts/base.xml", batch::replace_once(base, "value=\"#e4e9ef\"", "value=\"#e4e9f0\""));
  CHECK(rebuilt(p) == Names{"art-1-base.pdf", "art-1-child.pdf", "art-2-base.pdf", "art-2-child.pdf"});

  run("printf 'x' >> '" + p.file("fonts/DejaVuSans-copy.ttf") + "'");  // only plain.xml reads this font
  CHECK(rebuilt(p) == Names{"art-1-plain.pdf", "art-2-plain.pdf"});

  std::filesystem::remove(p.file("out/art-2-base.pdf"));
  p.write("out/art-1-plain.pdf", "%PDF-1.4 tampered");
  CHECK(rebuilt(p) == Names{"art-1-plain.pdf", "art-2-base.pdf"});
  CHECK(batch::slurp(p.file("out/art-1-plain.pdf")).rfind("%PDF", 0) == 0);
  CHECK(batch::slurp(p.file("out/art-1-plain.pdf")).size() > 1000);

  const auto forced = p.briefing("build --json --force --layout base");
  CHECK(batch::with_status(forced.out, "built") == Names{"art-1-base.pdf", "art-2-base.pdf"});
  CHECK(rebuilt(p).empty());
}
