// Shaping with HarfBuzz: code points in, positioned glyphs out, restricted to glyphs a PDF can show.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "typeset/font.hpp"

namespace briefing::typeset {

/// One shaped glyph: the code point that shows it through the font's cmap, and its advance.
struct ShapedGlyph {
  char32_t cp = 0;       ///< code point to emit (a ligature's own code point such as U+FB01)
  double advance = 0;    ///< advance in em, kerning included
  unsigned cluster = 0;  ///< index of the first input code point it shows
};

/// Shapes `text` in one font with kerning and, where the font encodes them, standard ligatures.
/// Every output glyph is reachable through the cmap: a substitution that yields an unencoded glyph
/// is undone by shaping again without it.
[[nodiscard]] std::vector<ShapedGlyph> shape(const Font& font, std::u32string_view text, std::string_view lang);

}  // namespace briefing::typeset
