// The engine's per-document step, shared by engine.cpp (the phases) and make.cpp (one document).
#pragma once

#include <optional>
#include <string>

#include "cli/batch.hpp"
#include "cli/cache.hpp"
#include "cli/inputs.hpp"
#include "cli/plan.hpp"
#include "typeset/font.hpp"

namespace briefing::cli::detail {

/// One document during a batch.
struct Job {
  const JobSpec* spec = nullptr;
  ArticleInput* article = nullptr;
  const LayoutInput* layout = nullptr;
  std::string rel;  ///< the output, relative to the output folder
  DocResult result;
  bool settled = false;  ///< failed before making (bad input, name clash)
};

/// What making a document needs besides the job.
struct MakeContext {
  const BatchSettings& settings;
  typeset::FontBook& fonts;
  FileHashes& hashes;
  const Cache& cache;  ///< as it was when the batch started
};

/// Makes one document unless it is up to date; fills job.result. Returns the output's new cache
/// entry when there is one (built, or an unchanged output whose stat() changed).
std::optional<CacheEntry> make_document(Job& job, const MakeContext& ctx);

/// Adds every diagnostic of `from` to `to`.
void append(std::vector<base::Diagnostic>& to, const base::DiagSink& from);

}  // namespace briefing::cli::detail
