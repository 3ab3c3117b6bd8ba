// Internal to typesetting: a paragraph's item list (boxes, glue, penalties) and its line assembly.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "typeset/paragraph.hpp"

namespace briefing::typeset {

/// What an item draws: glyphs for boxes and inserted hyphens, nothing for glue and plain penalties.
struct Piece {
  FontId font = -1;
  double size = 0;
  int tag = 0;
  /// Its glyphs: ItemList::glyphs[first, first + count), x relative to the piece's start at
  /// natural spacing; their code points are the piece's text.
  std::uint32_t first = 0, count = 0;
  double width = 0;  ///< natural advance of the whole piece
  int gaps = 0;      ///< letter-spacing gaps (after glyphs 0..gaps-1) sharing the box's stretch/shrink
};

/// A paragraph ready for breaking: the items and, index for index, what each one draws; the
/// pieces' glyphs in one array (one allocation for the paragraph, not one per piece).
struct ItemList {
  std::vector<Item> items;
  std::vector<Piece> pieces;
  std::vector<PlacedGlyph> glyphs;

  [[nodiscard]] std::span<const PlacedGlyph> glyphs_of(const Piece& p) const {
    return {glyphs.data() + p.first, p.count};
  }
};

/// True for characters that set no glyph: spaces, no-break spaces, soft hyphens, zero-width spaces.
[[nodiscard]] bool is_invisible(char32_t c);

/// The first font of a chain that can show `c` (a BMP code point its cmap maps), or -1.
[[nodiscard]] FontId pick_font(const FontBook& fonts, const std::vector<FontId>& chain, char32_t c);

/// Builds the item list of a paragraph: shaped words, word spaces, hyphenation points, the end.
[[nodiscard]] ItemList build_items(const FontBook& fonts, const std::vector<Span>& spans, const ParaSpec& spec);

/// Sets the line made of items [from, b.item) at the break's ratio (0 when `natural`).
[[nodiscard]] SetLine assemble_line(const ItemList& list, std::size_t from, const Break& b, bool natural);

/// The first item of the line after a break: glue and penalties are skipped up to a box or forced break.
[[nodiscard]] std::size_t line_start(const std::vector<Item>& items, std::size_t after_break);

}  // namespace briefing::typeset
