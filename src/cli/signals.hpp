// Stopping cleanly on SIGINT and SIGTERM: a flag the batch polls and a descriptor poll() can wait on.
#pragma once

#include <atomic>

namespace briefing::cli {

/// While alive, SIGINT and SIGTERM set stop() (and make fd() readable) instead of killing the
/// process; a second signal kills as usual. The previous handlers come back on destruction. Only one
/// may exist at a time.
class StopSignals {
 public:
  StopSignals();
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  /// Set once a signal arrived.
  [[nodiscard]] const std::atomic<bool>& stop() const;
  /// The signal that arrived (SIGINT or SIGTERM), 0 before.
  [[nodiscard]] int signal_number() const;
  /// Readable once a signal arrived (for poll()); -1 when no pipe could be made.
  [[nodiscard]] int fd() const { return pipe_[0]; }

 private:
  int pipe_[2] = {-1, -1};
};

}  // namespace briefing::cli
