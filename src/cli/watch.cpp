// `briefing watch`: build, then rebuild whatever a change to an input affects, until a signal.
#include <poll.h>

#include <chrono>
#include <ctime>
#include <filesystem>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/document.hpp"
#include "cli/engine.hpp"
#include "cli/inputs.hpp"
#include "cli/job.hpp"
#include "cli/report.hpp"
#include "cli/signals.hpp"
#include "cli/watcher.hpp"

namespace briefing::cli {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

/// What the watch loop looks at: every input of every document, and where new files count.
struct WatchSet {
  std::set<std::string> files;    ///< absolute paths of every input and the manifest
  std::set<std::string> folders;  ///< absolute folders whose new *.xml files join the batch
};

/// What to watch after a build: every input of its documents and the folders it scanned.
WatchSet watch_set(const Plan& plan, const BatchRun& run) {
  WatchSet w;
  for (const auto& d : run.docs)
    for (const auto& dep : d.deps) w.files.insert(absolute_path(dep));
  for (const auto& j : plan.jobs) w.files.insert({absolute_path(j.article), absolute_path(j.layout)});
  for (const auto& dir : plan.scanned_dirs) w.folders.insert(absolute_path(dir));
  if (!plan.manifest.empty()) w.files.insert(absolute_path(plan.manifest));
  return w;
}

/// A watched input, or a new article or layout (not an editor's hidden temporary file).
bool relevant(const std::string& path, const WatchSet& w) {
  if (path == DirWatcher::overflow || w.files.count(path)) return true;
  const fs::path p(path);
  return p.extension() == ".xml" && !p.filename().string().starts_with(".") &&
         w.folders.count(p.parent_path().string());
}

/// Watches the folder of every watched file and every scanned folder.
void watch_folders(DirWatcher& watcher, const WatchSet& w) {
  for (const auto& f : w.files) watcher.add(fs::path(f).parent_path().string());
  for (const auto& d : w.folders) watcher.add(d);
}

/// A path as the user would write it: relative to the working folder when inside it.
std::string shown(const std::string& path) {
  std::error_code ec;
  const auto rel = fs::path(path).lexically_relative(fs::current_path(ec));
  return rel.empty() || *rel.begin() == ".." ? path : rel.string();
}

/// The local time of day, for the watch log.
std::string clock_time() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[16];
  return std::strftime(buf, sizeof buf, "%H:%M:%S", &tm) ? buf : "";
}

/// Changed inputs and when the first change was seen.
struct Change {
  std::set<std::string> paths;
  Clock::time_point first;
};

/// How long the events must pause before a rebuild: an editor's write, rename and chmod arrive
/// within microseconds of each other.
constexpr int settle_ms = 5;

/// Waits for changes to watched inputs and lets the burst settle. Nothing when a signal arrived.
std::optional<Change> wait_for_change(DirWatcher& watcher, const StopSignals& signals, const WatchSet& w) {
  Change change;
  for (bool quiet = false; !quiet;) {
    pollfd fds[2] = {{watcher.fd(), POLLIN, 0}, {signals.fd(), POLLIN, 0}};
    const int n = ::poll(fds, signals.fd() >= 0 ? 2 : 1, change.paths.empty() ? 500 : settle_ms);
    if (signals.stop().load()) return std::nullopt;
    if (n == 0 && !change.paths.empty()) quiet = true;
    std::set<std::string> events;
    if (n > 0) watcher.read(events);
    for (const auto& e : events)
      if (relevant(e, w) && change.paths.insert(e).second && change.paths.size() == 1) change.first = Clock::now();
  }
  return change;
}

/// The state of one watch session.
class Session {
 public:
  Session(const Options& o, const BatchSetup& setup, Console& console)
      : o_(o),
        setup_(setup),
        console_(console),
        fonts_(std::make_unique<typeset::FontBook>()),
        engine_(setup.settings, *fonts_, hashes_) {}

  /// Plans and builds; keeps the previous watch set when the selection cannot be planned.
  int build(const StopSignals& signals) {
    base::DiagSink diags;
    const auto plan = make_plan(o_.batch, setup_.settings.paths, setup_.shard, diags);
    print_diagnostics(diags, o_.quiet, console_.err);
    if (!plan) return usage_error;
    const auto reporter = o_.batch.json ? json_reporter(console_.out) : human_reporter(console_, {o_.quiet, true});
    BatchRun run = engine_.run(*plan, *reporter, &signals.stop());
    run.summary.shard = setup_.shard_label;
    reporter->end(run.summary);
    set_ = watch_set(*plan, run);
    return run.summary.failed > 0 ? content_error : ok;
  }

  /// A font file changed: fonts are parsed afresh from now on.
  void renew_fonts() {
    fonts_ = std::make_unique<typeset::FontBook>();
    engine_.set_fonts(*fonts_);
  }

  [[nodiscard]] const WatchSet& watched() const { return set_; }
  /// Where watch's own messages go: stdout, or stderr when stdout carries JSON.
  std::ostream& log() { return o_.batch.json ? console_.err : console_.out; }

 private:
  const Options& o_;
  const BatchSetup& setup_;
  Console& console_;
  std::unique_ptr<typeset::FontBook> fonts_;
  FileHashes hashes_;
  Engine engine_;
  WatchSet set_;
};

/// True when a font file (or, after lost events, possibly one) changed.
bool touches_fonts(const std::set<std::string>& changed) {
  for (const auto& c : changed) {
    const auto ext = fs::path(c).extension().string();
    if (c == DirWatcher::overflow || ext == ".ttf" || ext == ".otf" || ext == ".TTF" || ext == ".OTF") return true;
  }
  return false;
}

/// The changed files for the log: the first and how many more.
std::string describe(const std::set<std::string>& changed) {
  if (changed.count(DirWatcher::overflow)) return "many files (events were lost)";
  std::string out = shown(*changed.begin());
  return changed.size() == 1 ? out : fmt::format("{} and {} more", out, changed.size() - 1);
}

}  // namespace

int run_watch(const Options& o, const std::string& program, Console& console) {
  base::DiagSink diags;
  const auto setup = prepare_batch(o, program, diags);
  print_diagnostics(diags, o.quiet, console.err);
  if (!setup) return usage_error;
  StopSignals signals;
  DirWatcher watcher;
  std::string error;
  if (!watcher.open(error)) {
    console.err << "briefing: error: " << error << '\n';
    return content_error;
  }
  Session session(o, *setup, console);
  int code = session.build(signals);
  if (code == usage_error) return code;
  for (unsigned cycles = 0; !o.batch.exit_after || cycles < o.batch.exit_after; ++cycles) {
    watch_folders(watcher, session.watched());
    if (!o.quiet)
      session.log() << fmt::format("watching {} files in {} folders; press Ctrl-C to stop\n",
                                   session.watched().files.size(), watcher.size())
                    << std::flush;
    const auto change = wait_for_change(watcher, signals, session.watched());
    if (!change) return ok;
    if (touches_fonts(change->paths)) session.renew_fonts();
    if (!o.quiet)
      session.log() << fmt::format("[{}] changed: {}\n", clock_time(), describe(change->paths)) << std::flush;
    code = session.build(signals);
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - change->first).count();
    if (!o.quiet) session.log() << fmt::format("done {:.0f} ms after the change\n", ms) << std::flush;
    if (signals.stop().load()) return ok;
  }
  return code;
}

}  // namespace briefing::cli
