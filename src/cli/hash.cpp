#include "cli/hash.hpp"

#include <fmt/format.h>

namespace briefing::cli {

namespace {

using u128 = unsigned __int128;

/// The FNV-1a 128 offset basis, 0x6c62272e07bb014262b821756295c58d.
constexpr u128 offset_basis = (u128{0x6c62272e07bb0142ULL} << 64) | 0x62b821756295c58dULL;

/// Multiplies by the FNV 128 prime, 2^88 + 0x13b, as a shift and a small product.
inline u128 times_prime(u128 h) {
  return (h << 88) + h * 0x13bU;
}

/// The value of a hex digit, or -1.
int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string Hash128::hex() const {
  return fmt::format("{:016x}{:016x}", hi, lo);
}

std::optional<Hash128> Hash128::from_hex(std::string_view s) {
  if (s.size() != 32) return std::nullopt;
  Hash128 h;
  for (std::size_t i = 0; i < 32; ++i) {
    const int d = hex_digit(s[i]);
    if (d < 0) return std::nullopt;
    std::uint64_t& part = i < 16 ? h.hi : h.lo;
    part = (part << 4) | static_cast<std::uint64_t>(d);
  }
  return h;
}

Hasher::Hasher() : state_(offset_basis) {}

void Hasher::add(std::string_view bytes) {
  u128 h = state_;
  for (const unsigned char c : bytes) h = times_prime(h ^ c);
  state_ = h;
}

void Hasher::add_field(std::string_view bytes) {
  const std::string len = fmt::format("{}:", bytes.size());
  add(len);
  add(bytes);
}

void Hasher::add_hash(const Hash128& h) {
  add_field(h.hex());
}

Hash128 Hasher::digest() const {
  return {static_cast<std::uint64_t>(state_ >> 64), static_cast<std::uint64_t>(state_)};
}

Hash128 hash_bytes(std::string_view bytes) {
  Hasher h;
  h.add(bytes);
  return h.digest();
}

}  // namespace briefing::cli
