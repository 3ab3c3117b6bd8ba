#include "typeset/embedded.hpp"

#include "base/hash.hpp"

namespace briefing::typeset {

std::unique_ptr<PatternDict> patterns_for(std::string_view text, std::span<const EmbeddedDictionary* const> compiled) {
  bool same_size = false;
  for (const EmbeddedDictionary* e : compiled) same_size |= e->size == text.size();
  if (same_size) {
    const std::uint64_t hash = base::hash64(text);
    for (const EmbeddedDictionary* e : compiled)
      if (e->size == text.size() && e->hash == hash) return PatternDict::over(e->tables);
  }
  return PatternDict::parse(text);
}

}  // namespace briefing::typeset
