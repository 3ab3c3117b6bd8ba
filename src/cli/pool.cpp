#include "cli/pool.hpp"

#include <algorithm>
#include <thread>
#include <vector>

namespace briefing::cli {

std::size_t parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& fn,
                         const std::atomic<bool>* stop) {
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (;;) {
      if (stop && stop->load()) return;
      const std::size_t i = next.fetch_add(1);
      if (i >= n) return;
      fn(i);
    }
  };
  const std::size_t count = std::min<std::size_t>(std::max(threads, 1u), n);
  if (count <= 1) {
    work();
  } else {
    std::vector<std::thread> pool;
    for (std::size_t t = 0; t < count; ++t) pool.emplace_back(work);
    for (auto& t : pool) t.join();
  }
  return std::min(next.load(), n);
}

unsigned default_jobs() {
  return std::max(std::thread::hardware_concurrency(), 1u);
}

}  // namespace briefing::cli
