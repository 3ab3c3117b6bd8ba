// The PDF backend: writes a frame::Document with libharu. The only code that includes hpdf.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "frame/frame.hpp"
#include "typeset/font.hpp"

namespace briefing::pdf {

/// Output options.
struct Options {
  /// Seconds since the epoch for the PDF dates (SOURCE_DATE_EPOCH); else the document's own date.
  std::optional<std::int64_t> source_date_epoch;
};

/// Renders a document to PDF bytes in memory; false with a lowercase reason in `error` on failure.
[[nodiscard]] bool render(const frame::Document& doc, typeset::FontBook& fonts, const Options& options,
                          std::string& out, std::string& error);

}  // namespace briefing::pdf
