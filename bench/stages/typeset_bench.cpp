// Typesetting: shaping words, hyphenating them, breaking paragraphs, setting whole paragraphs.
#include <benchmark/benchmark.h>

#include "stages/fixture.hpp"
#include "typeset/items.hpp"
#include "typeset/shape.hpp"

namespace briefing::bench {
namespace {

/// The body column of a4-briefing (125 mm) in points.
constexpr double kMeasure = 354.33;

/// Every word of the seed's body paragraphs, in order.
const std::vector<std::u32string>& words() {
  static const auto out = [] {
    std::vector<std::u32string> w;
    for (const auto& para : body_spans()) {
      std::u32string cur;
      for (char32_t c : para.front().text + U" ") {
        if (c != U' ' && c != 0xA0)
          cur.push_back(c);
        else if (!cur.empty())
          w.push_back(cur), cur.clear();
      }
    }
    return w;
  }();
  return out;
}

/// Paragraph settings of the seed's body text.
typeset::ParaSpec spec() {
  typeset::ParaSpec s;
  s.widths = {kMeasure};
  s.hyphenator = hyphenator();
  s.lang = "en-GB";
  return s;
}

/// Shapes every word of the body, one HarfBuzz call per word, as the paragraph setter does.
void BM_ShapeWords(benchmark::State& state) {
  const auto& font = fonts().get(body_spans().front().front().fonts.front());
  for (auto _ : state)
    for (const auto& w : words()) benchmark::DoNotOptimize(typeset::shape(font, w, "en-GB"));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * words().size()));
}
BENCHMARK(BM_ShapeWords)->Unit(benchmark::kMicrosecond);

/// Finds the permitted breaks of every word of the body (the hyphenator's word cache is warm).
void BM_HyphenateWords(benchmark::State& state) {
  const auto* h = hyphenator();
  for (auto _ : state)
    for (const auto& w : words())
      benchmark::DoNotOptimize(typeset::word_breaks(w, std::vector<bool>(w.size(), true), h));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * words().size()));
}
BENCHMARK(BM_HyphenateWords)->Unit(benchmark::kMicrosecond);

/// Knuth–Plass on the body paragraphs' item lists (built once, outside the timing).
void BM_BreakLines(benchmark::State& state) {
  std::vector<typeset::ItemList> lists;
  for (const auto& p : body_spans()) lists.push_back(typeset::build_items(fonts(), p, spec()));
  typeset::BreakParams params = typeset::default_break_params();
  params.line_widths = {kMeasure};
  for (auto _ : state)
    for (const auto& l : lists) benchmark::DoNotOptimize(typeset::break_lines(l.items, params));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * lists.size()));
}
BENCHMARK(BM_BreakLines)->Unit(benchmark::kMicrosecond);

/// Builds the item lists of the body paragraphs: shaping, hyphenation points, glue.
void BM_BuildItems(benchmark::State& state) {
  for (auto _ : state)
    for (const auto& p : body_spans()) benchmark::DoNotOptimize(typeset::build_items(fonts(), p, spec()));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * body_spans().size()));
}
BENCHMARK(BM_BuildItems)->Unit(benchmark::kMicrosecond);

/// Sets every body paragraph: items, breaking and line assembly.
void BM_SetParagraphs(benchmark::State& state) {
  for (auto _ : state)
    for (const auto& p : body_spans()) {
      base::DiagSink diags;
      benchmark::DoNotOptimize(typeset::set_paragraph(fonts(), p, spec(), diags));
    }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * body_spans().size()));
}
BENCHMARK(BM_SetParagraphs)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace briefing::bench
