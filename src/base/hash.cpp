#include "base/hash.hpp"

#include <cstring>

namespace briefing::base {

namespace {

/// Eight bytes as a little-endian number, whatever the machine's byte order.
std::uint64_t le64(const char* p) {
  std::uint64_t w = 0;
  std::memcpy(&w, p, sizeof w);
  if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap64(w);
  return w;
}

}  // namespace

void Hasher::add_bytes(std::string_view bytes) {
  std::size_t at = 0;
  for (; at + 8 <= bytes.size(); at += 8) add(le64(bytes.data() + at));
  char tail[8] = {};
  if (at < bytes.size()) std::memcpy(tail, bytes.data() + at, bytes.size() - at);
  add(le64(tail));
}

std::uint64_t Hasher::value() const {
  std::uint64_t h = h_;
  h ^= h >> 31;
  h *= 0xD6E8FEB86659FD93u;
  return h ^ (h >> 29);
}

std::uint64_t hash64(std::string_view bytes, std::uint64_t seed) {
  Hasher h(((bytes.size() + 1) * Hasher::kOdd) ^ seed);
  h.add_bytes(bytes);
  return h.value();
}

}  // namespace briefing::base
