// Internal to the PDF backend: drawing one page's display list with libharu.
#pragma once

#include <hpdf.h>

#include <map>
#include <string>
#include <vector>

#include "frame/frame.hpp"
#include "pdf/embed.hpp"

namespace briefing::pdf {

/// Images of a document, loaded once each, by file path.
using ImageTable = std::map<std::string, HPDF_Image>;

/// Distance from the media box's corner to the trimmed page's: the bleed plus room for crop marks.
double trim_offset(const frame::Page& p);

/// Sets the page's media box to hold the bleed and crop marks, and writes TrimBox and BleedBox.
void set_page_boxes(HPDF_Doc pdf, HPDF_Page page, const frame::Page& p);

/// Draws the items of one frame::Page on a libharu page (y flipped to PDF's bottom-up axis),
/// then its crop marks.
void draw_page(HPDF_Page page, const frame::Page& p, const std::vector<EmbeddedFont>& fonts,
               const ImageTable& images);

}  // namespace briefing::pdf
