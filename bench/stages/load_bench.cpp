// Loading: the article and layout parsers, the fonts and the hyphenation dictionary.
#include <benchmark/benchmark.h>

#include "article/load.hpp"
#include "stages/fixture.hpp"

namespace briefing::bench {
namespace {

/// Parses the article XML (read once, outside the timing); the argument is the body's repeat count.
void BM_LoadArticle(benchmark::State& state) {
  const std::string& xml = article_xml(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    base::DiagSink diags;
    auto art = article::load_from_string(xml, "article.xml", diags);
    if (!art) fail("article", diags);
    benchmark::DoNotOptimize(art);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * xml.size()));
}
BENCHMARK(BM_LoadArticle)->Arg(1)->Arg(10)->Unit(benchmark::kMicrosecond);

/// Reads and parses a layout and the layouts it extends.
void BM_LoadLayout(benchmark::State& state, const std::string& rel) {
  for (auto _ : state) {
    base::DiagSink diags;
    auto lay = layout::load_file(source_path(rel), search_paths(), diags);
    if (!lay) fail(rel, diags);
    benchmark::DoNotOptimize(lay);
  }
}
BENCHMARK_CAPTURE(BM_LoadLayout, a4_briefing, kSeedLayout)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_LoadLayout, a4_handout, std::string("layouts/a4-handout.xml"))->Unit(benchmark::kMicrosecond);

/// Loads the nine font files a4-briefing names into a fresh font book (once per process).
void BM_LoadFonts(benchmark::State& state) {
  const auto& lay = layout(kSeedLayout);
  for (auto _ : state) {
    typeset::FontBook book;
    std::string error;
    for (const auto& fam : lay.families)
      for (const auto& file : fam.files)
        if (!file.empty() && book.load(file, error) < 0) fail(file + ": " + error, {});
    benchmark::DoNotOptimize(book.size());
  }
}
BENCHMARK(BM_LoadFonts)->Unit(benchmark::kMicrosecond);

/// Loads the en-GB hyphenation patterns (once per process and language).
void BM_LoadHyphenator(benchmark::State& state) {
  for (auto _ : state) {
    std::string error;
    auto h = typeset::Hyphenator::load(typeset::default_hyphen_dir(), "en-GB", error);
    if (!h) fail(error, {});
    benchmark::DoNotOptimize(h);
  }
}
BENCHMARK(BM_LoadHyphenator)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace briefing::bench
