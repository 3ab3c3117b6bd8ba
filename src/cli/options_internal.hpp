// Pieces of the option parser shared between the per-command files.
#pragma once

#include <string>

#include "cli/args.hpp"
#include "cli/options.hpp"

namespace briefing::cli::detail {

/// Whether a flag handler recognised the flag.
enum class Flag { handled, unknown, failed };

/// Handles the options of `build` and `watch`.
Flag parse_batch_flag(const std::string& flag, ArgCursor& args, Options& o, std::string& error);

/// Checks the combination of batch options once all are read; false with a message in `error`.
bool validate_batch(const Options& o, std::string& error);

/// Parses "K/N" with 1 <= K <= N; nothing when malformed.
std::optional<Shard> parse_shard(const std::string& s);

}  // namespace briefing::cli::detail
