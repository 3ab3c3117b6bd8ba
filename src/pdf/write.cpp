#include "pdf/write.hpp"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_pages.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <map>
#include <set>

#include <fmt/format.h>

#include "frame/dump.hpp"
#include "pdf/fontembed.hpp"

namespace briefing::pdf {

namespace {

/// libharu's error state, recorded by the handler instead of jumping out.
struct HaruError {
  HPDF_STATUS code = 0;
  HPDF_STATUS detail = 0;
};

void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user) {
  auto* e = static_cast<HaruError*>(user);
  if (e->code == 0) e->code = code, e->detail = detail;
}

/// Owns an HPDF_Doc.
struct DocHandle {
  HPDF_Doc pdf = nullptr;
  ~DocHandle() {
    if (pdf) HPDF_Free(pdf);
  }
};

/// A font ready to use in the document: the libharu font and its widths per code point.
struct EmbeddedFont {
  HPDF_Font font = nullptr;
  std::map<char32_t, int> widths;  ///< libharu's (truncated) widths in 1/1000 em
  std::set<char32_t> cps;
};

std::uint64_t fnv1a(const std::string& s, std::uint64_t h) {
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return h;
}

void set_fill(HPDF_Page page, const frame::Colour& c) {
  switch (c.space) {
    case frame::Colour::Space::grey: HPDF_Page_SetGrayFill(page, static_cast<HPDF_REAL>(c.c[0])); break;
    case frame::Colour::Space::rgb:
      HPDF_Page_SetRGBFill(page, static_cast<HPDF_REAL>(c.c[0]), static_cast<HPDF_REAL>(c.c[1]),
                           static_cast<HPDF_REAL>(c.c[2]));
      break;
    case frame::Colour::Space::cmyk:
      HPDF_Page_SetCMYKFill(page, static_cast<HPDF_REAL>(c.c[0]), static_cast<HPDF_REAL>(c.c[1]),
                            static_cast<HPDF_REAL>(c.c[2]), static_cast<HPDF_REAL>(c.c[3]));
      break;
  }
}

void set_stroke(HPDF_Page page, const frame::Colour& c) {
  switch (c.space) {
    case frame::Colour::Space::grey: HPDF_Page_SetGrayStroke(page, static_cast<HPDF_REAL>(c.c[0])); break;
    case frame::Colour::Space::rgb:
      HPDF_Page_SetRGBStroke(page, static_cast<HPDF_REAL>(c.c[0]), static_cast<HPDF_REAL>(c.c[1]),
                             static_cast<HPDF_REAL>(c.c[2]));
      break;
    case frame::Colour::Space::cmyk:
      HPDF_Page_SetCMYKStroke(page, static_cast<HPDF_REAL>(c.c[0]), static_cast<HPDF_REAL>(c.c[1]),
                              static_cast<HPDF_REAL>(c.c[2]), static_cast<HPDF_REAL>(c.c[3]));
      break;
  }
}

HPDF_REAL R(double v) { return static_cast<HPDF_REAL>(v); }

/// Writes the document's items onto one page.
class PageWriter {
 public:
  PageWriter(HPDF_Page page, double height, std::vector<EmbeddedFont>& fonts)
      : page_(page), height_(height), fonts_(fonts) {}

  void operator()(const frame::Rect& r) {
    if (!r.fill && !r.stroke) return;
    if (r.fill) set_fill(page_, r.fill_colour);
    if (r.stroke) {
      set_stroke(page_, r.stroke_colour);
      HPDF_Page_SetLineWidth(page_, R(r.stroke_width));
    }
    const double x = r.x, y = height_ - r.y - r.h;
    const double rad = std::min({r.radius, r.w / 2, r.h / 2});
    if (rad <= 0) {
      HPDF_Page_Rectangle(page_, R(x), R(y), R(r.w), R(r.h));
    } else {
      const double k = 0.5523 * rad;
      HPDF_Page_MoveTo(page_, R(x + rad), R(y));
      HPDF_Page_LineTo(page_, R(x + r.w - rad), R(y));
      HPDF_Page_CurveTo(page_, R(x + r.w - rad + k), R(y), R(x + r.w), R(y + rad - k), R(x + r.w), R(y + rad));
      HPDF_Page_LineTo(page_, R(x + r.w), R(y + r.h - rad));
      HPDF_Page_CurveTo(page_, R(x + r.w), R(y + r.h - rad + k), R(x + r.w - rad + k), R(y + r.h), R(x + r.w - rad),
                        R(y + r.h));
      HPDF_Page_LineTo(page_, R(x + rad), R(y + r.h));
      HPDF_Page_CurveTo(page_, R(x + rad - k), R(y + r.h), R(x), R(y + r.h - rad + k), R(x), R(y + r.h - rad));
      HPDF_Page_LineTo(page_, R(x), R(y + rad));
      HPDF_Page_CurveTo(page_, R(x), R(y + rad - k), R(x + rad - k), R(y), R(x + rad), R(y));
      HPDF_Page_ClosePath(page_);
    }
    if (r.fill && r.stroke) {
      HPDF_Page_FillStroke(page_);
    } else if (r.fill) {
      HPDF_Page_Fill(page_);
    } else {
      HPDF_Page_Stroke(page_);
    }
  }

  void operator()(const frame::Rule& r) {
    set_stroke(page_, r.colour);
    HPDF_Page_SetLineWidth(page_, R(r.width));
    HPDF_Page_MoveTo(page_, R(r.x1), R(height_ - r.y1));
    HPDF_Page_LineTo(page_, R(r.x2), R(height_ - r.y2));
    HPDF_Page_Stroke(page_);
  }

  void operator()(const frame::GlyphRun& g) {
    if (g.glyphs.empty()) return;
    EmbeddedFont& f = fonts_.at(static_cast<std::size_t>(g.font));
    HPDF_Page_BeginText(page_);
    HPDF_Page_SetFontAndSize(page_, f.font, R(g.size));
    set_fill(page_, g.colour);
    HPDF_Page_MoveTextPos(page_, R(g.x), R(height_ - g.y));
    std::string tj = "[<";
    for (std::size_t i = 0; i < g.glyphs.size(); ++i) {
      if (i > 0) {
        // Where the viewer's pen is after the previous glyph, against where we want this one.
        const auto& prev = g.glyphs[i - 1];
        const double pen = prev.x + f.widths[prev.cp] * g.size / 1000.0;
        const double adj = (pen - g.glyphs[i].x) * 1000.0 / g.size;
        const long rounded = std::lround(adj * 100);
        if (rounded != 0) tj += fmt::format("> {}{}.{:02d} <", rounded < 0 ? "-" : "", std::labs(rounded) / 100,
                                            static_cast<int>(std::labs(rounded) % 100));
      }
      tj += fmt::format("{:04X}", static_cast<unsigned>(g.glyphs[i].cp));
    }
    tj += ">] TJ\n";
    HPDF_Stream_WriteStr(static_cast<HPDF_PageAttr>(page_->attr)->stream, tj.c_str());
    HPDF_Page_EndText(page_);
  }

 private:
  HPDF_Page page_;
  double height_;
  std::vector<EmbeddedFont>& fonts_;
};

/// Prepares every font: subset, load into libharu, declare each used glyph.
bool embed_fonts(HPDF_Doc pdf, const frame::Document& doc, typeset::FontBook& book, std::vector<EmbeddedFont>& out,
                 const HaruError& herr, std::string& error) {
  out.resize(doc.fonts.size());
  for (const auto& page : doc.pages)
    for (const auto& item : page.items)
      if (const auto* g = std::get_if<frame::GlyphRun>(&item))
        for (const auto& gl : g->glyphs) out.at(static_cast<std::size_t>(g->font)).cps.insert(gl.cp);
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
    const std::string bytes = subset_font(book.get(id), out[i].cps, error);
    if (bytes.empty()) return false;
    const char* tmpdir = std::getenv("TMPDIR");
    std::string tmpl = std::string(tmpdir && *tmpdir ? tmpdir : "/tmp") + "/briefing-font-XXXXXX";
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0) {
      error = "cannot create a temporary font file";
      return false;
    }
    const bool written = ::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size());
    ::close(fd);
    const char* name = written ? HPDF_LoadTTFontFromFile(pdf, tmpl.c_str(), HPDF_TRUE) : nullptr;
    ::unlink(tmpl.c_str());  // libharu keeps the file open; the name can go now
    if (name) out[i].font = HPDF_GetFont(pdf, name, "UTF-8");
    if (!out[i].font || herr.code) {
      error = fmt::format("libharu cannot load font '{}' (error 0x{:04X})", doc.fonts[i], herr.code);
      return false;
    }
    for (char32_t c : out[i].cps) out[i].widths[c] = static_cast<int>(HPDF_Font_GetUnicodeWidth(out[i].font, c));
  }
  return true;
}

/// Replaces libharu's malformed ToUnicode CMap with a bfchar map of the codes used.
void repair_to_unicode(EmbeddedFont& f) {
  auto* attr = static_cast<HPDF_FontAttr>(f.font->attr);
  HPDF_Dict cmap = attr->cmap_stream;
  if (!cmap || !cmap->stream) return;
  HPDF_MemStream_FreeData(cmap->stream);
  HPDF_Stream_WriteStr(cmap->stream, to_unicode_cmap(f.cps).c_str());
  for (const char* key : {"Type", "CMapName", "CIDSystemInfo", "WMode"}) HPDF_Dict_RemoveElement(cmap, key);
}

void set_info(HPDF_Doc pdf, const frame::Document& doc, const Options& opt) {
  HPDF_SetCurrentEncoder(pdf, "UTF-8");
  const auto& i = doc.info;
  if (!i.title.empty()) HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, i.title.c_str());
  if (!i.author.empty()) HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, i.author.c_str());
  if (!i.subject.empty()) HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, i.subject.c_str());
  if (!i.keywords.empty()) HPDF_SetInfoAttr(pdf, HPDF_INFO_KEYWORDS, i.keywords.c_str());
  HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, i.creator.empty() ? "briefing" : i.creator.c_str());
  HPDF_Date d{};
  if (opt.source_date_epoch) {
    const std::time_t t = static_cast<std::time_t>(*opt.source_date_epoch);
    std::tm tm{};
    gmtime_r(&t, &tm);
    d = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, 'Z', 0, 0};
  } else if (i.date.size() >= 4) {
    d = {std::atoi(i.date.substr(0, 4).c_str()), i.date.size() >= 7 ? std::atoi(i.date.substr(5, 2).c_str()) : 1,
         i.date.size() >= 10 ? std::atoi(i.date.substr(8, 2).c_str()) : 1, 0, 0, 0, 'Z', 0, 0};
  } else {
    return;
  }
  HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, d);
  HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, d);
}

/// A content-derived /ID, so that the same input gives the same bytes.
void set_id(HPDF_Doc pdf, const frame::Document& doc, const Options& opt) {
  std::string key = frame::dump(doc) + doc.info.title + doc.info.author + doc.info.date;
  if (opt.source_date_epoch) key += std::to_string(*opt.source_date_epoch);
  unsigned char id[16];
  const std::uint64_t a = fnv1a(key, 14695981039346656037ULL), b = fnv1a(key, 0x84222325cbf29ce4ULL ^ a);
  for (int k = 0; k < 8; ++k) id[k] = static_cast<unsigned char>(a >> (8 * k)), id[8 + k] = static_cast<unsigned char>(b >> (8 * k));
  HPDF_Array arr = HPDF_Array_New(pdf->mmgr);
  HPDF_Array_Add(arr, HPDF_Binary_New(pdf->mmgr, id, 16));
  HPDF_Array_Add(arr, HPDF_Binary_New(pdf->mmgr, id, 16));
  HPDF_Dict_Add(pdf->trailer, "ID", arr);
}

}  // namespace

bool render(const frame::Document& doc, typeset::FontBook& fonts, const Options& options, std::string& out,
            std::string& error) {
  HaruError herr;
  DocHandle h;
  h.pdf = HPDF_New(on_error, &herr);
  if (!h.pdf) {
    error = "libharu cannot create a document";
    return false;
  }
  HPDF_SetCompressionMode(h.pdf, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(h.pdf);
  std::vector<EmbeddedFont> embedded;
  if (!embed_fonts(h.pdf, doc, fonts, embedded, herr, error)) return false;
  for (const auto& p : doc.pages) {
    HPDF_Page page = HPDF_AddPage(h.pdf);
    if (!page) break;
    HPDF_Page_SetWidth(page, R(p.width));
    HPDF_Page_SetHeight(page, R(p.height));
    PageWriter w(page, p.height, embedded);
    for (const auto& item : p.items) std::visit(w, item);
  }
  for (auto& f : embedded)
    if (f.font) repair_to_unicode(f);
  set_info(h.pdf, doc, options);
  set_id(h.pdf, doc, options);
  if (herr.code == 0) HPDF_SaveToStream(h.pdf);
  if (herr.code != 0) {
    error = fmt::format("libharu failed (error 0x{:04X}, detail {})", herr.code, herr.detail);
    return false;
  }
  const HPDF_UINT32 size = HPDF_GetStreamSize(h.pdf);
  out.assign(size, '\0');
  HPDF_UINT32 len = size;
  HPDF_ReadFromStream(h.pdf, reinterpret_cast<HPDF_BYTE*>(out.data()), &len);
  out.resize(len);
  if (herr.code != 0 && herr.code != HPDF_STREAM_EOF) {
    error = fmt::format("libharu failed (error 0x{:04X}, detail {})", herr.code, herr.detail);
    return false;
  }
  return true;
}

}  // namespace briefing::pdf
