// Links: an explicit scheme must be http, https or mailto (a PDF viewer would follow the others).
#include <catch2/catch.hpp>

#include "article/load.hpp"

using namespace briefing;

namespace {

/// The loader's messages for an article whose paragraph links to `href`.
std::string link_errors(const std::string& href) {
  const std::string xml =
      "<article id=\"a\"><meta><title>T</title><date when=\"2024-01-01\"/></meta><body><section>"
      "<p>See <url href=\"" +
      href + "\">this</url>.</p></section></body></article>";
  base::DiagSink d;
  (void)article::load_from_string(xml, "a.xml", d);
  std::string out;
  for (const auto& x : d.items()) out += x.message;
  return out;
}

}  // namespace

TEST_CASE("links to the web and to mailboxes are accepted", "[article]") {
  for (const char* href : {"https://www.gov.uk", "http://x.example/a:b", "mailto:press@x.example", "HTTPS://X.EXAMPLE",
                           "www.gov.uk", "www.gov.uk/a?b=c:d", "localhost:8080/x", "/relative/path"})
    CHECK(link_errors(href).empty());
}

TEST_CASE("links with any other scheme are refused", "[article]") {
  for (const char* href : {"javascript:alert(1)", "JavaScript:alert(1)", "java script:alert(1)", "file:///etc/passwd",
                           "data:text/html,x", "vbscript:x"})
    CHECK(link_errors(href) ==
          "link '" + std::string(href) + "' on <url> has a scheme other than http, https or mailto");
}

TEST_CASE("an article over the size limit is refused before it is parsed", "[article]") {
  base::DiagSink d;
  CHECK_FALSE(article::load_from_string(std::string(article::kMaxBytes + 1, ' '), "big.xml", d));
  REQUIRE(d.items().size() == 1);
  CHECK(base::format(d.items()[0]) == "big.xml: error: the file is 4.0 MB; at most 4 MB is accepted");
}
