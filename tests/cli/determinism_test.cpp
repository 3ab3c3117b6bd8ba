// Deterministic output: -j 1 and -j 4 give the same bytes, two clean builds give the same bytes, and
// SOURCE_DATE_EPOCH changes only the dates (and the /ID derived from the content, dates included).
#include <catch2/catch.hpp>

#include "cli/fixture.hpp"

using namespace briefing::test;

namespace {

/// The bytes with the information dictionary's dates and the trailer's /ID blanked.
std::string without_dates(const std::string& pdf) {
  static const std::regex dates(R"(/(CreationDate|ModDate) \(D:[0-9]{14}[^)]*\))");
  static const std::regex id(R"(/ID \[ <[0-9A-F]+> <[0-9A-F]+> \])");
  return std::regex_replace(std::regex_replace(pdf, dates, "/$1 (D:...)"), id, "/ID [...]");
}

}  // namespace

TEST_CASE("builds with -j 1 and -j 4 give byte-identical PDFs", "[cli][batch]") {
  batch::Project p(3);
  REQUIRE(p.briefing("build -q -j 1 -o serial").status == 0);
  REQUIRE(p.briefing("build -q -j 4 -o parallel").status == 0);
  const auto serial = p.pdfs("serial"), parallel = p.pdfs("parallel");
  CHECK(serial.size() == 9);
  CHECK(serial == parallel);
}

TEST_CASE("two clean builds give byte-identical PDFs", "[cli][batch]") {
  batch::Project p(2);
  REQUIRE(p.briefing("build -q -o one").status == 0);
  std::filesystem::remove_all(p.file("one/.briefing-cache"));
  REQUIRE(p.briefing("build -q --force -o two").status == 0);
  CHECK(p.pdfs("one").size() == 6);
  CHECK(p.pdfs("one") == p.pdfs("two"));
}

TEST_CASE("SOURCE_DATE_EPOCH changes only the dates", "[cli][batch]") {
  batch::Project p(1);
  REQUIRE(p.briefing("build -q --layout base", "SOURCE_DATE_EPOCH=1700000000").status == 0);
  const auto before = p.pdfs();
  const auto info = run("pdfinfo -isodates '" + p.file("out/art-1-base.pdf") + "'");
  CHECK(info.out.find("2023-11-14T22:13:20") != std::string::npos);

  const auto r = p.briefing("build --json --layout base", "SOURCE_DATE_EPOCH=1800000000");
  REQUIRE(r.status == 0);
  CHECK(batch::with_status(r.out, "built") == std::set<std::string>{"art-1-base.pdf"});  // the option is in the key
  const auto after = p.pdfs();
  const auto later = run("pdfinfo -isodates '" + p.file("out/art-1-base.pdf") + "'");
  CHECK(later.out.find("2027-01-15T08:00:00") != std::string::npos);

  REQUIRE(before.size() == 1);
  const std::string& a = before.begin()->second;
  const std::string& b = after.begin()->second;
  CHECK(a != b);
  CHECK(a.size() == b.size());
  CHECK(without_dates(a) == without_dates(b));
}
