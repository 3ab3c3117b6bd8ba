#include "cli/signals.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

namespace briefing::cli {

namespace {

std::atomic<bool> stop_requested{false};
std::atomic<int> wake_fd{-1};
std::atomic<int> received{0};
struct sigaction previous_int {
}, previous_term{};

extern "C" void on_stop_signal(int signo) {
  received.store(signo);
  stop_requested.store(true);
  const int fd = wake_fd.load();
  if (fd >= 0) {
    const char byte = 1;
    [[maybe_unused]] const auto n = ::write(fd, &byte, 1);
  }
}

}  // namespace

StopSignals::StopSignals() {
  stop_requested.store(false);
  received.store(0);
  if (::pipe2(pipe_, O_CLOEXEC | O_NONBLOCK) != 0) pipe_[0] = pipe_[1] = -1;
  wake_fd.store(pipe_[1]);
  struct sigaction sa {};
  sa.sa_handler = on_stop_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESETHAND;  // a second Ctrl-C kills at once
  ::sigaction(SIGINT, &sa, &previous_int);
  ::sigaction(SIGTERM, &sa, &previous_term);
}

StopSignals::~StopSignals() {
  ::sigaction(SIGINT, &previous_int, nullptr);
  ::sigaction(SIGTERM, &previous_term, nullptr);
  wake_fd.store(-1);
  for (const int fd : pipe_)
    if (fd >= 0) ::close(fd);
}

const std::atomic<bool>& StopSignals::stop() const {
  return stop_requested;
}

int StopSignals::signal_number() const {
  return received.load();
}

}  // namespace briefing::cli
