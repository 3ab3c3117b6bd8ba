// Justification with real fonts: word spaces and letter-spacing share the slack, emergencies warn
// at the paragraph's source, punctuation never starts a line, and the house rules hold on the seed.
#include <catch2/catch.hpp>

#include <cmath>

#include "base/text.hpp"
#include "support/spans.hpp"
#include "typeset/paragraph.hpp"

using namespace briefing;

namespace {

/// Liberation Serif 10 pt spans at a.xml:3:9.
struct Setter : test::SerifSpans {
  Setter() : SerifSpans({"a.xml", 3, 9}) {}
  typeset::SetParagraph set(const std::string& text, double width, base::DiagSink& d, bool hyphenate = true) const {
    std::string err;
    typeset::ParaSpec spec;
    spec.widths = {width};
    spec.hyphenator = typeset::hyphenator_for("en-GB", err);
    return typeset::set_paragraph(book, {span(text, hyphenate)}, spec, d);
  }
  /// The text set on one line at its natural width (ragged).
  typeset::SetLine natural(const std::string& text) const {
    typeset::ParaSpec spec;
    spec.widths = {1e6};
    spec.align = typeset::Alignment::left;
    base::DiagSink d;
    const auto p = typeset::set_paragraph(book, {span(text)}, spec, d);
    return p.lines.at(0);
  }
};

/// Gaps between consecutive glyphs of a line's first segment, minus the same gaps at natural width.
std::vector<double> extra_gaps(const typeset::SetLine& line, const typeset::SetLine& natural) {
  const auto& g = line.segments.at(0).glyphs;
  const auto& n = natural.segments.at(0).glyphs;
  std::vector<double> out;
  for (std::size_t i = 1; i < g.size() && i < n.size(); ++i)
    out.push_back((g[i].x - g[i - 1].x) - (n[i].x - n[i - 1].x));
  return out;
}

const char* kSeedParagraph =
    "A key focus at this year’s meeting will be the election of a new Secretary General, with Brazil’s Valdecy "
    "Urquiza nominated to succeed Jürgen Stock, who is completing his ten-year term. In addition to the appointment "
    "of Secretary General, the Assembly will also elect nine members to the Executive Committee, while panels and "
    "discussions will cover topics such as biometric advancements, the role of AI in future policing, multilateral "
    "security strategies and leadership development in law enforcement.";

}  // namespace

TEST_CASE("letter gaps follow the ratio up to 1 and word spaces take the rest", "[typeset][justify]") {
  const Setter s;
  const std::string words = "minimum minimum minimum";
  const auto nat = s.natural(words);
  const double natural_width = nat.width;
  // Letter stretch: 18 gaps x 0.02 em x 10 pt = 3.6 pt; word stretch: 2 spaces x 2.5 pt x 0.4 = 2 pt.
  for (const double slack : {2.8, 7.0, -1.0}) {
    DYNAMIC_SECTION("slack " << slack) {
      base::DiagSink d;
      const auto p = s.set(words + " xx", natural_width + slack, d, false);
      REQUIRE(p.lines.size() == 2);
      const auto& line = p.lines[0];
      CHECK(line.width == Approx(natural_width + slack).margin(1e-6));
      const double r =
          slack > 0 ? (slack <= 5.6 ? slack / 5.6 : (slack - 3.6) / 2.0) : slack / (18 * 0.1 + 2 * 2.5 / 3);
      CHECK(line.ratio == Approx(r).epsilon(1e-9));
      const double letter = 10 * (r >= 0 ? 0.02 * std::min(r, 1.0) : 0.01 * r);
      const double space = 2.5 * (r >= 0 ? 0.4 * r : r / 3);
      const auto gaps = extra_gaps(line, nat);
      for (std::size_t i = 0; i < gaps.size(); ++i) {
        INFO("gap " << i);
        const bool word_space = i == 6 || i == 13;  // after "minimum" (7 glyphs), twice
        CHECK(gaps[i] == Approx(word_space ? space : letter).margin(1e-6));
      }
    }
  }
}

TEST_CASE("the last line of a paragraph is set at natural spacing", "[typeset][justify]") {
  const Setter s;
  base::DiagSink d;
  const auto p = s.set(kSeedParagraph, 226.77, d);
  REQUIRE(p.lines.size() > 3);
  CHECK(p.lines.back().ratio == 0);
  CHECK(p.lines.back().width < 226.77);
  for (std::size_t i = 0; i + 1 < p.lines.size(); ++i) {
    CHECK(p.lines[i].width == Approx(226.77).margin(1e-6));
    CHECK(p.lines[i].ratio >= -1.0);
    CHECK(p.lines[i].ratio <= 2.0);
  }
}

TEST_CASE("a paragraph past the tolerance warns at its source position", "[typeset][justify]") {
  const Setter s;
  base::DiagSink d;
  const auto p = s.set("Organized Immigration Crime Intelligence Unit", 80, d, false);
  CHECK(p.pass > 1);
  CHECK(p.overfull == 0);
  REQUIRE(d.items().size() == 1);
  CHECK(base::format(d.items()[0]) ==
        "a.xml:3:9: warning: paragraph cannot be set within tolerance; spacing stretched");
  for (const auto& line : p.lines) CHECK(line.width <= 80 + 1e-6);  // stretched, never sticking out

  base::DiagSink d2;
  const auto q = s.set("a Supercalifragilisticexpialidocious word", 60, d2, false);
  CHECK(q.overfull == 1);
  REQUIRE(d2.items().size() == 1);
  CHECK(base::format(d2.items()[0]) == "a.xml:3:9: warning: 1 line(s) wider than the column; a word is too long");

  base::DiagSink d3;
  (void)s.set(kSeedParagraph, 226.77, d3);
  CHECK(d3.items().empty());  // a normal paragraph is quiet
}

TEST_CASE("a deep rag is no fault, but a line sticking out is, whatever the alignment", "[typeset][justify]") {
  const Setter s;
  typeset::ParaSpec spec;
  spec.widths = {80};
  spec.align = typeset::Alignment::left;
  base::DiagSink d;
  const auto p =
      typeset::set_paragraph(s.book, {s.span("Organized Immigration Crime Intelligence Unit", false)}, spec, d);
  CHECK(p.lines.size() >= 3);
  CHECK(d.items().empty());
  spec.widths = {40};
  const auto q = typeset::set_paragraph(s.book, {s.span("Supercalifragilistic", false)}, spec, d);
  CHECK(q.overfull == 1);
  REQUIRE(d.items().size() == 1);
  CHECK(base::format(d.items()[0]) == "a.xml:3:9: warning: 1 line(s) wider than the column; a word is too long");
}

TEST_CASE("punctuation set off by a space never starts a line", "[typeset][justify]") {
  const Setter s;
  for (double w = 60; w <= 200; w += 0.5) {
    base::DiagSink d;
    const auto p = s.set("responsible for the increase in small boat crossings . Then : more ; and !", w, d);
    for (const auto& line : p.lines) {
      const auto t = base::utf8_encode(line.text);
      INFO("width " << w << ": '" << t << "'");
      CHECK(std::string(".:;!").find(t.front()) == std::string::npos);
    }
  }
}

TEST_CASE("addresses, numbers and names stay whole in a narrow column", "[typeset][justify]") {
  const Setter s;
  base::DiagSink d;
  typeset::Span url =
      s.span("Write to press-office@nationalcrimeagency.gov.uk or see www.nationalcrimeagency.gov.uk/news-releases");
  typeset::Span name = s.span(" or ask Sir\u00A0Keir Starmer-Montgomery about 2023-2024", false);
  std::string err;
  typeset::ParaSpec spec;
  spec.widths = {90};
  spec.hyphenator = typeset::hyphenator_for("en-GB", err);
  const auto p = typeset::set_paragraph(s.book, {url, name}, spec, d);
  for (const auto& line : p.lines) {
    const auto t = base::utf8_encode(line.text);
    INFO(t);
    CHECK_FALSE(line.hyphenated);  // the plain words are too short to hyphenate
    CHECK_FALSE(t.ends_with("press-"));
    CHECK_FALSE(t.ends_with("news-"));
    CHECK_FALSE(t.ends_with("Starmer-"));
    CHECK_FALSE(t.ends_with("2023-"));
  }
}

TEST_CASE("the seed's body meets the house rules at 80 and 120 mm", "[typeset][justify]") {
  const Setter s;
  for (const double width : {226.77, 340.16}) {
    base::DiagSink d;
    const auto p = s.set(kSeedParagraph, width, d);
    int run = 0;
    for (std::size_t i = 0; i < p.lines.size(); ++i) {
      run = p.lines[i].hyphenated ? run + 1 : 0;
      CHECK(run <= 2);
    }
    CHECK(p.pass == 1);
    CHECK_FALSE(p.lines[p.lines.size() - 2].hyphenated);  // no hyphen on the line before the last
    CHECK_FALSE(p.lines.back().hyphenated);
  }
}
