#include "pdf/harufont.hpp"

#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_streams.h>
#include <hpdf_utils.h>

#include <cstring>

#include "pdf/deflate.hpp"

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

/// The same for functions answering a font.
HPDF_Font failed_font(HPDF_Doc pdf) {
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

namespace {

/// libharu's measuring functions of a font, which these fonts do not offer.
HPDF_TextWidth no_text_width(HPDF_Font font, const HPDF_BYTE*, HPDF_UINT) {
  HPDF_RaiseError(font->error, HPDF_INVALID_OPERATION, 0);
  return HPDF_TextWidth{0, 0, 0, 0};
}
HPDF_UINT no_measure_text(HPDF_Font font, const HPDF_BYTE*, HPDF_UINT, HPDF_REAL, HPDF_REAL, HPDF_REAL, HPDF_REAL,
                          HPDF_BOOL, HPDF_REAL*) {
  HPDF_RaiseError(font->error, HPDF_INVALID_OPERATION, 0);
  return 0;
}

/// Frees the font's attributes with the font, as libharu's Type0 fonts do.
void free_attr(HPDF_Dict font) {
  if (font->attr) HPDF_FreeMem(font->mmgr, font->attr);
  font->attr = nullptr;
}

/// The CIDSystemInfo dictionary libharu writes for its UTF-8 encoder.
HPDF_Dict cid_system_info(HPDF_MMgr mmgr, HPDF_STATUS& rc) {
  HPDF_Dict info = HPDF_Dict_New(mmgr);
  if (!info) return nullptr;
  rc += HPDF_Dict_Add(info, "Registry", HPDF_String_New(mmgr, "Adobe", nullptr));
  rc += HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mmgr, "Identity-H", nullptr));
  rc += HPDF_Dict_AddNumber(info, "Supplement", 0);
  return info;
}

/// The CIDFontType2 descendant: /DW, /DW2, an empty /W, the CIDToGIDMap stream (kept in the
/// Type0 font's attributes, as libharu does) and CIDSystemInfo.
HPDF_Dict new_descendant(HPDF_Doc pdf, HPDF_FontAttr attr) {
  const HPDF_FontDef def = attr->fontdef;
  HPDF_Dict font = HPDF_Dict_New(pdf->mmgr);
  if (!font || HPDF_Xref_Add(pdf->xref, font) != HPDF_OK) return nullptr;
  HPDF_STATUS rc = HPDF_Dict_AddName(font, "Type", "Font");
  rc += HPDF_Dict_AddName(font, "Subtype", "CIDFontType2");
  rc += HPDF_Dict_AddNumber(font, "DW", def->missing_width);
  HPDF_Array dw2 = HPDF_Array_New(pdf->mmgr);
  rc += HPDF_Dict_Add(font, "DW2", dw2);
  rc += HPDF_Array_AddNumber(dw2, static_cast<HPDF_INT32>(def->font_bbox.bottom));
  rc += HPDF_Array_AddNumber(dw2, static_cast<HPDF_INT32>(def->font_bbox.bottom - def->font_bbox.top));
  rc += HPDF_Dict_Add(font, "W", HPDF_Array_New(pdf->mmgr));
  attr->map_stream = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
  rc += HPDF_Dict_Add(font, "CIDToGIDMap", attr->map_stream);
  HPDF_Dict info = cid_system_info(pdf->mmgr, rc);
  rc += HPDF_Dict_Add(font, "CIDSystemInfo", info);
  return rc == HPDF_OK ? font : nullptr;
}

/// The font descriptor with its FontFile2 stream: the font program as given, compressed when
/// written.
HPDF_Dict new_descriptor(HPDF_Dict font, HPDF_FontAttr attr, std::string_view program) {
  const HPDF_FontDef def = attr->fontdef;
  auto* def_attr = static_cast<HPDF_TTFontDefAttr>(def->attr);
  HPDF_Dict descriptor = HPDF_Dict_New(font->mmgr);
  if (!descriptor) return nullptr;
  HPDF_STATUS rc = HPDF_OK;
  if (def_attr->embedding) {
    // The program itself, not HPDF_TTFontDef_SaveFontData's rewrite of it, which re-read the
    // whole font two to four bytes at a time (2.1 M instructions for the seed's four faces) and
    // only renamed it and dropped what the subset has no longer.
    HPDF_Dict file = HPDF_DictStream_New(font->mmgr, attr->xref);
    if (!file || HPDF_Stream_Write(file->stream, reinterpret_cast<const HPDF_BYTE*>(program.data()),
                                   static_cast<HPDF_UINT>(program.size())) != HPDF_OK)
      return nullptr;
    def_attr->length1 = static_cast<HPDF_UINT32>(program.size());
    rc += HPDF_Dict_Add(descriptor, "FontFile2", file);
    rc += HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(def_attr->length1));
    rc += HPDF_Dict_AddNumber(file, "Length2", 0);
    rc += HPDF_Dict_AddNumber(file, "Length3", 0);
    file->filter = font->filter;
    deflate_on_write(file, true);  // a batch embeds the same subsets again and again
  }
  rc += HPDF_Xref_Add(attr->xref, descriptor);
  rc += HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
  rc += HPDF_Dict_AddNumber(descriptor, "Ascent", def->ascent);
  rc += HPDF_Dict_AddNumber(descriptor, "Descent", def->descent);
  rc += HPDF_Dict_AddNumber(descriptor, "Flags", static_cast<HPDF_INT32>(def->flags));
  rc += HPDF_Dict_Add(descriptor, "FontBBox", HPDF_Box_Array_New(font->mmgr, def->font_bbox));
  rc += HPDF_Dict_AddName(descriptor, "FontName", def_attr->base_font);
  rc += HPDF_Dict_AddNumber(descriptor, "ItalicAngle", def->italic_angle);
  rc += HPDF_Dict_AddNumber(descriptor, "StemV", def->stemv);
  rc += HPDF_Dict_AddNumber(descriptor, "XHeight", def->x_height);
  return rc == HPDF_OK ? descriptor : nullptr;
}

/// The Type0 font's own dictionary and attributes.
HPDF_Font new_type0(HPDF_Doc pdf, HPDF_FontDef def, HPDF_Encoder encoder) {
  HPDF_Font font = HPDF_Dict_New(pdf->mmgr);
  if (!font) return nullptr;
  auto* attr = static_cast<HPDF_FontAttr>(HPDF_GetMem(pdf->mmgr, sizeof(HPDF_FontAttr_Rec)));
  if (!attr) {
    HPDF_Dict_Free(font);
    return nullptr;
  }
  *attr = HPDF_FontAttr_Rec{};
  attr->type = HPDF_FONT_TYPE0_TT;
  attr->writing_mode = HPDF_WMODE_HORIZONTAL;
  attr->text_width_fn = no_text_width;
  attr->measure_text_fn = no_measure_text;
  attr->fontdef = def;
  attr->encoder = encoder;
  attr->xref = pdf->xref;
  font->header.obj_class |= HPDF_OSUBCLASS_FONT;
  font->free_fn = free_attr;
  font->attr = attr;
  if (HPDF_Xref_Add(pdf->xref, font) != HPDF_OK) return nullptr;  // freed by libharu
  HPDF_STATUS rc = HPDF_Dict_AddName(font, "Type", "Font");
  rc += HPDF_Dict_AddName(font, "BaseFont", def->base_font);
  rc += HPDF_Dict_AddName(font, "Subtype", "Type0");
  rc += HPDF_Dict_AddName(font, "Encoding", "Identity-H");
  attr->cmap_stream = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
  rc += HPDF_Dict_Add(font, "ToUnicode", attr->cmap_stream);
  return rc == HPDF_OK ? font : nullptr;
}

}  // namespace

HPDF_Font new_cid_font(HPDF_Doc pdf, const char* name) {
  const HPDF_FontDef def = HPDF_GetFontDef(pdf, name);
  // libharu wants an encoder for every font, but nothing of libharu's that reads it is used for
  // these fonts (the pages write raw TJ; HarfBuzz measures): its cheapest encoder stands in.
  // The UTF-8 encoder HPDF_GetFont would use clears 256 KB of tables per document.
  HPDF_Encoder encoder = HPDF_GetEncoder(pdf, kFontEncoder);
  if (!def || !encoder) return failed_font(pdf);
  if (def->type != HPDF_FONTDEF_TYPE_TRUETYPE) {
    HPDF_SetError(&pdf->error, HPDF_INVALID_FONTDEF_TYPE, 0);
    return failed_font(pdf);
  }
  HPDF_Font font = new_type0(pdf, def, encoder);
  HPDF_Array descendants = font ? HPDF_Array_New(pdf->mmgr) : nullptr;
  if (!descendants || HPDF_Dict_Add(font, "DescendantFonts", descendants) != HPDF_OK) return failed_font(pdf);
  auto* attr = static_cast<HPDF_FontAttr>(font->attr);
  attr->descendant_font = new_descendant(pdf, attr);
  if (!attr->descendant_font || HPDF_Array_Add(descendants, attr->descendant_font) != HPDF_OK) return failed_font(pdf);
  if (pdf->compression_mode & HPDF_COMP_METADATA) font->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  if (HPDF_List_Add(pdf->font_mgr, font) != HPDF_OK) return failed_font(pdf);  // as HPDF_GetFont keeps it
  return font;
}

HPDF_STATUS finish_cid_font(HPDF_Font font, std::string_view program) {
  auto* attr = static_cast<HPDF_FontAttr>(font->attr);
  if (attr->map_stream) attr->map_stream->filter = font->filter;
  if (attr->cmap_stream) attr->cmap_stream->filter = font->filter;
  const HPDF_FontDef def = attr->fontdef;
  if (!def->descriptor) {
    def->descriptor = new_descriptor(font, attr, program);
    if (!def->descriptor) return HPDF_CheckError(font->error);
  }
  const char* name = static_cast<HPDF_TTFontDefAttr>(def->attr)->base_font;
  HPDF_STATUS rc = HPDF_Dict_AddName(font, "BaseFont", name);
  rc += HPDF_Dict_AddName(attr->descendant_font, "BaseFont", name);
  rc += HPDF_Dict_Add(attr->descendant_font, "FontDescriptor", def->descriptor);
  return rc == HPDF_OK ? HPDF_OK : HPDF_CheckError(font->error);
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
