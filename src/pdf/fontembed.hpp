// Font preparation for libharu: subsetting with hb-subset and a correct ToUnicode CMap.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "typeset/font.hpp"

namespace briefing::pdf {

/// Subsets `font` to the code points given (hinting dropped) and returns the TrueType bytes,
/// remembered for the rest of the process;
/// empty with a reason in `error` on failure.
[[nodiscard]] std::string subset_font(const typeset::Font& font, const std::set<char32_t>& cps, std::string& error);

/// A ToUnicode CMap (bfchar) for 2-byte codes equal to the code points, ligatures decomposed.
[[nodiscard]] std::string to_unicode_cmap(const std::set<char32_t>& cps);

/// A CIDToGIDMap stream: big-endian glyph ids for codes 0 … the highest of `codes`, 0 for the
/// codes not listed.
[[nodiscard]] std::string cid_to_gid_map(const std::vector<char32_t>& codes,
                                         const std::function<unsigned(char32_t)>& gid_of);

}  // namespace briefing::pdf
