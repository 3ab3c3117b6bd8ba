#include "typeset/paragraph.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "typeset/items.hpp"
#include "typeset/uniname.hpp"

namespace briefing::typeset {

namespace {

/// The diagnostic for a character that cannot be set with a chain of fonts.
std::string uncovered_message(char32_t c) {
  if (c > 0xFFFF)
    return fmt::format("cannot set {}: characters above U+FFFF cannot be shown in the PDF", describe_char(c));
  return fmt::format("no font of this style has a glyph for {}", describe_char(c));
}

/// Shifts a line's glyphs for right or centred alignment.
void align_line(SetLine& line, Alignment align, double width) {
  double off = 0;
  if (align == Alignment::right) off = width - line.width;
  if (align == Alignment::centre) off = (width - line.width) / 2;
  if (off == 0) return;
  for (auto& seg : line.segments)
    for (auto& g : seg.glyphs) g.x += off;
  line.offset = off;
}

/// Warns, at the paragraph's source position, when a line sticks out or a justified paragraph
/// had to stretch its spaces past the tolerance (ragged lines never stretch: a deeper rag is no
/// fault).
void warn_emergency(const BreakResult& r, bool justified, const std::vector<Span>& spans, base::DiagSink& diags) {
  if ((r.overfull == 0 && (r.pass == 1 || !justified)) || spans.empty()) return;
  diags.warning(spans.front().pos, r.overfull > 0
                                       ? fmt::format("{} line(s) wider than the column; a word is too long", r.overfull)
                                       : std::string("paragraph cannot be set within tolerance; spacing stretched"));
}

}  // namespace

BreakParams default_break_params() {
  BreakParams p;
  // Pass 2 accepts word spaces up to twice their width (ratio 2.5 at 40 % stretch) before the
  // final pass, which accepts anything rather than let a line stick out.
  p.emergency_tolerance = 2.5;
  return p;
}

bool check_coverage(const FontBook& fonts, const std::vector<Span>& spans, base::DiagSink& diags) {
  bool ok = true;
  // ASCII answers for the font chain in hand (0: not asked yet, 1: covered, 2: not), kept while
  // the spans share a chain: most characters are then one table lookup.
  std::array<unsigned char, 128> ascii{};
  const std::vector<FontId>* chain = nullptr;
  const auto covered = [&](char32_t c) {
    const auto ask = [&] { return is_invisible(c) || pick_font(fonts, *chain, c) >= 0; };
    if (c >= ascii.size()) return ask();
    unsigned char& known = ascii[c];
    if (!known) known = ask() ? 1 : 2;
    return known == 1;
  };
  for (const auto& s : spans) {
    if (!chain || *chain != s.fonts) ascii.fill(0), chain = &s.fonts;
    int col = s.pos.column;
    for (char32_t c : s.text) {
      if (!covered(c)) {
        base::SourcePos p = s.pos;
        p.column = col;
        diags.error(p, uncovered_message(c));
        ok = false;
      }
      ++col;
    }
  }
  return ok;
}

SetParagraph set_paragraph(const FontBook& fonts, const std::vector<Span>& spans, const ParaSpec& spec,
                           base::DiagSink& diags) {
  const ItemList list = build_items(fonts, spans, spec);
  BreakParams params = spec.breaking;
  params.line_widths = spec.widths.empty() ? std::vector<double>{400} : spec.widths;
  params.ragged = spec.align != Alignment::justify;
  const BreakResult r = break_lines(list.items, params);
  SetParagraph out;
  out.pass = r.pass;
  out.overfull = r.overfull;
  warn_emergency(r, !params.ragged, spans, diags);
  std::size_t from = line_start(list.items, 0);
  for (std::size_t i = 0; i < r.breaks.size(); ++i) {
    SetLine line = assemble_line(list, from, r.breaks[i], params.ragged);
    align_line(line, spec.align, params.line_widths[std::min(i, params.line_widths.size() - 1)]);
    out.lines.push_back(std::move(line));
    from = line_start(list.items, r.breaks[i].item + 1);
  }
  return out;
}

double natural_width(const FontBook& fonts, const Span& span, const std::string& lang, WordCache* words) {
  ParaSpec spec;
  spec.words = words;
  spec.widths = {1e9};
  spec.align = Alignment::left;
  spec.lang = lang;
  base::DiagSink ignore;
  const auto p = set_paragraph(fonts, {span}, spec, ignore);
  double w = 0;
  for (const auto& l : p.lines) w = std::max(w, l.width);
  return w;
}

}  // namespace briefing::typeset
