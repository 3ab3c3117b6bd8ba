#include "typeset/paragraph.hpp"

#include <fmt/format.h>

#include "base/text.hpp"
#include "typeset/shape.hpp"

namespace briefing::typeset {

namespace {

constexpr double kHyphenPenalty = 50;
constexpr double kExplicitHyphenPenalty = 50;

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\n'; }
bool is_nbsp(char32_t c) { return c == 0xA0 || c == 0x202F; }

/// The first font of a chain that covers `c`, or -1.
FontId pick(const FontBook& fonts, const std::vector<FontId>& chain, char32_t c) {
  for (FontId f : chain)
    if (fonts.get(f).has(c)) return f;
  return -1;
}

/// A character of the paragraph with the span it came from.
struct Ch {
  char32_t c;
  int span;
};

/// What an item draws: glyphs for boxes and hyphens, nothing for glue.
struct Piece {
  FontId font = -1;
  double size = 0;
  int tag = 0;
  std::vector<PlacedGlyph> glyphs;  ///< x relative to the piece's start
  std::u32string text;
  double width = 0;  ///< advance of the whole piece
};

/// Builds the item list and the pieces that go with it.
class ItemBuilder {
 public:
  ItemBuilder(const FontBook& fonts, const std::vector<Span>& spans, const ParaSpec& spec)
      : fonts_(fonts), spans_(spans), spec_(spec) {}

  void build();
  std::vector<Item> items;
  std::vector<Piece> pieces;

 private:
  void word(const std::vector<Ch>& w);
  void space(const Ch& ch, bool breakable);
  std::vector<std::pair<unsigned, bool>> break_points(const std::vector<Ch>& w) const;
  Piece hyphen(FontId font, double size, int tag) const;
  void push(Item it, Piece p = {}) {
    items.push_back(it);
    pieces.push_back(std::move(p));
  }

  const FontBook& fonts_;
  const std::vector<Span>& spans_;
  const ParaSpec& spec_;
};

void ItemBuilder::build() {
  std::vector<Ch> chars;
  for (std::size_t s = 0; s < spans_.size(); ++s)
    for (char32_t c : spans_[s].text) chars.push_back({c, static_cast<int>(s)});
  if (spec_.first_indent > 0) push(Item::box(spec_.first_indent));
  std::vector<Ch> w;
  for (std::size_t i = 0; i < chars.size(); ++i) {
    const Ch& ch = chars[i];
    if (!is_space(ch.c) && !is_nbsp(ch.c)) {
      w.push_back(ch);
      continue;
    }
    if (!w.empty()) word(w), w.clear();
    const bool at_end = i + 1 == chars.size();
    if (!items.empty() && !at_end) space(ch, is_space(ch.c));
  }
  if (!w.empty()) word(w);
  // Drop trailing glue, then finish as TeX's \parfillskip does.
  while (!items.empty() && items.back().kind == Item::Kind::glue) items.pop_back(), pieces.pop_back();
  push(Item::pen(0, kInfPenalty, false));
  push(Item::glue(0, kFill, 0));
  push(Item::pen(0, -kInfPenalty, false));
}

void ItemBuilder::space(const Ch& ch, bool breakable) {
  const Span& s = spans_[static_cast<std::size_t>(ch.span)];
  const FontId f = pick(fonts_, s.fonts, U' ');
  double w = 0.25 * s.size;
  if (f >= 0) {
    const auto g = shape(fonts_.get(f), U" ", spec_.lang);
    if (!g.empty()) w = g[0].advance * s.size;
  }
  w += s.letter_spacing;
  if (!breakable) push(Item::pen(0, kInfPenalty, false));
  push(Item::glue(w, w / 2, w / 3));
}

std::vector<std::pair<unsigned, bool>> ItemBuilder::break_points(const std::vector<Ch>& w) const {
  std::vector<std::pair<unsigned, bool>> out;
  auto hyphenatable = [&](std::size_t i) { return spans_[static_cast<std::size_t>(w[i].span)].hyphenate; };
  for (std::size_t i = 0; i < w.size();) {
    if (!is_word_letter(w[i].c) || !hyphenatable(i)) {
      if ((w[i].c == U'-' || w[i].c == 0x2010) && hyphenatable(i) && i >= 2 && i + 3 <= w.size())
        out.push_back({static_cast<unsigned>(i + 1), true});
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < w.size() && is_word_letter(w[j].c) && hyphenatable(j)) ++j;
    if (spec_.hyphenator) {
      std::u32string letters;
      for (std::size_t k = i; k < j; ++k) letters.push_back(w[k].c);
      for (unsigned p : spec_.hyphenator->points(letters)) out.push_back({static_cast<unsigned>(i + p), false});
    }
    i = j;
  }
  return out;
}

Piece ItemBuilder::hyphen(FontId font, double size, int tag) const {
  Piece p{font, size, tag, {}, U"-", 0};
  double x = 0;
  for (const auto& g : shape(fonts_.get(font), U"-", spec_.lang)) {
    p.glyphs.push_back({g.cp, x});
    x += g.advance * size;
  }
  p.width = x;
  return p;
}

void ItemBuilder::word(const std::vector<Ch>& w) {
  // Shape sub-runs of one span and one font; remember each glyph's index in the word.
  struct G {
    PlacedGlyph g;
    double adv;
    unsigned index;
    FontId font;
    int span;
  };
  std::vector<G> glyphs;
  for (std::size_t i = 0; i < w.size();) {
    const Span& s = spans_[static_cast<std::size_t>(w[i].span)];
    const FontId f = pick(fonts_, s.fonts, w[i].c);
    std::size_t j = i + 1;
    while (j < w.size() && w[j].span == w[i].span && pick(fonts_, s.fonts, w[j].c) == f) ++j;
    if (f >= 0) {
      std::u32string text;
      for (std::size_t k = i; k < j; ++k) text.push_back(w[k].c);
      for (const auto& g : shape(fonts_.get(f), text, spec_.lang))
        glyphs.push_back({{g.cp, 0}, g.advance * s.size + s.letter_spacing, static_cast<unsigned>(i + g.cluster), f,
                          w[i].span});
    }
    i = j;
  }
  // Valid cut positions: a glyph that starts exactly at the break index after glyphs before it.
  std::vector<std::pair<std::size_t, bool>> cuts;  // glyph index, explicit
  for (const auto& [at, expl] : break_points(w)) {
    for (std::size_t k = 1; k < glyphs.size(); ++k)
      if (glyphs[k].index == at && glyphs[k - 1].index < at) cuts.push_back({k, expl});
  }
  std::size_t next_cut = 0;
  for (std::size_t k = 0; k < glyphs.size();) {
    const std::size_t end_piece = next_cut < cuts.size() ? cuts[next_cut].first : glyphs.size();
    // One box per font/span change inside the piece.
    while (k < end_piece) {
      const G& first = glyphs[k];
      const Span& s = spans_[static_cast<std::size_t>(first.span)];
      Piece p{first.font, s.size, s.tag, {}, {}, 0};
      double x = 0;
      for (; k < end_piece && glyphs[k].font == first.font && glyphs[k].span == first.span; ++k) {
        p.glyphs.push_back({glyphs[k].g.cp, x});
        p.text.push_back(glyphs[k].g.cp);
        x += glyphs[k].adv;
      }
      push(Item::box(x), std::move(p));
    }
    if (next_cut < cuts.size()) {
      const G& before = glyphs[k - 1];
      const Span& s = spans_[static_cast<std::size_t>(before.span)];
      if (cuts[next_cut].second) {
        push(Item::pen(0, kExplicitHyphenPenalty, true));
      } else {
        Piece h = hyphen(before.font, s.size, s.tag);
        const double hw = h.glyphs.empty() ? 0 : h.width;
        push(Item::pen(hw, kHyphenPenalty, true), std::move(h));
      }
      ++next_cut;
    }
  }
}

/// Appends a piece's glyphs to a line at x.
void place(SetLine& line, const Piece& p, double x, bool space_before) {
  if (p.glyphs.empty()) return;
  if (line.segments.empty() || line.segments.back().font != p.font || line.segments.back().size != p.size ||
      line.segments.back().tag != p.tag) {
    line.segments.push_back({p.font, p.size, p.tag, {}, {}});
  } else if (space_before) {
    line.segments.back().text += U' ';
  }
  for (const auto& g : p.glyphs) line.segments.back().glyphs.push_back({g.cp, x + g.x});
  line.segments.back().text += p.text;
  line.max_size = std::max(line.max_size, p.size);
}

SetLine assemble(const std::vector<Item>& items, const std::vector<Piece>& pieces, std::size_t from, const Break& b,
                 bool natural) {
  SetLine line;
  line.ratio = natural ? 0 : b.ratio;
  line.hyphenated = b.hyphenated;
  double x = 0;
  bool gap = false;
  for (std::size_t i = from; i < b.item; ++i) {
    const Item& it = items[i];
    if (it.kind == Item::Kind::box) {
      place(line, pieces[i], x, gap);
      gap = gap && pieces[i].glyphs.empty();
      line.text += pieces[i].text;
      x += it.width;
    } else if (it.kind == Item::Kind::glue) {
      const double r = line.ratio;
      const double st = it.stretch >= kFill ? 0 : it.stretch;
      x += it.width + (r >= 0 ? r * st : r * it.shrink);
      if (it.width > 0 || st > 0) line.text += U' ', gap = true;
    }
  }
  const Item& at = items[b.item];
  if (at.kind == Item::Kind::penalty && at.width > 0) {
    place(line, pieces[b.item], x, false);
    line.text += pieces[b.item].text;
    x += at.width;
  }
  while (!line.text.empty() && line.text.back() == U' ') line.text.pop_back();
  line.width = x;
  return line;
}

/// The first item of the line after a break: skip glue and penalties up to a box or forced break.
std::size_t line_start(const std::vector<Item>& items, std::size_t after_break) {
  std::size_t i = after_break;
  while (i < items.size() && items[i].kind != Item::Kind::box &&
         !(items[i].kind == Item::Kind::penalty && items[i].penalty <= -kInfPenalty))
    ++i;
  return i;
}

}  // namespace

bool check_coverage(const FontBook& fonts, const std::vector<Span>& spans, base::DiagSink& diags) {
  bool ok = true;
  for (const auto& s : spans) {
    int col = s.pos.column;
    for (char32_t c : s.text) {
      if (!is_space(c) && pick(fonts, s.fonts, c) < 0) {
        base::SourcePos p = s.pos;
        p.column = col;
        diags.error(p, fmt::format("no font of this style has a glyph for {} '{}'", base::codepoint_label(c),
                                   base::utf8_encode(std::u32string(1, c))));
        ok = false;
      }
      ++col;
    }
  }
  return ok;
}

SetParagraph set_paragraph(const FontBook& fonts, const std::vector<Span>& spans, const ParaSpec& spec,
                           base::DiagSink& diags) {
  ItemBuilder b(fonts, spans, spec);
  b.build();
  BreakParams params = spec.breaking;
  params.line_widths = spec.widths.empty() ? std::vector<double>{400} : spec.widths;
  params.ragged = spec.align != Alignment::justify;
  const BreakResult r = break_lines(b.items, params);
  SetParagraph out;
  out.pass = r.pass;
  out.overfull = r.overfull;
  if ((r.pass > 1 || r.overfull > 0) && !spans.empty())
    diags.warning(spans.front().pos, r.overfull > 0
                                         ? fmt::format("{} line(s) wider than the column; a word is too long", r.overfull)
                                         : std::string("paragraph cannot be set within tolerance; spacing stretched"));
  std::size_t from = line_start(b.items, 0);
  for (std::size_t i = 0; i < r.breaks.size(); ++i) {
    const Break& br = r.breaks[i];
    SetLine line = assemble(b.items, b.pieces, from, br, params.ragged);
    const double w = params.line_widths[std::min(i, params.line_widths.size() - 1)];
    double off = 0;
    if (spec.align == Alignment::right) off = w - line.width;
    if (spec.align == Alignment::centre) off = (w - line.width) / 2;
    if (off != 0) {
      for (auto& seg : line.segments)
        for (auto& g : seg.glyphs) g.x += off;
      line.offset = off;
    }
    out.lines.push_back(std::move(line));
    from = line_start(b.items, br.item + 1);
  }
  return out;
}

double natural_width(const FontBook& fonts, const Span& span, const std::string& lang) {
  ParaSpec spec;
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
