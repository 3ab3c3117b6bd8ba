#include "cli/engine.hpp"

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include <fmt/format.h>

#include "cli/document.hpp"
#include "cli/engine_internal.hpp"
#include "cli/outdir.hpp"
#include "cli/pool.hpp"

namespace briefing::cli {

namespace {

namespace fs = std::filesystem;
using detail::Job;

/// How often a running batch writes the cache, so that a killed build loses little work.
constexpr auto checkpoint_interval = std::chrono::seconds(1);

/// Every distinct layout and article of a plan, read once.
struct Inputs {
  std::map<std::string, LayoutInput> layouts;
  std::map<std::string, std::unique_ptr<ArticleInput>> articles;
};

/// Runs tasks on the batch's threads.
void run_all(const std::vector<std::function<void()>>& tasks, unsigned jobs) {
  parallel_for(tasks.size(), jobs, [&](std::size_t i) { tasks[i](); });
}

/// Loads the layouts and reads the articles, then hashes every file the layouts use (each once,
/// however many layouts share it), all in parallel.
Inputs read_inputs(const Plan& plan, const BatchSettings& s, FileHashes& hashes) {
  Inputs in;
  for (const auto& j : plan.jobs) {
    in.layouts.try_emplace(j.layout);
    if (!in.articles.count(j.article)) in.articles.emplace(j.article, std::make_unique<ArticleInput>(j.article));
  }
  std::vector<std::function<void()>> tasks{[] { (void)tool_id(); }};
  for (auto& [path, slot] : in.layouts) tasks.emplace_back([&, p = path] { slot = load_layout_input(p, s.paths); });
  for (auto& [_, a] : in.articles) tasks.emplace_back([&hashes, art = a.get()] { art->read(hashes); });
  run_all(tasks, s.jobs);
  std::set<std::string> files;
  for (const auto& [_, l] : in.layouts) files.insert(l.deps.begin(), l.deps.end());
  tasks.clear();
  for (const auto& f : files)
    tasks.emplace_back([&hashes, f] {
      std::string error;
      (void)hashes.get(f, error);  // errors are reported per layout below
    });
  run_all(tasks, s.jobs);
  for (auto& [_, l] : in.layouts) hash_layout_input(l, hashes);
  return in;
}

/// A derived output name must be one plain file name inside the output folder.
bool plain_file_name(const std::string& name) {
  return name.find('/') == std::string::npos && !name.starts_with(".");
}

/// The job's output name: from the manifest, else from the article's id (recorded in the cache for
/// unchanged articles, else parsed) and the layout's name; the file's stem stands in for an id
/// when the article cannot be read. Sets `known` when the name is trustworthy.
std::string output_for(Job& job, const Cache& cache, bool& known) {
  ArticleInput& art = *job.article;
  const std::string suffix = "-" + job.layout->name + ".pdf";
  const std::string by_file = fs::path(art.path()).stem().string() + suffix;
  known = art.readable();
  if (!job.spec->output.empty()) return job.spec->output;
  if (!known) return by_file;
  if (const auto id = cache.known_id(art.absolute(), art.hash())) return *id + suffix;
  const article::Article* parsed = art.parsed();
  known = parsed != nullptr;
  return parsed ? article_id(*parsed) + suffix : by_file;
}

/// Names the job's output; settles (fails) jobs whose article cannot be read or parsed, or whose
/// derived name is not a plain file name.
void name_output(Job& job, const Cache& cache) {
  bool known = false;
  job.rel = output_for(job, cache, known);
  if (!known) {
    detail::append(job.result.diags, job.article->diags());
    job.result.status = Status::failed, job.settled = true;
    job.result.deps = {job.article->path()};  // still watched and listed: fixing the article retries it
    job.result.deps.insert(job.result.deps.end(), job.layout->deps.begin(), job.layout->deps.end());
  } else if (job.spec->output.empty() && !plain_file_name(job.rel)) {
    job.result.diags.push_back(
        file_diag(job.layout->path, fmt::format("cannot name the output '{}': not a plain file name", job.rel)));
    job.result.status = Status::failed, job.settled = true;
  }
}

/// Fails every job whose output an earlier job (in sorted order) already makes.
void settle_clashes(std::vector<Job>& jobs) {
  std::map<std::string, const Job*> first;
  for (auto& j : jobs) {
    const auto [it, fresh] = first.try_emplace(j.rel, &j);
    if (fresh || j.settled) continue;
    j.result.diags.push_back(
        file_diag(j.spec->article, fmt::format("output '{}' is also made from '{}' with layout '{}'", j.result.output,
                                               it->second->spec->article, it->second->layout->name)));
    j.result.status = Status::failed, j.settled = true;
  }
}

/// Builds the job list: inputs attached, outputs named, clashes settled.
std::vector<Job> prepare_jobs(const Plan& plan, Inputs& in, const Cache& cache, const BatchSettings& s) {
  std::vector<Job> jobs(plan.jobs.size());
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    jobs[i].spec = &plan.jobs[i];
    jobs[i].article = in.articles.at(plan.jobs[i].article).get();
    jobs[i].article->add_user();
    jobs[i].layout = &in.layouts.at(plan.jobs[i].layout);
    jobs[i].result.article = plan.jobs[i].article;
    jobs[i].result.layout = jobs[i].layout->name;
  }
  parallel_for(jobs.size(), s.jobs, [&](std::size_t i) {
    name_output(jobs[i], cache);
    jobs[i].result.output = (fs::path(s.out_dir) / jobs[i].rel).lexically_normal().string();
  });
  settle_clashes(jobs);
  return jobs;
}

/// The folders below the output folder that outputs go to.
std::set<std::string> output_subdirs(const Plan& plan) {
  std::set<std::string> out;
  for (const auto& j : plan.jobs)
    if (const auto parent = fs::path(j.output).parent_path(); !parent.empty()) out.insert(parent.string());
  return out;
}

/// Adds one document's outcome to the counts.
void count(BatchSummary& s, const DocResult& r) {
  for (const auto& d : r.diags) s.warnings += d.severity == base::Severity::warning ? 1 : 0;
  switch (r.status) {
    case Status::built: ++s.built; break;
    case Status::up_to_date: ++s.up_to_date; break;
    case Status::failed: ++s.failed; break;
    case Status::skipped: ++s.skipped; break;
  }
}

/// A batch in progress: takes finished documents from any thread, one at a time, counts and
/// reports them, collects their cache entries and writes the cache now and then.
class Progress {
 public:
  Progress(const OutDir& dir, const Cache& cache, Reporter& reporter, BatchSummary& summary)
      : dir_(dir), updated_(cache), reporter_(reporter), summary_(summary) {}

  /// One document is finished; `entry` is its new cache entry, if any.
  void finish(const Job& job, std::optional<CacheEntry> entry) {
    std::lock_guard lock(mutex_);
    if (entry) touched_.insert(job.rel), updated_.put(std::move(*entry));
    count(summary_, job.result);
    reporter_.document(job.result, ++done_, summary_.total);
    if (!touched_.empty() && std::chrono::steady_clock::now() - saved_ > checkpoint_interval) {
      std::string ignored;  // a checkpoint that fails is retried at the end, where failure is reported
      (void)dir_.save_cache(updated_, touched_, ignored);
      saved_ = std::chrono::steady_clock::now();
    }
  }

  /// Writes the cache if anything changed; false with a reason in `error`.
  bool save(std::string& error) const { return touched_.empty() || dir_.save_cache(updated_, touched_, error); }

 private:
  const OutDir& dir_;
  Cache updated_;
  Reporter& reporter_;
  BatchSummary& summary_;
  std::mutex mutex_;
  std::size_t done_ = 0;
  std::set<std::string> touched_;
  std::chrono::steady_clock::time_point saved_ = std::chrono::steady_clock::now();
};

/// Makes one job, turning an exception (an internal error) into a failure of that document.
std::optional<CacheEntry> make_guarded(Job& job, const detail::MakeContext& ctx) {
  try {
    return job.settled ? std::nullopt : detail::make_document(job, ctx);
  } catch (const std::exception& e) {
    job.result.diags.push_back(file_diag(job.result.output, fmt::format("internal error: {}", e.what())));
    job.result.status = Status::failed;
    return std::nullopt;
  }
}

/// Makes every job on `threads` threads until `stop`; jobs never started are reported as skipped.
void make_all(std::vector<Job>& jobs, const detail::MakeContext& ctx, Progress& progress, unsigned threads,
              const std::atomic<bool>* stop) {
  parallel_for(
      jobs.size(), threads,
      [&](std::size_t i) {
        auto entry = make_guarded(jobs[i], ctx);
        jobs[i].article->release();
        progress.finish(jobs[i], std::move(entry));
      },
      stop);
  for (auto& job : jobs)
    if (job.result.status == Status::skipped) progress.finish(job, std::nullopt);
}

}  // namespace

base::Diagnostic file_diag(std::string file, std::string message, bool warning) {
  base::Diagnostic d;
  d.pos.file = std::move(file);
  d.severity = warning ? base::Severity::warning : base::Severity::error;
  d.message = std::move(message);
  return d;
}

const char* status_name(Status s) {
  switch (s) {
    case Status::built: return "built";
    case Status::up_to_date: return "up-to-date";
    case Status::failed: return "failed";
    case Status::skipped: return "skipped";
  }
  return "failed";
}

BatchRun Engine::run(const Plan& plan, Reporter& reporter, const std::atomic<bool>* stop) {
  const auto start = std::chrono::steady_clock::now();
  BatchRun run;
  run.summary.total = plan.jobs.size();
  hashes_.next_batch();
  OutDir dir;
  std::string error;
  if (!dir.open(settings_.out_dir, output_subdirs(plan), error)) {
    run.summary.problems.push_back(file_diag(settings_.out_dir, error));
    return run;
  }
  const Cache cache = dir.load_cache();
  Inputs inputs = read_inputs(plan, settings_, hashes_);
  std::vector<Job> jobs = prepare_jobs(plan, inputs, cache, settings_);
  reporter.begin(jobs.size());
  Progress progress(dir, cache, reporter, run.summary);
  make_all(jobs, {settings_, *fonts_, hashes_, cache}, progress, settings_.jobs, stop);
  for (auto& job : jobs) run.docs.push_back(std::move(job.result));
  run.summary.interrupted = stop && stop->load();
  if (!progress.save(error))
    run.summary.problems.push_back(
        file_diag(settings_.out_dir + "/" + Cache::file_name, fmt::format("cannot write the cache: {}", error)));
  run.summary.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return run;
}

}  // namespace briefing::cli
