// Composition: an article and a layout to a display list, copy-fitting included.
#include <benchmark/benchmark.h>

#include "compose/compose.hpp"
#include "stages/fixture.hpp"

namespace briefing::bench {
namespace {

/// Composes the article (body repeated `times`) with a layout; fonts and hyphenator are warm.
void BM_Compose(benchmark::State& state, int times, const std::string& rel) {
  const auto& art = article(times);
  const auto& lay = layout(rel);
  std::size_t pages = 0;
  for (auto _ : state) {
    base::DiagSink diags;
    auto doc = compose::compose(art, lay, fonts(), diags);
    if (!doc) fail("compose " + rel, diags);
    pages = doc->pages.size();
    benchmark::DoNotOptimize(doc);
  }
  state.counters["pages"] = static_cast<double>(pages);
}
BENCHMARK_CAPTURE(BM_Compose, seed_a4_briefing, 1, kSeedLayout)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Compose, seed_a4_handout, 1, std::string("layouts/a4-handout.xml"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Compose, long10_a4_briefing_long, 10, kLongLayout)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace briefing::bench
