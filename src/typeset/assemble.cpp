// Line assembly: a broken line's items become positioned glyph segments.
#include <algorithm>

#include "typeset/items.hpp"

namespace briefing::typeset {

namespace {

/// Appends a piece's text (its glyphs' code points).
void append_text(std::u32string& text, const ItemList& list, const Piece& p) {
  for (const auto& g : list.glyphs_of(p)) text.push_back(g.cp);
}

/// Appends a piece's glyphs to a line at x, spreading `extra` over its letter-spacing gaps; a new
/// segment reserves room for `room` glyphs (what the whole line holds) at once.
void place(SetLine& line, const ItemList& list, const Piece& p, double x, double extra, bool space_before,
           std::size_t room) {
  const auto glyphs = list.glyphs_of(p);
  if (glyphs.empty()) return;
  if (line.segments.empty() || line.segments.back().font != p.font || line.segments.back().size != p.size ||
      line.segments.back().tag != p.tag) {
    line.segments.push_back({p.font, p.size, p.tag, {}, {}});
    line.segments.back().glyphs.reserve(room);
    line.segments.back().text.reserve(room);
  } else if (space_before) {
    line.segments.back().text += U' ';
  }
  const double per_gap = p.gaps > 0 ? extra / p.gaps : 0;
  for (std::size_t k = 0; k < glyphs.size(); ++k) {
    const double spread = per_gap * static_cast<double>(std::min<std::size_t>(k, static_cast<std::size_t>(p.gaps)));
    line.segments.back().glyphs.push_back({glyphs[k].cp, x + glyphs[k].x + spread});
  }
  append_text(line.segments.back().text, list, p);
  line.max_size = std::max(line.max_size, p.size);
}

/// How much an item grows (or shrinks, negative) at ratio r; fill glue never moves, and a box's
/// letter-spacing stops at its own stretch or shrink (ratio ±1), as the breaker assumes.
double adjustment(const Item& it, double r) {
  if (it.stretch >= kFill) return 0;
  if (it.kind == Item::Kind::box) r = std::clamp(r, -1.0, 1.0);
  return r >= 0 ? r * it.stretch : r * it.shrink;
}

}  // namespace

SetLine assemble_line(const ItemList& list, std::size_t from, const Break& b, bool natural) {
  SetLine line;
  line.ratio = natural ? 0 : b.ratio;
  line.hyphenated = b.hyphenated;
  double x = 0;
  bool gap = false;
  std::size_t room = 0;  // glyphs and spaces on the line, at most
  for (std::size_t i = from; i <= b.item && i < list.pieces.size(); ++i) room += list.pieces[i].count + 1;
  line.text.reserve(room);
  for (std::size_t i = from; i < b.item; ++i) {
    const Item& it = list.items[i];
    const Piece& p = list.pieces[i];
    if (it.kind == Item::Kind::box) {
      const double extra = adjustment(it, line.ratio);
      place(line, list, p, x, extra, gap, room);
      gap = gap && p.count == 0;
      append_text(line.text, list, p);
      x += it.width + extra;
    } else if (it.kind == Item::Kind::glue) {
      x += it.width + adjustment(it, line.ratio);
      if (it.width > 0) line.text += U' ', gap = true;  // zero-width glue is a letter gap, not a space
    }
  }
  const Item& at = list.items[b.item];
  if (at.kind == Item::Kind::penalty && at.width > 0) {
    place(line, list, list.pieces[b.item], x, 0, false, room);
    append_text(line.text, list, list.pieces[b.item]);
    x += at.width;
  }
  while (!line.text.empty() && line.text.back() == U' ') line.text.pop_back();
  line.width = x;
  return line;
}

std::size_t line_start(const std::vector<Item>& items, std::size_t after_break) {
  std::size_t i = after_break;
  while (i < items.size() && items[i].kind != Item::Kind::box &&
         !(items[i].kind == Item::Kind::penalty && items[i].penalty <= -kInfPenalty))
    ++i;
  return i;
}

}  // namespace briefing::typeset
