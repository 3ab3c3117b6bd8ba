// The reporter for people.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "cli/report.hpp"

namespace briefing::cli {

namespace {

using Clock = std::chrono::steady_clock;

/// "13s", "2m05s", "1h02m".
std::string duration(double seconds) {
  const long s = std::lround(seconds);
  if (s < 60) return fmt::format("{}s", s);
  if (s < 3600) return fmt::format("{}m{:02}s", s / 60, s % 60);
  return fmt::format("{}h{:02}m", s / 3600, s % 3600 / 60);
}

/// Human progress and failures.
class HumanReporter : public Reporter {
 public:
  HumanReporter(Console& c, HumanStyle style) : c_(c), style_(style), live_(c.tty && !style.quiet) {}

  void begin(std::size_t total) override {
    start_ = Clock::now();
    total_ = total;
    if (live_ && total > 0) draw(0, "");
  }

  void document(const DocResult& r, std::size_t done, std::size_t total) override {
    if (r.status == Status::failed) {
      clear();
      c_.err << paint(c_, "1;31", "failed") << ' ' << r.output << " (" << r.article << ", layout " << r.layout << ")\n";
    }
    print_diagnostics(r);
    if (r.status == Status::built && !style_.quiet && (!live_ || style_.log_built)) {
      clear();
      c_.out << fmt::format("{} {} ({} page{}, {:.0f} ms)\n", paint(c_, "32", "built"), r.output, r.pages,
                            r.pages == 1 ? "" : "s", r.ms);
    }
    if (live_ && (done == total || Clock::now() - last_draw_ > std::chrono::milliseconds(50))) draw(done, r.output);
    c_.out.flush();
  }

  void end(const BatchSummary& s) override {
    clear();
    for (const auto& d : s.problems) c_.err << base::format(d) << '\n';
    if (!style_.quiet || s.failed > 0 || s.interrupted) c_.out << summary_line(s, c_) << '\n';
    c_.out.flush();
  }

 private:
  /// Prints the document's diagnostics (errors only when quiet), each distinct one once.
  void print_diagnostics(const DocResult& r) {
    for (const auto& d : r.diags) {
      if (style_.quiet && d.severity != base::Severity::error) continue;
      const std::string line = base::format(d);
      if (!printed_.insert(line).second) continue;
      clear();
      c_.err << line << '\n';
    }
    c_.err.flush();
  }

  /// Redraws the live line.
  void draw(std::size_t done, const std::string& last) {
    const double seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    c_.out << '\r' << progress_line(done, total_, seconds, last, c_.width) << "\x1b[K";
    c_.out.flush();
    drawn_ = true;
    last_draw_ = Clock::now();
  }

  /// Removes the live line so that a message can take its place.
  void clear() {
    if (!drawn_) return;
    c_.out << "\r\x1b[K";
    c_.out.flush();
    drawn_ = false;
  }

  Console& c_;
  HumanStyle style_;
  bool live_;
  bool drawn_ = false;
  std::size_t total_ = 0;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_draw_{};
  std::set<std::string> printed_;
};

}  // namespace

std::string progress_line(std::size_t done, std::size_t total, double seconds, const std::string& last, int width) {
  const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
  const std::string eta =
      rate > 0 && done < total ? fmt::format("  ETA {}", duration(static_cast<double>(total - done) / rate)) : "";
  const std::size_t bar = static_cast<std::size_t>(std::clamp(width / 4, 10, 30));
  const std::size_t filled = total ? bar * done / total : 0;
  std::string line = fmt::format("[{}{}] {}/{}  {:.1f}/s{}", std::string(filled, '#'), std::string(bar - filled, '.'),
                                 done, total, rate, eta);
  const long room = static_cast<long>(width) - 3 - static_cast<long>(line.size());
  if (last.empty() || room <= 8) return line;
  const auto keep = static_cast<std::size_t>(room);
  return fmt::format("{}  {}", line,
                     last.size() <= keep ? last : fmt::format("...{}", last.substr(last.size() - keep + 3)));
}

std::string summary_line(const BatchSummary& s, const Console& c) {
  const std::string built = fmt::format("built {}", s.built), failed = fmt::format("failed {}", s.failed);
  std::string line = fmt::format("{}, up to date {}, {} in {:.2f} s", s.built ? paint(c, "32", built) : built,
                                 s.up_to_date, s.failed ? paint(c, "1;31", failed) : failed, s.ms / 1000.0);
  if (s.warnings > 0) line += fmt::format(", {} warning{}", s.warnings, s.warnings == 1 ? "" : "s");
  if (s.built > 0 && s.ms > 0)
    line += fmt::format(" ({:.1f} documents/s)", static_cast<double>(s.built) * 1000.0 / s.ms);
  if (!s.shard.empty()) line += fmt::format(" [shard {}]", s.shard);
  if (s.interrupted) line += fmt::format("; stopped by a signal, {} not started", s.skipped);
  return line;
}

std::unique_ptr<Reporter> human_reporter(Console& console, HumanStyle style) {
  return std::make_unique<HumanReporter>(console, style);
}

}  // namespace briefing::cli
