// The values a batch works with and produces: its settings, one result per document, the summary.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "base/diag.hpp"
#include "layout/load.hpp"
#include "pdf/write.hpp"

namespace briefing::cli {

/// How a batch runs.
struct BatchSettings {
  layout::SearchPaths paths;
  std::string out_dir = "out";
  unsigned jobs = 1;
  bool force = false;
  pdf::Options pdf;
};

/// What happened to one document.
enum class Status { built, up_to_date, failed, skipped };

/// The lowercase name of a status as printed and in JSON: built, up-to-date, failed, skipped.
[[nodiscard]] const char* status_name(Status s);

/// A diagnostic about a whole file (no line): an error, or a warning when `warning`.
[[nodiscard]] base::Diagnostic file_diag(std::string file, std::string message, bool warning = false);

/// The outcome of one document.
struct DocResult {
  Status status = Status::skipped;
  std::string article;  ///< article file as selected
  std::string layout;   ///< layout name
  std::string output;   ///< the PDF's path (output folder included)
  double ms = 0;
  std::size_t pages = 0;                ///< when built
  std::vector<base::Diagnostic> diags;  ///< every report made while building it
  std::vector<std::string> deps;        ///< every input file, for depfiles and watch
};

/// Counts and time of a whole batch.
struct BatchSummary {
  std::size_t total = 0;
  std::size_t built = 0;
  std::size_t up_to_date = 0;
  std::size_t failed = 0;
  std::size_t skipped = 0;   ///< not started because a signal stopped the batch
  std::size_t warnings = 0;  ///< warnings reported while building
  double ms = 0;
  bool interrupted = false;
  std::string shard;                       ///< "K/N" when sharded
  std::vector<base::Diagnostic> problems;  ///< not tied to a document: the folder, cache or depfile
};

/// A finished batch: every document in job order, and the summary.
struct BatchRun {
  std::vector<DocResult> docs;
  BatchSummary summary;
};

/// Receives a batch's progress; the engine serialises the calls.
class Reporter {
 public:
  virtual ~Reporter() = default;
  /// The batch starts with `total` documents.
  virtual void begin(std::size_t total) = 0;
  /// One document is finished; `done` of `total` are.
  virtual void document(const DocResult& r, std::size_t done, std::size_t total) = 0;
  /// The batch is over.
  virtual void end(const BatchSummary& s) = 0;
};

}  // namespace briefing::cli
