#include "pdf/page.hpp"

#include <hpdf_pages.h>

#include <algorithm>

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
  PageWriter(HPDF_Page page, double height, const std::vector<EmbeddedFont>& fonts)
      : page_(page), height_(height), fonts_(fonts) {}

  void operator()(const frame::Rect& r);
  void operator()(const frame::Rule& r);
  void operator()(const frame::GlyphRun& g);

 private:
  void rounded_rect(double x, double y, double w, double h, double rad);

  HPDF_Page page_;
  double height_;
  const std::vector<EmbeddedFont>& fonts_;
  double char_space_ = 0;  ///< Tc in effect (text state outlives BT/ET)
};

/// A rectangle, filled and/or stroked, with rounded corners when it has a radius.
void PageWriter::operator()(const frame::Rect& r) {
  if (!r.fill && !r.stroke) return;
  if (r.fill) set_fill(page_, r.fill_colour);
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
  set_stroke(page_, r.colour);
  HPDF_Page_SetLineWidth(page_, R(r.width));
  HPDF_Page_MoveTo(page_, R(r.x1), R(height_ - r.y1));
  HPDF_Page_LineTo(page_, R(r.x2), R(height_ - r.y2));
  HPDF_Page_Stroke(page_);
}

/// One text object: font, colour, position of the first glyph, Tc when it changes, one raw TJ
/// (libharu has no TJ call; its own text state stays right because TJ moves no line matrix).
void PageWriter::operator()(const frame::GlyphRun& g) {
  if (g.glyphs.empty()) return;
  const EmbeddedFont& f = fonts_.at(static_cast<std::size_t>(g.font));
  const EncodedRun run = encode_run(g.glyphs, g.size, [&](char32_t c) { return f.width(c); });
  HPDF_Page_BeginText(page_);
  HPDF_Page_SetFontAndSize(page_, f.font, R(g.size));
  set_fill(page_, g.colour);
  if (run.char_space != char_space_) {
    HPDF_Page_SetCharSpace(page_, R(run.char_space));
    char_space_ = run.char_space;
  }
  HPDF_Page_MoveTextPos(page_, R(g.x + g.glyphs.front().x), R(height_ - g.y));
  HPDF_Stream_WriteStr(static_cast<HPDF_PageAttr>(page_->attr)->stream, run.tj.c_str());
  HPDF_Page_EndText(page_);
}

}  // namespace

void draw_page(HPDF_Page page, const frame::Page& p, const std::vector<EmbeddedFont>& fonts) {
  PageWriter w(page, p.height, fonts);
  for (const auto& item : p.items) std::visit(w, item);
}

}  // namespace briefing::pdf
