// Unicode character names for diagnostics: a small built-in table plus the algorithmic ranges.
#pragma once

#include <string>

namespace briefing::typeset {

/// The Unicode name of `cp` ("EN DASH", "CJK UNIFIED IDEOGRAPH-4E2D", "HANGUL SYLLABLE HAN"), or ""
/// when the built-in table does not know it (it covers Latin, punctuation, currency, arrows,
/// ligatures, emoticons, CJK ideographs, Hangul syllables and a few common symbols).
[[nodiscard]] std::string unicode_name(char32_t cp);

/// `U+4E2D '中' (CJK UNIFIED IDEOGRAPH-4E2D)`: the code point, the character and its name if known.
[[nodiscard]] std::string describe_char(char32_t cp);

}  // namespace briefing::typeset
