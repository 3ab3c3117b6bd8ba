// The batch commands, build and watch, and the setup they share.
#pragma once

#include <optional>
#include <string>

#include "base/diag.hpp"
#include "cli/batch.hpp"
#include "cli/console.hpp"
#include "cli/options.hpp"
#include "cli/plan.hpp"

namespace briefing::cli {

/// Everything a batch command derives from the options and the environment before it starts.
struct BatchSetup {
  BatchSettings settings;
  std::optional<Shard> shard;
  std::string shard_label;  ///< "K/N" when sharded
};

/// Resolves folders, -j, SOURCE_DATE_EPOCH and the shard (from --shard-env when asked). Usage
/// problems go to `diags` as errors and give nothing; a malformed SOURCE_DATE_EPOCH is a warning.
[[nodiscard]] std::optional<BatchSetup> prepare_batch(const Options& o, const std::string& program,
                                                      base::DiagSink& diags);

/// The shard index from an environment variable: its value minus `base`, plus one, must lie in
/// [1, count]. Errors go to `diags`.
[[nodiscard]] std::optional<Shard> shard_from_env(const std::string& var, unsigned count, unsigned base,
                                                  base::DiagSink& diags);

/// `briefing build`: returns the exit code.
int run_build(const Options& o, const std::string& program, Console& console);

/// `briefing watch`: returns the exit code.
int run_watch(const Options& o, const std::string& program, Console& console);

}  // namespace briefing::cli
