// The batch engine: makes every document of a plan that is out of date, in parallel, reusing fonts,
// layouts and parsed articles between documents, and records what it made in the cache.
#pragma once

#include <atomic>

#include "cli/batch.hpp"
#include "cli/filehash.hpp"
#include "cli/plan.hpp"
#include "typeset/font.hpp"

namespace briefing::cli {

/// Runs batches with one font book and one file-hash memo, so that fonts are parsed and hashed
/// once however many documents (and, under watch, however many batches) use them.
class Engine {
 public:
  Engine(BatchSettings settings, typeset::FontBook& fonts, FileHashes& hashes)
      : settings_(std::move(settings)), fonts_(&fonts), hashes_(hashes) {}

  /// Makes the plan's documents, reporting each as it finishes. Once `*stop` is set no new
  /// document starts; those not started are reported as skipped.
  BatchRun run(const Plan& plan, Reporter& reporter, const std::atomic<bool>* stop = nullptr);

  /// Uses another font book from now on (watch, after a font file changed).
  void set_fonts(typeset::FontBook& fonts) { fonts_ = &fonts; }
  [[nodiscard]] const BatchSettings& settings() const { return settings_; }

 private:
  BatchSettings settings_;
  typeset::FontBook* fonts_;
  FileHashes& hashes_;
};

}  // namespace briefing::cli
