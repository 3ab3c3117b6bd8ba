// Positions inside XML text, for loaders that report attribute locations (no XML library here).
#pragma once

#include <cstddef>
#include <string_view>

namespace briefing::base {

/// Byte offset of attribute `name` in the start tag that begins at or after `element_offset`,
/// or `element_offset` when it cannot be found.
[[nodiscard]] std::size_t attribute_offset(std::string_view xml, std::size_t element_offset,
                                           std::string_view name);

}  // namespace briefing::base
