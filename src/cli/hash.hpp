// Content hashing for the build cache: FNV-1a with a 128-bit state, written out in hex.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace briefing::cli {

/// A 128-bit content hash; value-comparable and printable as 32 hex digits.
struct Hash128 {
  std::uint64_t hi = 0;
  std::uint64_t lo = 0;
  friend bool operator==(const Hash128&, const Hash128&) = default;
  [[nodiscard]] std::string hex() const;
  /// Parses 32 hex digits; nothing when malformed.
  [[nodiscard]] static std::optional<Hash128> from_hex(std::string_view s);
};

/// Streaming FNV-1a 128: feed bytes, then read the digest. Fields are length-prefixed by add_field
/// so that ("ab", "c") and ("a", "bc") hash differently.
class Hasher {
 public:
  Hasher();
  /// Feeds raw bytes.
  void add(std::string_view bytes);
  /// Feeds a length-prefixed field.
  void add_field(std::string_view bytes);
  /// Feeds another hash as a field.
  void add_hash(const Hash128& h);
  [[nodiscard]] Hash128 digest() const;

 private:
  unsigned __int128 state_;
};

/// The hash of a byte string.
[[nodiscard]] Hash128 hash_bytes(std::string_view bytes);

}  // namespace briefing::cli
