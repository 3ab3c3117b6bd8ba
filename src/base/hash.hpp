// A stable 64-bit hash: the same on every build and machine.
#pragma once

#include <bit>
#include <cstdint>
#include <string_view>

namespace briefing::base {

/// Hashes 64-bit words as they are fed. Each step (rotate, xor the word, multiply by an odd
/// number) is a bijection of the state, so two inputs of one length that differ in a single word
/// always hash differently. Not cryptographic: it tells a file or a document from another, it
/// does not withstand one made to collide.
class Hasher {
 public:
  static constexpr std::uint64_t kOdd = 0x9E3779B97F4A7C15u;  // 2^64 divided by the golden ratio, made odd

  explicit Hasher(std::uint64_t start) : h_(start) {}
  void add(std::uint64_t word) { h_ = (std::rotl(h_, 23) ^ word) * kOdd; }
  /// Bytes as little-endian words (whatever the machine's byte order), eight at a time, then one
  /// more word with the rest zero-padded (a whole word of zeros when nothing is left).
  void add_bytes(std::string_view bytes);
  /// The hash of what was fed, mixed so that every bit of the state counts.
  [[nodiscard]] std::uint64_t value() const;

 private:
  std::uint64_t h_;
};

/// The hash of `bytes`, started from their length; `seed` gives independent hashes of the same
/// bytes.
[[nodiscard]] std::uint64_t hash64(std::string_view bytes, std::uint64_t seed = 0);

}  // namespace briefing::base
