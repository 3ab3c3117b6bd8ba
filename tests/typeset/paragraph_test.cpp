// Setting paragraphs with real fonts: coverage errors, kerning, justification and the no-hyphen rules.
#include <catch2/catch.hpp>

#include "base/text.hpp"
#include "support/spans.hpp"
#include "typeset/paragraph.hpp"
#include "typeset/shape.hpp"
#include "typeset/uniname.hpp"

using namespace briefing;

namespace {

struct Fixture : test::SerifSpans {
  typeset::FontId dejavu = -1;
  Fixture() : SerifSpans({"a.xml", 7, 5}) {
    std::string err;
    dejavu = book.load(test::source_dir() + "/fonts/DejaVuSans.ttf", err);
  }
};

const char* kText =
    "The 92nd Session of the INTERPOL General Assembly, to be held in Glasgow from 4 to 7 November 2024, will "
    "bring together representatives from 195 Member States to discuss crucial global policing issues and make "
    "decisions. This annual event is INTERPOL’s highest decision-making body and provides a forum for key "
    "decisions on policy, international cooperation initiatives and the allocation of resources to combat "
    "cross-border crime.";

}  // namespace

TEST_CASE("a character no font covers is an error naming it, its name and its position", "[typeset][coverage]") {
  Fixture f;
  base::DiagSink d;
  CHECK_FALSE(typeset::check_coverage(f.book, {f.span("ab中c")}, d));
  REQUIRE(d.items().size() == 1);
  CHECK(base::format(d.items()[0]) ==
        "a.xml:7:7: error: no font of this style has a glyph for U+4E2D '中' (CJK UNIFIED IDEOGRAPH-4E2D)");
  auto s = f.span("\u2603 ok");
  base::DiagSink d2;
  CHECK_FALSE(typeset::check_coverage(f.book, {s}, d2));
  REQUIRE(d2.items().size() == 1);
  CHECK(base::format(d2.items()[0]) == "a.xml:7:5: error: no font of this style has a glyph for U+2603 '☃' (SNOWMAN)");
  s.fonts.push_back(f.dejavu);  // a fallback covers the snowman
  base::DiagSink d3;
  CHECK(typeset::check_coverage(f.book, {s}, d3));
  CHECK(d3.items().empty());
}

TEST_CASE("each span's characters are checked against its own font chain", "[typeset][coverage]") {
  Fixture f;
  auto covered = f.span("ab");
  auto bare = f.span("ab ");
  bare.fonts.clear();  // a chain without fonts covers nothing, not even what the span before had
  base::DiagSink d;
  CHECK_FALSE(typeset::check_coverage(f.book, {covered, bare, covered}, d));
  REQUIRE(d.items().size() == 2);  // the bare span's letters; its space needs no glyph
  CHECK(d.items()[0].message.find("U+0061") != std::string::npos);
  CHECK(d.items()[1].message.find("U+0062") != std::string::npos);
}

TEST_CASE("a character without a name in the table is reported by code point alone", "[typeset][coverage]") {
  Fixture f;
  base::DiagSink d;
  CHECK_FALSE(typeset::check_coverage(f.book, {f.span("x\u0F40y")}, d));  // TIBETAN LETTER KA: not in the table
  REQUIRE(d.items().size() == 1);
  CHECK(base::format(d.items()[0]) == "a.xml:7:6: error: no font of this style has a glyph for U+0F40 'ཀ'");
}

TEST_CASE("characters above U+FFFF are reported even when a font has them", "[typeset][coverage]") {
  Fixture f;
  auto s = f.span("x\U0001F600 \U0001D538");
  s.fonts.push_back(f.dejavu);  // DejaVu Sans draws both, but the PDF writer cannot show them
  base::DiagSink d;
  CHECK_FALSE(typeset::check_coverage(f.book, {s}, d));
  REQUIRE(d.items().size() == 2);
  CHECK(base::format(d.items()[0]) ==
        "a.xml:7:6: error: cannot set U+1F600 '😀' (GRINNING FACE): characters above U+FFFF cannot be shown in the PDF");
  CHECK(d.items()[1].message.rfind("cannot set U+1D538 '𝔸': characters above U+FFFF", 0) == 0);
  // set_paragraph skips them rather than letting them become spaces or missing glyphs
  base::DiagSink d2;
  const auto p = typeset::set_paragraph(f.book, {s}, {}, d2);
  for (const auto& line : p.lines)
    for (const auto& seg : line.segments)
      for (const auto& g : seg.glyphs) CHECK(g.cp <= 0xFFFF);
}

TEST_CASE("spaces, no-break spaces and soft hyphens need no glyph", "[typeset][coverage]") {
  Fixture f;
  base::DiagSink d;
  CHECK(typeset::check_coverage(f.book, {f.span("a b\u00A0c\u202Fd\u00ADe\u200Bf\tg")}, d));
  CHECK(d.items().empty());
}

TEST_CASE("unicode names come from the built-in table and the algorithmic ranges", "[typeset][coverage]") {
  CHECK(typeset::unicode_name(U'A') == "LATIN CAPITAL LETTER A");
  CHECK(typeset::unicode_name(0xE9) == "LATIN SMALL LETTER E WITH ACUTE");
  CHECK(typeset::unicode_name(0x141) == "LATIN CAPITAL LETTER L WITH STROKE");
  CHECK(typeset::unicode_name(0x2013) == "EN DASH");
  CHECK(typeset::unicode_name(0x201C) == "LEFT DOUBLE QUOTATION MARK");
  CHECK(typeset::unicode_name(0x20AC) == "EURO SIGN");
  CHECK(typeset::unicode_name(0x2192) == "RIGHTWARDS ARROW");
  CHECK(typeset::unicode_name(0xFB01) == "LATIN SMALL LIGATURE FI");
  CHECK(typeset::unicode_name(0x4E2D) == "CJK UNIFIED IDEOGRAPH-4E2D");
  CHECK(typeset::unicode_name(0x20000) == "CJK UNIFIED IDEOGRAPH-20000");
  CHECK(typeset::unicode_name(0xF900) == "CJK COMPATIBILITY IDEOGRAPH-F900");
  CHECK(typeset::unicode_name(0xD55C) == "HANGUL SYLLABLE HAN");
  CHECK(typeset::unicode_name(0xAC00) == "HANGUL SYLLABLE GA");
  CHECK(typeset::unicode_name(0x1F600) == "GRINNING FACE");
  CHECK(typeset::unicode_name(0x2122) == "TRADE MARK SIGN");
  CHECK(typeset::unicode_name(0x0F40).empty());
  CHECK(typeset::unicode_name(0x2065).empty());  // unassigned inside a table block
}

TEST_CASE("shaping kerns with the font's GPOS", "[typeset][shape]") {
  Fixture f;
  const auto av = typeset::shape(f.book.get(f.serif), U"AV", "en-GB");
  REQUIRE(av.size() == 2);
  const auto a = typeset::shape(f.book.get(f.serif), U"A", "en-GB");
  CHECK(av[0].advance < a[0].advance - 0.05);  // AV kerns by about an eighth of an em
  CHECK(av[0].cp == U'A');
  CHECK(av[1].cp == U'V');
}

TEST_CASE("justified lines fill the measure exactly and the last line is natural", "[typeset][paragraph]") {
  Fixture f;
  std::string err;
  typeset::ParaSpec spec;
  spec.widths = {226.77};  // 80 mm
  spec.hyphenator = typeset::hyphenator_for("en-GB", err);
  base::DiagSink d;
  const auto p = typeset::set_paragraph(f.book, {f.span(kText)}, spec, d);
  REQUIRE(p.lines.size() >= 5);
  CHECK(p.overfull == 0);
  for (std::size_t i = 0; i + 1 < p.lines.size(); ++i) {
    INFO(base::utf8_encode(p.lines[i].text));
    CHECK(p.lines[i].width == Approx(226.77).margin(0.01));
    CHECK(p.lines[i].ratio <= 2.0);
  }
  CHECK(p.lines.back().width < 226.77);
  CHECK_FALSE(p.lines[p.lines.size() - 2].hyphenated);
  std::string joined;
  for (const auto& l : p.lines) {
    auto t = base::utf8_encode(l.text);
    if (l.hyphenated && !t.empty() && t.back() == '-')
      t.pop_back(), joined += t;
    else
      joined += t + " ";
  }
  CHECK(test::squash(joined) == test::squash(kText));
}

TEST_CASE("no hyphenation inside a span that forbids it, and none across a no-break space", "[typeset][paragraph]") {
  Fixture f;
  std::string err;
  typeset::ParaSpec spec;
  spec.widths = {60};
  spec.hyphenator = typeset::hyphenator_for("en-GB", err);
  base::DiagSink d;
  const auto p = typeset::set_paragraph(f.book, {f.span("Organized Immigration Crime Intelligence", false)}, spec, d);
  for (const auto& l : p.lines) CHECK_FALSE(l.hyphenated);
  const auto q = typeset::set_paragraph(f.book, {f.span("at 4\u00A0to\u00A07\u00A0November 2024 in Glasgow")}, spec, d);
  REQUIRE(q.lines.size() >= 2);
  for (const auto& l : q.lines) {
    const auto t = base::utf8_encode(l.text);
    INFO(t);
    CHECK_FALSE((t.ends_with(" 4") || t.ends_with(" to") || t.ends_with(" 7")));
  }
  CHECK(std::any_of(q.lines.begin(), q.lines.end(), [](const typeset::SetLine& l) {
    return base::utf8_encode(l.text).find("4 to 7") != std::string::npos;
  }));
}

TEST_CASE("right and centre alignment shift lines by the free space", "[typeset][paragraph]") {
  Fixture f;
  base::DiagSink d;
  typeset::ParaSpec spec;
  spec.widths = {300};
  spec.align = typeset::Alignment::right;
  const auto r = typeset::set_paragraph(f.book, {f.span("Page 1 of 2")}, spec, d);
  REQUIRE(r.lines.size() == 1);
  CHECK(r.lines[0].offset + r.lines[0].width == Approx(300).margin(0.01));
  spec.align = typeset::Alignment::centre;
  const auto c = typeset::set_paragraph(f.book, {f.span("Page 1 of 2")}, spec, d);
  CHECK(c.lines[0].offset == Approx(r.lines[0].offset / 2).margin(0.01));
}

TEST_CASE("a paragraph set again from its kept walk comes out as if set afresh", "[typeset][cache]") {
  Fixture f;
  std::string err;
  typeset::ParaSpec spec;
  spec.widths = {180};
  spec.first_indent = 12;
  spec.hyphenator = typeset::hyphenator_for("en-GB", err);
  REQUIRE(spec.hyphenator);
  // Two spans (the second letter-spaced, not hyphenated), a soft hyphen, a zero-width space, a
  // no-break space, a full stop after a space and a hyphen already in a word.
  auto first = f.span(std::string(kText) + " Counter\u00ADterrorism co\u200Boperation .");
  auto second = f.span(" well-known 7\u00A0November figures", false);
  second.letter_spacing = 0.3;
  second.pos.column = 40;
  typeset::WordCache kept(true);
  for (const double size : {10.0, 8.5, 9.25, 8.5}) {
    first.size = second.size = size;
    base::DiagSink d1, d2;
    spec.words = &kept;  // the walk is made at 10 pt and taken again at the other sizes
    const auto again = typeset::set_paragraph(f.book, {first, second}, spec, d1);
    spec.words = nullptr;
    const auto fresh = typeset::set_paragraph(f.book, {first, second}, spec, d2);
    REQUIRE(again.lines.size() == fresh.lines.size());
    CHECK(again.lines.size() > 3);
    for (std::size_t i = 0; i < fresh.lines.size(); ++i) {
      const auto& a = again.lines[i];
      const auto& b = fresh.lines[i];
      CHECK(a.text == b.text);
      CHECK(a.width == b.width);  // exactly: the same arithmetic in the same order
      CHECK(a.ratio == b.ratio);
      REQUIRE(a.segments.size() == b.segments.size());
      for (std::size_t k = 0; k < a.segments.size(); ++k) {
        REQUIRE(a.segments[k].glyphs.size() == b.segments[k].glyphs.size());
        for (std::size_t g = 0; g < a.segments[k].glyphs.size(); ++g)
          CHECK(a.segments[k].glyphs[g].x == b.segments[k].glyphs[g].x);
      }
    }
  }
}
