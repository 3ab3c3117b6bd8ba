#include "pdf/page.hpp"

#include <hpdf_doc.h>
#include <hpdf_pages.h>

#include <algorithm>
#include <cmath>

#include "pdf/textrun.hpp"

namespace briefing::pdf {

namespace {

/// libharu's float from a double.
HPDF_REAL R(double v) {
  return static_cast<HPDF_REAL>(v);
}

/// Sets the fill colour in the colour's own device space.
void set_fill(HPDF_Page page, const frame::Colour& c) {
  switch (c.space) {
    case frame::Colour::Space::grey: HPDF_Page_SetGrayFill(page, R(c.c[0])); break;
    case frame::Colour::Space::rgb: HPDF_Page_SetRGBFill(page, R(c.c[0]), R(c.c[1]), R(c.c[2])); break;
    case frame::Colour::Space::cmyk: HPDF_Page_SetCMYKFill(page, R(c.c[0]), R(c.c[1]), R(c.c[2]), R(c.c[3])); break;
  }
}

/// Sets the stroke colour in the colour's own device space.
void set_stroke(HPDF_Page page, const frame::Colour& c) {
  switch (c.space) {
    case frame::Colour::Space::grey: HPDF_Page_SetGrayStroke(page, R(c.c[0])); break;
    case frame::Colour::Space::rgb: HPDF_Page_SetRGBStroke(page, R(c.c[0]), R(c.c[1]), R(c.c[2])); break;
    case frame::Colour::Space::cmyk: HPDF_Page_SetCMYKStroke(page, R(c.c[0]), R(c.c[1]), R(c.c[2]), R(c.c[3])); break;
  }
}

/// Writes the document's items onto one page.
class PageWriter {
 public:
  PageWriter(HPDF_Page page, double height, const std::vector<EmbeddedFont>& fonts, const ImageTable& images)
      : page_(page), height_(height), fonts_(fonts), images_(images) {}

  void operator()(const frame::Rect& r);
  void operator()(const frame::Rule& r);
  void operator()(const frame::GlyphRun& g);
  void operator()(const frame::Image& i);
  /// Closes the text object in progress, if any (before graphics, and at the page's end).
  void end_text();

 private:
  void rounded_rect(double x, double y, double w, double h, double rad);
  /// Sets the fill colour unless it is the one in effect.
  void fill(const frame::Colour& c);

  HPDF_Page page_;
  double height_;
  const std::vector<EmbeddedFont>& fonts_;
  const ImageTable& images_;
  // What is in effect on the page (the text state and the colour outlive BT/ET, and the only
  // q/Q pairs, the page's own and an image's, restore what was set before them), so that runs
  // in one style repeat no Tf and no colour.
  double char_space_ = 0;               ///< Tc
  const EmbeddedFont* font_ = nullptr;  ///< Tf's font, with size_
  double size_ = 0;
  bool fill_set_ = false;  ///< false: the page's initial colour, never compared
  frame::Colour fill_;
  // Consecutive glyph runs share one text object: each moves from the last one's line start
  // with a relative Td. The line start is kept in 1/100000 pt, exactly as written, so that the
  // moves never drift.
  bool in_text_ = false;
  long long line_x_ = 0, line_y_ = 0;
  std::vector<double> widths_;  ///< the run in hand's glyph widths (memory reused)
  EncodedRun run_;              ///< the run in hand, encoded (memory reused)
};

void PageWriter::end_text() {
  if (!in_text_) return;
  HPDF_Page_EndText(page_);
  in_text_ = false;
}

void PageWriter::fill(const frame::Colour& c) {
  if (fill_set_ && c == fill_) return;
  set_fill(page_, c);
  fill_ = c;
  fill_set_ = true;
}

/// A rectangle, filled and/or stroked, with rounded corners when it has a radius.
void PageWriter::operator()(const frame::Rect& r) {
  if (!r.fill && !r.stroke) return;
  end_text();
  if (r.fill) fill(r.fill_colour);
  if (r.stroke) {
    set_stroke(page_, r.stroke_colour);
    HPDF_Page_SetLineWidth(page_, R(r.stroke_width));
  }
  const double rad = std::min({r.radius, r.w / 2, r.h / 2});
  if (rad <= 0) {
    HPDF_Page_Rectangle(page_, R(r.x), R(height_ - r.y - r.h), R(r.w), R(r.h));
  } else {
    rounded_rect(r.x, height_ - r.y - r.h, r.w, r.h, rad);
  }
  if (r.fill && r.stroke) {
    HPDF_Page_FillStroke(page_);
  } else if (r.fill) {
    HPDF_Page_Fill(page_);
  } else {
    HPDF_Page_Stroke(page_);
  }
}

/// A closed path with quarter-circle corners (Bézier approximation, k = 0.5523).
void PageWriter::rounded_rect(double x, double y, double w, double h, double rad) {
  const double k = 0.5523 * rad;
  HPDF_Page_MoveTo(page_, R(x + rad), R(y));
  HPDF_Page_LineTo(page_, R(x + w - rad), R(y));
  HPDF_Page_CurveTo(page_, R(x + w - rad + k), R(y), R(x + w), R(y + rad - k), R(x + w), R(y + rad));
  HPDF_Page_LineTo(page_, R(x + w), R(y + h - rad));
  HPDF_Page_CurveTo(page_, R(x + w), R(y + h - rad + k), R(x + w - rad + k), R(y + h), R(x + w - rad), R(y + h));
  HPDF_Page_LineTo(page_, R(x + rad), R(y + h));
  HPDF_Page_CurveTo(page_, R(x + rad - k), R(y + h), R(x), R(y + h - rad + k), R(x), R(y + h - rad));
  HPDF_Page_LineTo(page_, R(x), R(y + rad));
  HPDF_Page_CurveTo(page_, R(x), R(y + rad - k), R(x + rad - k), R(y), R(x + rad), R(y));
  HPDF_Page_ClosePath(page_);
}

/// A straight stroked line.
void PageWriter::operator()(const frame::Rule& r) {
  end_text();
  set_stroke(page_, r.colour);
  HPDF_Page_SetLineWidth(page_, R(r.width));
  HPDF_Page_MoveTo(page_, R(r.x1), R(height_ - r.y1));
  HPDF_Page_LineTo(page_, R(r.x2), R(height_ - r.y2));
  HPDF_Page_Stroke(page_);
}

/// A glyph run in the text object in progress: font and colour when they change, a relative
/// move to the first glyph, Tc when it changes, one raw TJ (libharu has no TJ call).
void PageWriter::operator()(const frame::GlyphRun& g) {
  if (g.glyphs.empty()) return;
  const EmbeddedFont& f = fonts_.at(static_cast<std::size_t>(g.font));
  widths_.resize(g.glyphs.size());
  for (std::size_t i = 0; i < g.glyphs.size(); ++i) widths_[i] = f.width(g.glyphs[i].cp);
  encode_run(g.glyphs, widths_, g.size, run_);
  const EncodedRun& run = run_;
  if (!in_text_) {
    HPDF_Page_BeginText(page_);
    in_text_ = true;
    line_x_ = line_y_ = 0;  // BT starts at the origin
  }
  if (font_ != &f || size_ != g.size) {
    HPDF_Page_SetFontAndSize(page_, f.font, R(g.size));
    font_ = &f;
    size_ = g.size;
  }
  fill(g.colour);
  if (run.char_space != char_space_) {
    HPDF_Page_SetCharSpace(page_, R(run.char_space));
    char_space_ = run.char_space;
  }
  const long long x = std::llround((g.x + g.glyphs.front().x) * 1e5), y = std::llround((height_ - g.y) * 1e5);
  char move[64];
  char* p = put_decimal(move, x - line_x_, 5);  // 1/100000 pt
  *p++ = ' ';
  p = put_decimal(p, y - line_y_, 5);
  for (const char c : {' ', 'T', 'd', '\n'}) *p++ = c;
  line_x_ = x, line_y_ = y;
  HPDF_Stream stream = static_cast<HPDF_PageAttr>(page_->attr)->stream;
  HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(move), static_cast<HPDF_UINT>(p - move));
  HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(run.tj.data()),
                    static_cast<HPDF_UINT>(run.tj.size()));  // the codes' bytes may be NUL
}

/// A raster image scaled into its box.
void PageWriter::operator()(const frame::Image& i) {
  const auto it = images_.find(i.file);
  if (it == images_.end() || !it->second) return;
  end_text();
  HPDF_Page_DrawImage(page_, it->second, R(i.x), R(height_ - i.y - i.h), R(i.w), R(i.h));
}

constexpr double kMarkGap = 3;      ///< between the bleed and a crop mark
constexpr double kMarkLength = 12;  ///< length of a crop mark

/// Crop marks at the four corners of the trimmed page, outside the bleed, in registration colour.
void crop_marks(HPDF_Page page, const frame::Page& p, double off) {
  HPDF_Page_SetCMYKStroke(page, 1, 1, 1, 1);
  HPDF_Page_SetLineWidth(page, 0.25f);
  const double near = p.bleed + kMarkGap, far = near + kMarkLength;
  for (const double x : {off, off + p.width})
    for (const double y : {off, off + p.height}) {
      const double sx = x == off ? -1 : 1, sy = y == off ? -1 : 1;  // away from the page
      HPDF_Page_MoveTo(page, R(x + sx * near), R(y));
      HPDF_Page_LineTo(page, R(x + sx * far), R(y));
      HPDF_Page_MoveTo(page, R(x), R(y + sy * near));
      HPDF_Page_LineTo(page, R(x), R(y + sy * far));
    }
  HPDF_Page_Stroke(page);
}

/// A PDF rectangle array [x0 y0 x1 y1].
HPDF_Array box(HPDF_Doc pdf, double x0, double y0, double x1, double y1) {
  HPDF_Array a = HPDF_Array_New(pdf->mmgr);
  for (double v : {x0, y0, x1, y1}) HPDF_Array_AddReal(a, R(v));
  return a;
}

}  // namespace

double trim_offset(const frame::Page& p) {
  return p.bleed + (p.crop_marks ? kMarkGap + kMarkLength : 0);
}

void set_page_boxes(HPDF_Doc pdf, HPDF_Page page, const frame::Page& p) {
  const double off = trim_offset(p);
  HPDF_Page_SetWidth(page, R(p.width + 2 * off));
  HPDF_Page_SetHeight(page, R(p.height + 2 * off));
  if (off <= 0) return;
  HPDF_Dict_Add(page, "TrimBox", box(pdf, off, off, off + p.width, off + p.height));
  HPDF_Dict_Add(page, "BleedBox",
                box(pdf, off - p.bleed, off - p.bleed, off + p.width + p.bleed, off + p.height + p.bleed));
}

void draw_page(HPDF_Page page, const frame::Page& p, const std::vector<EmbeddedFont>& fonts, const ImageTable& images) {
  const double off = trim_offset(p);
  if (off > 0) {
    HPDF_Page_GSave(page);
    HPDF_Page_Concat(page, 1, 0, 0, 1, R(off), R(off));  // draw in the trimmed page's space
  }
  PageWriter w(page, p.height, fonts, images);
  for (const auto& item : p.items) std::visit(w, item);
  w.end_text();
  if (off <= 0) return;
  HPDF_Page_GRestore(page);
  if (p.crop_marks) crop_marks(page, p, off);
}

}  // namespace briefing::pdf
