// Inputs the stage benchmarks share: the seed article and longer variants, layouts, one font book.
#pragma once

#include <string>
#include <vector>

#include "article/model.hpp"
#include "frame/frame.hpp"
#include "layout/load.hpp"
#include "layout/model.hpp"
#include "typeset/font.hpp"
#include "typeset/hyphenate.hpp"
#include "typeset/paragraph.hpp"

namespace briefing::bench {

/// The seed layout, and the long-article layout (a4-briefing without its page limit).
inline const std::string kSeedLayout = "layouts/a4-briefing.xml";
inline const std::string kLongLayout = "bench/layouts/a4-briefing-long.xml";

/// A path inside the source tree.
[[nodiscard]] std::string source_path(const std::string& rel);

/// Where layouts and fonts are found, as `briefing` run from the source tree finds them.
[[nodiscard]] layout::SearchPaths search_paths();

/// The seed article's XML with its body repeated `times` times (as scripts/gen-long writes it).
[[nodiscard]] const std::string& article_xml(int times);

/// That article, parsed once.
[[nodiscard]] const article::Article& article(int times);

/// A layout of the source tree, parsed once.
[[nodiscard]] const layout::Layout& layout(const std::string& rel);

/// The font book every benchmark shares: fonts are parsed once per process, as in a batch.
[[nodiscard]] typeset::FontBook& fonts();

/// The article composed with the layout, once.
[[nodiscard]] const frame::Document& document(int times, const std::string& layout_rel);

/// The paragraphs of the seed's body as single spans in the body face (10 pt serif, hyphenated).
[[nodiscard]] const std::vector<std::vector<typeset::Span>>& body_spans();

/// The British English hyphenator the seed uses.
[[nodiscard]] const typeset::Hyphenator* hyphenator();

/// Aborts the benchmark run with the diagnostics when a fixture cannot be built.
[[noreturn]] void fail(const std::string& what, const base::DiagSink& diags);

}  // namespace briefing::bench
