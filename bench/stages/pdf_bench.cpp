// Writing the PDF: font subsetting and embedding, pages, repairs and compression.
#include <benchmark/benchmark.h>

#include "pdf/write.hpp"
#include "stages/fixture.hpp"

namespace briefing::bench {
namespace {

/// Writes a composed document to PDF bytes in memory.
void BM_WritePdf(benchmark::State& state, int times, const std::string& rel) {
  const auto& doc = document(times, rel);
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string out, error;
    if (!pdf::render(doc, fonts(), {}, out, error)) fail("pdf: " + error, {});
    bytes = out.size();
    benchmark::DoNotOptimize(out);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
  state.counters["pages"] = static_cast<double>(doc.pages.size());
}
BENCHMARK_CAPTURE(BM_WritePdf, seed_a4_briefing, 1, kSeedLayout)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_WritePdf, long10_a4_briefing_long, 10, kLongLayout)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace briefing::bench
