#include "pdf/embed.hpp"

#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "pdf/deflate.hpp"
#include "pdf/fontembed.hpp"
#include "pdf/harufont.hpp"

namespace briefing::pdf {

namespace {

/// The code points each font of the document shows.
void collect_codes(const frame::Document& doc, std::vector<EmbeddedFont>& out) {
  out.resize(doc.fonts.size());
  // A BMP bitmap per font answers "seen already?" for nearly every glyph: a set insertion per
  // glyph was 2.5 M instructions for the ten-page article's 40,000 glyphs.
  std::vector<std::vector<bool>> seen(doc.fonts.size());
  for (const auto& page : doc.pages)
    for (const auto& item : page.items)
      if (const auto* g = std::get_if<frame::GlyphRun>(&item)) {
        const auto font = static_cast<std::size_t>(g->font);
        auto& cps = out.at(font).cps;
        auto& bits = seen[font];
        if (bits.empty()) bits.resize(0x10000);
        for (const auto& gl : g->glyphs) {
          if (gl.cp > 0xFFFF) {
            cps.insert(gl.cp);
          } else if (!bits[gl.cp]) {
            bits[gl.cp] = true;
            cps.insert(gl.cp);
          }
        }
      }
}

/// Advances in whole 1/1000 em, rounded (libharu truncates) from the original font's hmtx: mupdf
/// reads /W as integers, so fractions would put its glyphs elsewhere than poppler's.
void measure(const typeset::Font& font, EmbeddedFont& f) {
  f.widths.clear();
  for (char32_t c : f.cps)  // in code order, as width() looks them up
    f.widths.emplace_back(
        c, std::round(hb_font_get_glyph_h_advance(font.hb_font(), font.glyph(c)) * 1000.0 / font.upem()));
  // A direct table for the common codes (every glyph of a run looks its width up).
  char32_t top = 0;
  for (const auto& [c, w] : f.widths)
    if (c < 0x3000) top = std::max(top, c);
  f.direct.assign(f.widths.empty() ? 0 : static_cast<std::size_t>(top) + 1, 0);
  for (const auto& [c, w] : f.widths)
    if (c <= top && w >= 0 && w < 65535 && w == std::floor(w)) f.direct[c] = static_cast<std::uint16_t>(w + 1);
}

/// Loads one subset font into libharu; false with `error` on failure.
bool load_subset(HPDF_Doc pdf, const typeset::Font& font, EmbeddedFont& f, const HaruError& herr, std::string& error) {
  f.program = subset_font(font, f.cps, error);
  if (f.program.empty()) return false;
  const char* name = load_ttf_from_memory(pdf, f.program);
  if (name) f.font = new_cid_font(pdf, name);
  if (!f.font || herr.code) {
    error = fmt::format("libharu cannot load font '{}' (error 0x{:04X})", font.path(), herr.code);
    return false;
  }
  return true;
}

/// Writes a bfchar ToUnicode CMap of the codes used (in place of libharu's malformed one).
void repair_to_unicode(const EmbeddedFont& f, HPDF_FontAttr attr) {
  HPDF_Dict cmap = attr->cmap_stream;
  if (!cmap || !cmap->stream) return;
  HPDF_MemStream_FreeData(cmap->stream);
  HPDF_Stream_WriteStr(cmap->stream, to_unicode_cmap(f.cps).c_str());
}

/// Rebuilds /W from the codes used, consecutive codes sharing one array.
void repair_widths(const EmbeddedFont& f, HPDF_Dict cid_font) {
  auto* w = static_cast<HPDF_Array>(HPDF_Dict_GetItem(cid_font, "W", HPDF_OCLASS_ARRAY));
  if (!w) return;
  HPDF_Array_Clear(w);
  HPDF_Array run = nullptr;
  char32_t prev = 0;
  for (const auto& [cp, width] : f.widths) {
    if (!run || cp != prev + 1) {
      HPDF_Array_AddNumber(w, static_cast<HPDF_INT32>(cp));
      run = HPDF_Array_New(cid_font->mmgr);
      HPDF_Array_Add(w, run);
    }
    HPDF_Array_AddNumber(run, static_cast<HPDF_INT32>(width));
    prev = cp;
  }
}

/// Rewrites the CIDToGIDMap up to the highest code used, zero for every code not shown.
void repair_cid_map(const EmbeddedFont& f, HPDF_FontAttr attr) {
  HPDF_Dict map = attr->map_stream;
  if (!map || !map->stream || f.cps.empty()) return;
  std::vector<char32_t> codes(f.cps.begin(), f.cps.end());
  std::string bytes = cid_to_gid_map(codes, [&](char32_t c) {
    return static_cast<unsigned>(HPDF_TTFontDef_GetGlyphid(attr->fontdef, static_cast<HPDF_UINT16>(c)));
  });
  HPDF_MemStream_FreeData(map->stream);
  HPDF_Stream_Write(map->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                    static_cast<HPDF_UINT>(bytes.size()));
}

}  // namespace

double EmbeddedFont::looked_up_width(char32_t cp) const {
  const auto it =
      std::lower_bound(widths.begin(), widths.end(), cp, [](const auto& w, char32_t c) { return w.first < c; });
  return it == widths.end() || it->first != cp ? 0 : it->second;
}

bool embed_fonts(HPDF_Doc pdf, const frame::Document& doc, typeset::FontBook& book, std::vector<EmbeddedFont>& out,
                 const HaruError& herr, std::string& error) {
  collect_codes(doc, out);
  for (std::size_t i = 0; i < doc.fonts.size(); ++i) {
    if (out[i].cps.empty()) continue;
    for (char32_t c : out[i].cps)
      if (c > 0xFFFF) {
        error = fmt::format("character U+{:X} lies outside the basic multilingual plane, which libharu cannot show",
                            static_cast<unsigned>(c));
        return false;
      }
    const typeset::FontId id = book.load(doc.fonts[i], error);
    if (id < 0) return false;
    measure(book.get(id), out[i]);
    if (!load_subset(pdf, book.get(id), out[i], herr, error)) return false;
  }
  return true;
}

void repair_font(const EmbeddedFont& f) {
  if (!f.font) return;
  auto* attr = static_cast<HPDF_FontAttr>(f.font->attr);
  repair_to_unicode(f, attr);
  if (attr->descendant_font) repair_widths(f, attr->descendant_font);
  repair_cid_map(f, attr);                    // libharu keeps the descendant font's map in the Type0 font's attributes
  deflate_on_write(attr->cmap_stream, true);  // the same for the same face and code points
  deflate_on_write(attr->map_stream, true);
  finish_cid_font(f.font, f.program);
}

}  // namespace briefing::pdf
