// Shaping with HarfBuzz: code points in, positioned glyphs out, restricted to glyphs a PDF can show.
#pragma once

#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "typeset/font.hpp"

namespace briefing::typeset {

/// One shaped glyph: the code point that shows it through the font's cmap, and its advance.
struct ShapedGlyph {
  char32_t cp = 0;       ///< code point to emit (a ligature's own code point such as U+FB01)
  double advance = 0;    ///< advance in em, kerning included
  unsigned cluster = 0;  ///< index of the first input code point it shows
};

/// Shaped texts of one font by language and text, so that a word is shaped once per process;
/// thread-safe; entries are never dropped, so references to them stay valid.
class ShapeCache {
 public:
  /// The remembered glyphs of `text` in `lang`, or null.
  [[nodiscard]] const std::vector<ShapedGlyph>* find(std::string_view lang, std::u32string_view text) const;
  /// Remembers the glyphs of `text` (the first answer wins when two threads race) and returns them.
  const std::vector<ShapedGlyph>& add(std::string_view lang, std::u32string_view text, std::vector<ShapedGlyph> glyphs);

 private:
  /// Hashes owned keys and views alike, so that a lookup needs no copy of the text.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::u32string_view s) const { return std::hash<std::u32string_view>{}(s); }
  };
  using Texts = std::unordered_map<std::u32string, std::vector<ShapedGlyph>, Hash, std::equal_to<>>;

  mutable std::shared_mutex mutex_;
  std::vector<std::pair<std::string, std::unique_ptr<Texts>>> by_lang_;
};

/// Shapes `text` in one font with kerning and, where the font encodes them, standard ligatures.
/// Every output glyph is reachable through the cmap: a substitution that yields an unencoded glyph
/// is undone by shaping again without it. The answer is the font's cached copy and lives as long
/// as the font.
[[nodiscard]] const std::vector<ShapedGlyph>& shape(const Font& font, std::u32string_view text, std::string_view lang);

}  // namespace briefing::typeset
