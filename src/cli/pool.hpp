// A minimal parallel loop: the batch's only threading primitive.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>

namespace briefing::cli {

/// Runs `fn(i)` for every i in [0, n) on up to `threads` threads, handing out indices in order.
/// Stops handing out new indices once `*stop` becomes true; returns how many were started.
/// `fn` must not throw.
std::size_t parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& fn,
                         const std::atomic<bool>* stop = nullptr);

/// The default number of threads: one per core.
[[nodiscard]] unsigned default_jobs();

}  // namespace briefing::cli
