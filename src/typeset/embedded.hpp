// Hyphenation dictionaries compiled into the program: Debian's English pattern files, parsed at
// build time by embed_patterns (typeset/embed_patterns.cpp) into constant tables.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include "typeset/patterns.hpp"

namespace briefing::typeset {

/// One dictionary file as it was at build time: its name, byte size and base::hash64(), and
/// the tables PatternDict::parse made of it.
struct EmbeddedDictionary {
  std::string_view file;  ///< the file's name, such as "hyph_en_GB.dic" (for people; never compared)
  std::uint64_t size = 0;
  std::uint64_t hash = 0;
  PatternTables tables;
};

/// The dictionaries compiled in; empty when the build found none.
[[nodiscard]] std::span<const EmbeddedDictionary* const> embedded_dictionaries();

/// The patterns of a dictionary file's bytes: over the tables of the compiled-in dictionary of the
/// same size and hash when there is one, else parsed (null when PatternDict leaves it to libhyphen).
[[nodiscard]] std::unique_ptr<PatternDict> patterns_for(std::string_view text,
                                                        std::span<const EmbeddedDictionary* const> compiled);

}  // namespace briefing::typeset
