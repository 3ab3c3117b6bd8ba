// The PDF backend's top level: fonts, pages, repairs, metadata, save. Only src/pdf includes hpdf.h.
#include "pdf/write.hpp"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string_view>
#include <variant>
#include <vector>

#include <fmt/format.h>

#include "base/hash.hpp"
#include "base/text.hpp"
#include "pdf/deflate.hpp"
#include "pdf/embed.hpp"
#include "pdf/page.hpp"

namespace briefing::pdf {

namespace {

/// libharu's error handler: records the first error instead of jumping out.
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

/// The /ID: two independent hashes (base::Hasher) of the values fed to it, numbers as 64-bit
/// words (doubles by their bits), strings after their length.
class IdKey {
 public:
  void add(std::uint64_t v) { a_.add(v), b_.add(v); }
  void add(double v) { add(std::bit_cast<std::uint64_t>(v)); }
  void add(int v) { add(static_cast<std::uint64_t>(static_cast<std::int64_t>(v))); }
  void add(bool v) { add(std::uint64_t{v}); }
  void add(std::string_view s) {
    add(std::uint64_t{s.size()});
    a_.add_bytes(s), b_.add_bytes(s);
  }
  void add(const frame::Colour& c) {
    add(static_cast<int>(c.space));
    for (double v : c.c) add(v);
  }
  /// The 16 bytes: each hash little-endian.
  void bytes(unsigned char out[16]) const {
    const std::uint64_t a = a_.value(), b = b_.value();
    for (int k = 0; k < 8; ++k)
      out[k] = static_cast<unsigned char>(a >> (8 * k)), out[8 + k] = static_cast<unsigned char>(b >> (8 * k));
  }

 private:
  base::Hasher a_{0x243F6A8885A308D3u}, b_{0x13198A2E03707344u};
};

/// Adds everything a display-list item holds to the /ID's key.
struct FeedItem {
  IdKey& f;
  void operator()(const frame::GlyphRun& g) const {
    f.add(0), f.add(g.x), f.add(g.y), f.add(g.font), f.add(g.size), f.add(g.colour);
    f.add(std::uint64_t{g.glyphs.size()});
    for (const auto& gl : g.glyphs) f.add(std::uint64_t{gl.cp}), f.add(gl.x);
    f.add(g.text), f.add(g.role), f.add(g.source.file), f.add(g.source.line), f.add(g.source.column);
  }
  void operator()(const frame::Rect& r) const {
    f.add(1), f.add(r.x), f.add(r.y), f.add(r.w), f.add(r.h), f.add(r.fill), f.add(r.fill_colour);
    f.add(r.stroke), f.add(r.stroke_colour), f.add(r.stroke_width), f.add(r.radius), f.add(r.role);
  }
  void operator()(const frame::Rule& r) const {
    f.add(2), f.add(r.x1), f.add(r.y1), f.add(r.x2), f.add(r.y2), f.add(r.width), f.add(r.colour), f.add(r.role);
  }
  void operator()(const frame::Image& i) const {
    f.add(3), f.add(i.x), f.add(i.y), f.add(i.w), f.add(i.h), f.add(i.file), f.add(i.role);
  }
};

/// The PDF date for the options' epoch or the document's own date; false when there is none.
bool pdf_date(const frame::Document& doc, const Options& opt, HPDF_Date& d) {
  const auto& date = doc.info.date;
  if (opt.source_date_epoch) {
    const std::time_t t = static_cast<std::time_t>(*opt.source_date_epoch);
    std::tm tm{};
    gmtime_r(&t, &tm);
    d = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, 'Z', 0, 0};
    return true;
  }
  if (date.size() < 4) return false;
  d = {std::atoi(date.substr(0, 4).c_str()),
       date.size() >= 7 ? std::atoi(date.substr(5, 2).c_str()) : 1,
       date.size() >= 10 ? std::atoi(date.substr(8, 2).c_str()) : 1,
       0,
       0,
       0,
       'Z',
       0,
       0};
  return true;
}

/// A text string of the information dictionary: UTF-16BE after a byte order mark, in hexadecimal,
/// as libharu's UTF-8 encoder writes it (that encoder's tables cost 256 KB of fresh memory per
/// document), except that characters above U+FFFF become surrogate pairs rather than spaces.
void add_text(HPDF_Dict info, const char* key, const std::string& utf8) {
  std::vector<HPDF_BYTE> bytes = {0xFE, 0xFF};
  const auto unit = [&bytes](unsigned u) {
    bytes.push_back(static_cast<HPDF_BYTE>(u >> 8));
    bytes.push_back(static_cast<HPDF_BYTE>(u & 0xFF));
  };
  for (const char32_t c : base::utf8_decode(utf8)) {
    if (c > 0xFFFF) {
      unit(0xD800 + ((c - 0x10000) >> 10));
      unit(0xDC00 + ((c - 0x10000) & 0x3FF));
    } else {
      unit(c);
    }
  }
  HPDF_Dict_Add(info, key, HPDF_Binary_New(info->mmgr, bytes.data(), static_cast<HPDF_UINT>(bytes.size())));
}

/// The document information dictionary, with dates only when there is one to give.
void set_info(HPDF_Doc pdf, const frame::Document& doc, const Options& opt) {
  const auto& i = doc.info;
  if (HPDF_Dict info = pdf->info) {  // made with the document, object 3
    if (!i.title.empty()) add_text(info, "Title", i.title);
    if (!i.author.empty()) add_text(info, "Author", i.author);
    if (!i.subject.empty()) add_text(info, "Subject", i.subject);
    if (!i.keywords.empty()) add_text(info, "Keywords", i.keywords);
    add_text(info, "Creator", i.creator.empty() ? "briefing" : i.creator);
  }
  HPDF_Date d{};
  if (!pdf_date(doc, opt, d)) return;
  HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, d);
  HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, d);
}

/// A content-derived /ID, so that the same input gives the same bytes.
void set_id(HPDF_Doc pdf, const frame::Document& doc, const Options& opt) {
  // The display list's values themselves, not a text dump of them (formatting every number cost
  // more than the rest of the PDF's metadata: 6 M instructions for a ten-page article).
  IdKey f;
  for (const auto& font : doc.fonts) f.add(font);
  for (const auto& page : doc.pages) {
    f.add(page.width), f.add(page.height), f.add(page.bleed), f.add(page.crop_marks);
    f.add(std::uint64_t{page.items.size()});
    for (const auto& item : page.items) std::visit(FeedItem{f}, item);
  }
  const auto& i = doc.info;
  for (const auto* s : {&i.title, &i.author, &i.subject, &i.keywords, &i.creator, &i.date, &i.lang}) f.add(*s);
  f.add(opt.source_date_epoch.has_value());
  if (opt.source_date_epoch) f.add(static_cast<std::uint64_t>(*opt.source_date_epoch));
  unsigned char id[16];
  f.bytes(id);
  HPDF_Array arr = HPDF_Array_New(pdf->mmgr);
  HPDF_Array_Add(arr, HPDF_Binary_New(pdf->mmgr, id, 16));
  HPDF_Array_Add(arr, HPDF_Binary_New(pdf->mmgr, id, 16));
  HPDF_Dict_Add(pdf->trailer, "ID", arr);
}

/// Loads every image the document shows, once each (PNG with alpha becomes an image and a soft mask).
bool load_images(HPDF_Doc pdf, const frame::Document& doc, ImageTable& images, const HaruError& herr,
                 std::string& error) {
  for (const auto& p : doc.pages)
    for (const auto& item : p.items) {
      const auto* img = std::get_if<frame::Image>(&item);
      if (!img || images.count(img->file)) continue;
      char magic[2] = {0, 0};
      if (FILE* f = std::fopen(img->file.c_str(), "rb")) {
        if (std::fread(magic, 1, 2, f) != 2) magic[0] = 0;
        std::fclose(f);
      }
      const bool jpeg = static_cast<unsigned char>(magic[0]) == 0xFF && static_cast<unsigned char>(magic[1]) == 0xD8;
      HPDF_Image loaded =
          jpeg ? HPDF_LoadJpegImageFromFile(pdf, img->file.c_str()) : HPDF_LoadPngImageFromFile(pdf, img->file.c_str());
      if (!loaded || herr.code != 0) {
        error = fmt::format("cannot embed the image '{}' (libharu error 0x{:04X})", img->file, herr.code);
        return false;
      }
      // libharu leaves a PNG's alpha channel (the soft mask) uncompressed; deflate it too.
      if (auto* smask = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(loaded, "SMask", HPDF_OCLASS_DICT))) {
        smask->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
        deflate_on_write(smask);
      }
      deflate_on_write(loaded);  // a PNG's pixels (a JPEG keeps its DCT data as it is)
      images[img->file] = loaded;
    }
  return true;
}

/// Saves to libharu's memory stream and copies the bytes out.
bool save(HPDF_Doc pdf, const HaruError& herr, std::string& out, std::string& error) {
  if (herr.code == 0) HPDF_SaveToStream(pdf);
  if (herr.code == 0) {
    out.assign(HPDF_GetStreamSize(pdf), '\0');
    HPDF_UINT32 len = static_cast<HPDF_UINT32>(out.size());
    HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(out.data()), &len);
    out.resize(len);
  }
  if (herr.code != 0 && herr.code != HPDF_STREAM_EOF) {
    error = fmt::format("libharu failed (error 0x{:04X}, detail {})", herr.code, herr.detail);
    return false;
  }
  return true;
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
  std::vector<EmbeddedFont> embedded;
  if (!embed_fonts(h.pdf, doc, fonts, embedded, herr, error)) return false;
  ImageTable images;
  if (!load_images(h.pdf, doc, images, herr, error)) return false;
  for (const auto& p : doc.pages) {
    HPDF_Page page = HPDF_AddPage(h.pdf);
    if (!page) break;
    set_page_boxes(h.pdf, page, p);
    draw_page(page, p, embedded, images);
    deflate_on_write(static_cast<HPDF_PageAttr>(page->attr)->contents);
  }
  for (const auto& f : embedded) repair_font(f);
  set_info(h.pdf, doc, options);
  set_id(h.pdf, doc, options);
  return save(h.pdf, herr, out, error);
}

}  // namespace briefing::pdf
