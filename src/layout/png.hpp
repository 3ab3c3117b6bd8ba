// A structural check of whole PNG files, so that the PDF stage's libpng never fails on one: libharu
// gives libpng an error handler that returns, and libpng aborts the process when it does.
#pragma once

#include <string>
#include <string_view>

namespace briefing::layout {

/// Checks a PNG file's bytes as libpng will read them: the chunks (order, lengths, CRCs), the
/// header's fields, the palette, and that the pixel data inflates to exactly the rows the header
/// promises, each with a valid filter byte. False with a lowercase reason when anything is wrong.
[[nodiscard]] bool check_png(std::string_view bytes, std::string& error);

}  // namespace briefing::layout
