// Internal to the PDF backend: fonts loaded into libharu, and the repairs of what libharu writes.
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "frame/frame.hpp"
#include "typeset/font.hpp"

namespace briefing::pdf {

/// libharu's error state, recorded by the handler instead of jumping out.
struct HaruError {
  HPDF_STATUS code = 0;
  HPDF_STATUS detail = 0;
};

/// A font ready to use in the document: the libharu font, the code points shown, their widths.
struct EmbeddedFont {
  HPDF_Font font = nullptr;
  std::string program;  ///< the subset font program, embedded as it is (FontFile2)
  std::set<char32_t> cps;
  std::vector<std::pair<char32_t, double>> widths;  ///< advances in whole 1/1000 em by code, as written to /W
  std::vector<std::uint16_t> direct;  ///< width + 1 by code up to the highest code below U+3000 (0: look up)
  [[nodiscard]] double width(char32_t cp) const {
    return cp < direct.size() && direct[cp] != 0 ? direct[cp] - 1 : looked_up_width(cp);
  }
  /// The width of a code beyond the direct table, from `widths`.
  [[nodiscard]] double looked_up_width(char32_t cp) const;
};

/// Subsets every font of the document to the code points it shows and loads the subsets into
/// libharu; false with `error` on failure.
bool embed_fonts(HPDF_Doc pdf, const frame::Document& doc, typeset::FontBook& book, std::vector<EmbeddedFont>& out,
                 const HaruError& herr, std::string& error);

/// Fills in, for one font, just before saving, what libharu would get wrong or oversized: a
/// ToUnicode bfchar CMap (ligatures decomposed) in place of its malformed one, /W with the
/// (rounded rather than truncated) widths of the codes used only, and a CIDToGIDMap that stops
/// at the highest code used.
void repair_font(const EmbeddedFont& f);

}  // namespace briefing::pdf
