// libharu font loading without its slow paths: TrueType bytes from memory instead of a temporary
// file, and Type0 fonts built without HPDF_GetFont's lookup of every BMP code point.
#pragma once

#include <hpdf.h>

#include <string_view>

namespace briefing::pdf {

/// Loads TrueType bytes as an embedded font definition, as HPDF_LoadTTFontFromFile does (same
/// subset tag sequence, same errors); the font's name, or null with libharu's error raised.
const char* load_ttf_from_memory(HPDF_Doc pdf, std::string_view bytes);

/// The libharu encoder new_cid_font() gives its fonts, only because libharu wants one: libharu's
/// text functions, the only ones that read it, are not used for these fonts. HPDF_GetFont finds
/// such a font by its name and this encoder's.
inline constexpr const char* kFontEncoder = "StandardEncoding";

/// The font HPDF_GetFont(pdf, name, "UTF-8") makes of an embedded TrueType definition, without
/// its walk over all 65,536 codes of the encoder (3 M instructions for the seed's four faces) or
/// the UTF-8 encoder's 256 KB of tables: a Type0 font with /Encoding /Identity-H, a ToUnicode
/// stream and a CIDFontType2 descendant with /W and a CIDToGIDMap stream; the same objects, keys
/// and object numbers in the same order.
/// /W and both streams are left empty for repair_font() to fill, and finish_cid_font() does
/// what libharu's font does when it is written. libharu's text measuring functions are not
/// available for it (the backend measures with HarfBuzz): they raise HPDF_INVALID_OPERATION.
/// Null with libharu's error raised.
HPDF_Font new_cid_font(HPDF_Doc pdf, const char* name);

/// What libharu's Type0 font does just before it is written, done once every glyph is declared
/// and every page added (so the objects get the numbers libharu would give them): the streams
/// take the font's filter, the definition's font descriptor and FontFile2 stream are made (the
/// stream holds `program`, the TrueType bytes the definition was loaded from, compressed by
/// deflate_on_write()), and both fonts get /BaseFont and the descendant its /FontDescriptor.
/// libharu's error code, raised, on failure.
HPDF_STATUS finish_cid_font(HPDF_Font font, std::string_view program);

}  // namespace briefing::pdf
