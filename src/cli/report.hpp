// Reporters: what a batch prints for people (progress, failures, a summary) and for machines (JSON).
#pragma once

#include <memory>

#include "cli/batch.hpp"
#include "cli/console.hpp"

namespace briefing::cli {

/// How the human reporter behaves.
struct HumanStyle {
  bool quiet = false;      ///< errors only
  bool log_built = false;  ///< list every built document even on a terminal (watch)
};

/// Progress for people: a live line on a terminal, plain lines in pipes and CI; each failure with
/// its diagnostics (each distinct diagnostic once per batch); a summary at the end.
[[nodiscard]] std::unique_ptr<Reporter> human_reporter(Console& console, HumanStyle style);

/// One JSON object per document per line on `out`, then a summary object.
[[nodiscard]] std::unique_ptr<Reporter> json_reporter(std::ostream& out);

/// The progress line for a terminal `width` columns wide: bar, done/total, rate and ETA.
[[nodiscard]] std::string progress_line(std::size_t done, std::size_t total, double seconds, const std::string& last,
                                        int width);

/// The one-line summary: "built 3, up to date 197, failed 0 in 0.52 s, 4 warnings (…/s)".
[[nodiscard]] std::string summary_line(const BatchSummary& s, const Console& console);

/// A diagnostic as a JSON object.
[[nodiscard]] std::string diagnostic_json(const base::Diagnostic& d);

}  // namespace briefing::cli
