// Composition: turns an Article and a Layout into a frame::Document (pages of positioned items).
#pragma once

#include <optional>

#include "article/model.hpp"
#include "base/diag.hpp"
#include "frame/frame.hpp"
#include "layout/model.hpp"
#include "typeset/font.hpp"

namespace briefing::compose {

/// Lays out an article with a layout. Reports problems (missing glyphs, fonts that cannot be
/// loaded, content that does not fit) to `diags` and returns nothing when any is an error.
[[nodiscard]] std::optional<frame::Document> compose(const article::Article& art, const layout::Layout& lay,
                                                     typeset::FontBook& fonts, base::DiagSink& diags);

}  // namespace briefing::compose
