// The built-in table of Unicode character names (generated data; see uniname_gen.py).
#pragma once

#include <cstddef>

namespace briefing::typeset::uninames {

/// Names of a contiguous range of code points, joined by ';' and abbreviated (see uniname.cpp).
struct NameBlock {
  char32_t first;
  char32_t last;
  const char* names;
};

/// The name of one code point outside the blocks.
struct NameSingle {
  char32_t cp;
  const char* name;
};

extern const NameBlock kBlocks[];
extern const std::size_t kBlockCount;
extern const NameSingle kSingles[];
extern const std::size_t kSingleCount;

}  // namespace briefing::typeset::uninames
