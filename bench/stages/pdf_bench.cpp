// Writing the PDF: font subsetting and embedding, pages, repairs and compression.
#include <benchmark/benchmark.h>

#include "pdf/write.hpp"
#include "stages/fixture.hpp"

namespace briefing::bench {
namespace {

/// Writes a composed document to PDF bytes in memory, the streams compressed on `threads` threads.
void BM_WritePdf(benchmark::State& state, int times, const std::string& rel, unsigned threads) {
  const auto& doc = document(times, rel);
  pdf::Options options;
  options.deflate_threads = threads;
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string out, error;
    if (!pdf::render(doc, fonts(), options, out, error)) fail("pdf: " + error, {});
    bytes = out.size();
    benchmark::DoNotOptimize(out);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
  state.counters["pages"] = static_cast<double>(doc.pages.size());
}
BENCHMARK_CAPTURE(BM_WritePdf, seed_a4_briefing, 1, kSeedLayout, 1)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_WritePdf, seed_a4_briefing_2threads, 1, kSeedLayout, 2)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_WritePdf, long10_a4_briefing_long, 10, kLongLayout, 1)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_WritePdf, long10_a4_briefing_long_2threads, 10, kLongLayout, 2)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace briefing::bench
