// A text trace of the display list: one line per item, for golden tests and debugging.
#pragma once

#include <string>

#include "frame/frame.hpp"

namespace briefing::frame {

/// Dumps a document: pages, then one line per item with coordinates in pt to two decimals.
[[nodiscard]] std::string dump(const Document& doc);

}  // namespace briefing::frame
