// The options of `build` and `watch`.
#include <thread>

#include "cli/options_internal.hpp"

namespace briefing::cli::detail {

namespace {

/// A switch: sets `field` (a value such as `--force=1` is refused by the caller).
Flag set(bool& field) {
  field = true;
  return Flag::handled;
}

/// A flag with a whole-number value in [lo, hi].
Flag number(ArgCursor& args, unsigned& field, unsigned lo, unsigned hi, std::string& error) {
  const auto n = args.number(lo, hi, error);
  if (!n) return Flag::failed;
  field = *n;
  return Flag::handled;
}

/// A flag with a text value.
Flag text(ArgCursor& args, std::string& field, std::string& error) {
  auto v = args.value(error);
  if (!v) return Flag::failed;
  field = std::move(*v);
  return Flag::handled;
}

/// --shard K/N.
Flag shard(ArgCursor& args, Options& o, std::string& error) {
  const auto v = args.value(error);
  if (!v) return Flag::failed;
  o.batch.shard = parse_shard(*v);
  if (!o.batch.shard) error = "option '--shard' needs K/N with 1 <= K <= N, not '" + *v + "'";
  return o.batch.shard ? Flag::handled : Flag::failed;
}

}  // namespace

std::optional<Shard> parse_shard(const std::string& s) {
  const auto slash = s.find('/');
  if (slash == std::string::npos) return std::nullopt;
  const auto k = parse_whole(s.substr(0, slash)), n = parse_whole(s.substr(slash + 1));
  if (!k || !n || *k < 1 || *k > *n || *n > 1'000'000) return std::nullopt;
  return Shard{static_cast<unsigned>(*k), static_cast<unsigned>(*n)};
}

Flag parse_batch_flag(const std::string& flag, ArgCursor& args, Options& o, std::string& error) {
  BatchOptions& b = o.batch;
  if (flag == "-j" || flag == "--jobs") return number(args, b.jobs, 1, 1024, error);
  if (flag == "-f" || flag == "--force") return set(b.force);
  if (flag == "--json") return set(b.json);
  if (flag == "-m" || flag == "--manifest") return text(args, b.manifest, error);
  if (flag == "--depfile") return text(args, b.depfile, error);
  if (flag == "--shard") return shard(args, o, error);
  if (flag == "--shard-env") return text(args, b.shard_env, error);
  if (flag == "--shard-count") return number(args, b.shard_count, 1, 1'000'000, error);
  if (flag == "--shard-base") return number(args, b.shard_base, 0, 1, error);
  if (flag == "--exit-after" && o.command == Options::Command::watch)
    return number(args, b.exit_after, 1, 1u << 30, error);
  return Flag::unknown;
}

bool validate_batch(const Options& o, std::string& error) {
  const BatchOptions& b = o.batch;
  if (!b.manifest.empty() && !b.articles.empty())
    error = "give articles or --manifest, not both";
  else if (!b.manifest.empty() && !b.layouts.empty())
    error = "the manifest names the layouts; drop --layout";
  else if (b.shard && !b.shard_env.empty())
    error = "give --shard K/N or --shard-env VAR, not both";
  else if (!b.shard_env.empty() && b.shard_count == 0)
    error = "--shard-env needs --shard-count N (the number of parts)";
  else if (b.shard_env.empty() && (b.shard_count != 0 || b.shard_base != 1))
    error = "--shard-count and --shard-base go with --shard-env VAR";
  else if (b.out_dir.empty())
    error = "the output folder cannot be empty";
  else
    return true;
  return false;
}

}  // namespace briefing::cli::detail
