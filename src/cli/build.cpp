// `briefing build`: plan, run the engine, write the depfile, report, choose the exit code.
#include <cstdlib>

#include <fmt/format.h>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/depfile.hpp"
#include "cli/document.hpp"
#include "cli/engine.hpp"
#include "cli/job.hpp"
#include "cli/pool.hpp"
#include "cli/report.hpp"
#include "cli/signals.hpp"

namespace briefing::cli {

namespace {

/// Exit code of a finished batch: 1 when anything failed, 128+signal when stopped, else 0.
int exit_code(const BatchSummary& s, int signo) {
  if (s.failed > 0) return content_error;
  for (const auto& d : s.problems)
    if (d.severity == base::Severity::error) return content_error;
  if (s.interrupted) return 128 + signo;
  return ok;
}

}  // namespace

std::optional<Shard> shard_from_env(const std::string& var, unsigned count, unsigned base, base::DiagSink& diags) {
  const char* v = std::getenv(var.c_str());
  if (!v || !*v) {
    diags.error({var, 0, 0}, "this environment variable is not set (--shard-env)");
    return std::nullopt;
  }
  const auto n = parse_whole(v);
  if (!n || *n < base || *n - base + 1 > count) {
    diags.error({var, 0, 0},
                fmt::format("the shard index '{}' is not a whole number from {} to {}", v, base, count + base - 1));
    return std::nullopt;
  }
  return Shard{static_cast<unsigned>(*n - base + 1), count};
}

std::optional<BatchSetup> prepare_batch(const Options& o, const std::string& program, base::DiagSink& diags) {
  const BatchOptions& b = o.batch;
  BatchSetup s;
  s.settings.paths = search_paths(o, program);
  s.settings.out_dir = b.out_dir;
  s.settings.jobs = b.jobs ? b.jobs : default_jobs();
  s.settings.force = b.force;
  s.settings.pdf.source_date_epoch = source_date_epoch(diags);
  s.shard = b.shard;
  if (!b.shard_env.empty()) s.shard = shard_from_env(b.shard_env, b.shard_count, b.shard_base, diags);
  if (!b.shard_env.empty() && !s.shard) return std::nullopt;
  if (s.shard) s.shard_label = fmt::format("{}/{}", s.shard->index, s.shard->count);
  return s;
}

int run_build(const Options& o, const std::string& program, Console& console) {
  base::DiagSink diags;
  const auto setup = prepare_batch(o, program, diags);
  const auto plan = setup ? make_plan(o.batch, setup->settings.paths, setup->shard, diags) : std::nullopt;
  print_diagnostics(diags, o.quiet, console.err);
  if (!plan) return usage_error;
  typeset::FontBook fonts;
  FileHashes hashes;
  Engine engine(setup->settings, fonts, hashes);
  const auto reporter = o.batch.json ? json_reporter(console.out) : human_reporter(console, {o.quiet, false});
  StopSignals signals;
  BatchRun run = engine.run(*plan, *reporter, &signals.stop());
  run.summary.shard = setup->shard_label;
  if (!o.batch.depfile.empty()) (void)write_depfile(o.batch.depfile, run.docs, run.summary.problems);
  reporter->end(run.summary);
  return exit_code(run.summary, signals.signal_number());
}

}  // namespace briefing::cli
