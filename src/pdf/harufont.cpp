#include "pdf/harufont.hpp"

#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_fontdef.h>
#include <hpdf_streams.h>
#include <hpdf_utils.h>

#include <cstring>

namespace briefing::pdf {

namespace {

/// The next subset tag: HPDFAA, HPDFAB, …, as libharu numbers embedded TrueType fonts.
void next_tag(HPDF_Doc pdf) {
  if (pdf->ttfont_tag[0] == 0) {
    std::memcpy(pdf->ttfont_tag, "HPDFAA", 6);
    return;
  }
  for (int i = 5; i >= 0; --i) {
    if (++pdf->ttfont_tag[i] <= 'Z') return;
    pdf->ttfont_tag[i] = 'A';
  }
}

/// Raises the document's pending error through its handler and answers null.
const char* failed(HPDF_Doc pdf) {
  HPDF_CheckError(&pdf->error);
  return nullptr;
}

}  // namespace

const char* load_ttf_from_memory(HPDF_Doc pdf, std::string_view bytes) {
  // One buffer holds the whole font, so that every seek lands inside it.
  HPDF_Stream data = HPDF_MemStream_New(pdf->mmgr, static_cast<HPDF_UINT>(bytes.size() + 1));
  if (!data) return failed(pdf);
  if (HPDF_Stream_Write(data, reinterpret_cast<const HPDF_BYTE*>(bytes.data()), static_cast<HPDF_UINT>(bytes.size())) !=
      HPDF_OK) {
    HPDF_Stream_Free(data);
    return failed(pdf);
  }
  HPDF_FontDef def = HPDF_TTFontDef_Load(pdf->mmgr, data, HPDF_TRUE);  // owns `data` from here
  if (!def) return failed(pdf);
  if (HPDF_Doc_FindFontDef(pdf, def->base_font)) {
    HPDF_FontDef_Free(def);
    HPDF_SetError(&pdf->error, HPDF_FONT_EXISTS, 0);
    return failed(pdf);
  }
  if (HPDF_List_Add(pdf->fontdef_list, def) != HPDF_OK) {
    HPDF_FontDef_Free(def);
    return failed(pdf);
  }
  next_tag(pdf);
  HPDF_TTFontDef_SetTagName(def, reinterpret_cast<char*>(pdf->ttfont_tag));
  return def->base_font;
}

QuietUtf8Encoder::QuietUtf8Encoder(HPDF_Doc pdf) {
  HPDF_Encoder enc = HPDF_GetEncoder(pdf, "UTF-8");
  if (!enc || enc->type != HPDF_ENCODER_TYPE_DOUBLE_BYTE || !enc->attr) return;
  enc_ = enc;
  to_unicode_ = enc->to_unicode_fn;
  enc->to_unicode_fn = HPDF_CMapEncoder_ToUnicode;
  map_ = static_cast<HPDF_CMapEncoderAttr>(enc->attr)->cid_map;
  saved_ = new HPDF_UINT16[256][256];
  std::memcpy(saved_, map_, sizeof(HPDF_UINT16) * 256 * 256);
  std::memset(map_, 0, sizeof(HPDF_UINT16) * 256 * 256);
  // The space, CID 32: one short mapping that every font has.
  HPDF_UNICODE& space = static_cast<HPDF_CMapEncoderAttr>(enc->attr)->unicode_map[0][32];
  saved_space_ = space;
  space = 32;
  map_[0][32] = 32;
}

QuietUtf8Encoder::~QuietUtf8Encoder() {
  if (!enc_) return;
  enc_->to_unicode_fn = to_unicode_;
  static_cast<HPDF_CMapEncoderAttr>(enc_->attr)->unicode_map[0][32] = saved_space_;
  std::memcpy(map_, saved_, sizeof(HPDF_UINT16) * 256 * 256);
  delete[] saved_;
}

}  // namespace briefing::pdf

// libharu's own memset and memcpy are byte loops (HPDF_MemSet was 4 % of a render's
// instructions: the encoder's tables and every CID font's 128 KB scratch map are cleared with
// it, per document). libharu calls both through its PLT, so these definitions take their
// place; they return what libharu's do (the end of the range) and copy overlapping ranges
// forwards byte by byte, as libharu's loop does.
extern "C" void* HPDF_MemSet(void* s, HPDF_BYTE c, HPDF_UINT n) {
  std::memset(s, c, n);
  return static_cast<HPDF_BYTE*>(s) + n;
}

extern "C" HPDF_BYTE* HPDF_MemCpy(HPDF_BYTE* out, const HPDF_BYTE* in, HPDF_UINT n) {
  if (out + n <= in || in + n <= out) {
    std::memcpy(out, in, n);
  } else {
    for (HPDF_UINT i = 0; i < n; ++i) out[i] = in[i];
  }
  return out + n;
}

// libharu's HPDF_StrLen is a byte loop too (every string written to a stream goes through it);
// the same answer: 0 for a null or empty string or a zero limit, else the length capped at a
// positive limit.
extern "C" HPDF_UINT HPDF_StrLen(const char* s, HPDF_INT maxlen) {
  if (!s || !*s || maxlen == 0) return 0;
  if (maxlen < 0) return static_cast<HPDF_UINT>(std::strlen(s));
  return static_cast<HPDF_UINT>(strnlen(s, static_cast<std::size_t>(maxlen)));
}
