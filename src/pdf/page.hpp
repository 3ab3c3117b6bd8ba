// Internal to the PDF backend: drawing one page's display list with libharu.
#pragma once

#include <hpdf.h>

#include <vector>

#include "frame/frame.hpp"
#include "pdf/embed.hpp"

namespace briefing::pdf {

/// Draws the items of one frame::Page on a libharu page (y flipped to PDF's bottom-up axis).
void draw_page(HPDF_Page page, const frame::Page& p, const std::vector<EmbeddedFont>& fonts);

}  // namespace briefing::pdf
