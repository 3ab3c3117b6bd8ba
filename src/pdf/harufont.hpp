// libharu font loading without its slow paths: TrueType bytes from memory instead of a temporary
// file, and Type0 fonts without the UTF-8 encoder's lookup of every BMP code point.
#pragma once

#include <hpdf.h>

#include <string_view>

namespace briefing::pdf {

/// Loads TrueType bytes as an embedded font definition, as HPDF_LoadTTFontFromFile does (same
/// subset tag sequence, same errors); the font's name, or null with libharu's error raised.
const char* load_ttf_from_memory(HPDF_Doc pdf, std::string_view bytes);

/// Hides the UTF-8 encoder's 65,536 code mappings while it lives: HPDF_GetFont would otherwise
/// look each one up in the font's cmap to build a /W and a CIDToGIDMap that repair_font()
/// replaces anyway. Debian's libharu walks every BMP code point for an encoder with the UTF-8
/// decoding function, so the generic CMap function stands in for it, with the space as the one
/// mapping left (libharu refuses a font without any).
class QuietUtf8Encoder {
 public:
  explicit QuietUtf8Encoder(HPDF_Doc pdf);
  ~QuietUtf8Encoder();
  QuietUtf8Encoder(const QuietUtf8Encoder&) = delete;
  QuietUtf8Encoder& operator=(const QuietUtf8Encoder&) = delete;

 private:
  HPDF_Encoder enc_ = nullptr;
  HPDF_Encoder_ToUnicode_Func to_unicode_ = nullptr;  ///< the encoder's own, while hidden
  HPDF_UINT16 (*map_)[256] = nullptr;                 ///< the encoder's cid_map
  HPDF_UINT16 (*saved_)[256] = nullptr;
  HPDF_UNICODE saved_space_ = 0;
};

}  // namespace briefing::pdf
