// Just enough PNG for the visual tests: grey or RGB images, 8 bits or fewer per sample, written
// with zlib and read back (every filter type, no interlacing). Header-only like other test support.
#pragma once

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

namespace briefing::test::png {

/// An image in memory: 8-bit samples, one (grey) or three (RGB) per pixel, rows top to bottom.
struct Image {
  int width = 0, height = 0, channels = 1;
  std::vector<std::uint8_t> pixels;
  [[nodiscard]] std::uint8_t at(int x, int y, int c = 0) const {
    return pixels[(static_cast<std::size_t>(y) * width + x) * channels + c];
  }
};

inline void put32(std::string& s, std::uint32_t v) {
  for (int k = 3; k >= 0; --k) s += static_cast<char>((v >> (8 * k)) & 0xFF);
}

inline std::uint32_t get32(const std::string& s, std::size_t at) {
  std::uint32_t v = 0;
  for (int k = 0; k < 4; ++k) v = (v << 8) | static_cast<std::uint8_t>(s[at + k]);
  return v;
}

inline void chunk(std::string& out, const char* type, const std::string& data) {
  put32(out, static_cast<std::uint32_t>(data.size()));
  const std::string body = std::string(type, 4) + data;
  out += body;
  put32(out, static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()), body.size())));
}

/// Encodes `img`, its samples reduced to `bits` bits (1, 2, 4 or 8; grey only below 8).
inline std::string encode(const Image& img, int bits = 8) {
  std::string raw;
  for (int y = 0; y < img.height; ++y) {
    raw += '\0';
    unsigned acc = 0, n = 0;
    for (int i = 0; i < img.width * img.channels; ++i) {
      acc = (acc << bits) | (img.pixels[static_cast<std::size_t>(y) * img.width * img.channels + i] >> (8 - bits));
      if ((n += bits) == 8) raw += static_cast<char>(acc), acc = 0, n = 0;
    }
    if (n) raw += static_cast<char>(acc << (8 - n));
  }
  std::string z(compressBound(raw.size()), '\0');
  uLongf zlen = z.size();
  compress2(reinterpret_cast<Bytef*>(z.data()), &zlen, reinterpret_cast<const Bytef*>(raw.data()), raw.size(), 9);
  z.resize(zlen);
  std::string ihdr;
  put32(ihdr, static_cast<std::uint32_t>(img.width));
  put32(ihdr, static_cast<std::uint32_t>(img.height));
  ihdr += static_cast<char>(bits), ihdr += static_cast<char>(img.channels == 3 ? 2 : 0), ihdr += std::string(3, '\0');
  std::string out = "\x89PNG\r\n\x1a\n";
  chunk(out, "IHDR", ihdr);
  chunk(out, "IDAT", z);
  chunk(out, "IEND", "");
  return out;
}

/// The Paeth predictor of the PNG specification.
inline int paeth(int a, int b, int c) {
  const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/// Undoes one row's filter in place; `prev` is the previous unfiltered row (zeros for the first).
inline void unfilter(int type, std::uint8_t* row, const std::uint8_t* prev, std::size_t len, std::size_t bpp) {
  for (std::size_t i = 0; i < len; ++i) {
    const int a = i >= bpp ? row[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
    const int pred = type == 1 ? a : type == 2 ? b : type == 3 ? (a + b) / 2 : type == 4 ? paeth(a, b, c) : 0;
    row[i] = static_cast<std::uint8_t>(row[i] + pred);
  }
}

/// Decodes a non-interlaced grey or RGB PNG of 8 or fewer bits per sample (scaled to 8 bits).
inline std::optional<Image> decode(const std::string& s) {
  if (s.size() < 33 || s.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) return std::nullopt;
  Image img;
  img.width = static_cast<int>(get32(s, 16)), img.height = static_cast<int>(get32(s, 20));
  const int bits = static_cast<std::uint8_t>(s[24]), colour = static_cast<std::uint8_t>(s[25]);
  if ((colour != 0 && colour != 2) || bits > 8 || s[28] != 0 || img.width <= 0 || img.height <= 0) return std::nullopt;
  img.channels = colour == 2 ? 3 : 1;
  std::string z;
  for (std::size_t at = 8; at + 12 <= s.size();) {
    const std::uint32_t len = get32(s, at);
    if (s.compare(at + 4, 4, "IDAT") == 0) z += s.substr(at + 8, len);
    at += 12 + len;
  }
  const std::size_t row = (static_cast<std::size_t>(img.width) * img.channels * bits + 7) / 8;
  std::vector<std::uint8_t> raw((row + 1) * img.height);
  uLongf rlen = raw.size();
  if (uncompress(raw.data(), &rlen, reinterpret_cast<const Bytef*>(z.data()), z.size()) != Z_OK || rlen != raw.size())
    return std::nullopt;
  std::vector<std::uint8_t> prev(row, 0);
  const std::size_t bpp = std::max<std::size_t>(1, static_cast<std::size_t>(img.channels * bits / 8));
  const int samples = img.width * img.channels, max = (1 << bits) - 1;
  for (int y = 0; y < img.height; ++y) {
    std::uint8_t* r = &raw[y * (row + 1)];
    unfilter(r[0], r + 1, prev.data(), row, bpp);
    for (int i = 0; i < samples; ++i) {
      const int v = (r[1 + i * bits / 8] >> (8 - bits - (i * bits) % 8)) & max;
      img.pixels.push_back(static_cast<std::uint8_t>(v * 255 / max));
    }
    prev.assign(r + 1, r + 1 + row);
  }
  return img;
}

/// Reads a binary PGM (P5) as pdftoppm -gray writes it.
inline std::optional<Image> decode_pgm(const std::string& s) {
  std::size_t at = 0;
  auto token = [&]() {
    while (at < s.size() && (std::isspace(static_cast<unsigned char>(s[at])) || s[at] == '#'))
      at = s[at] == '#' ? s.find('\n', at) : at + 1;
    const std::size_t from = at;
    while (at < s.size() && !std::isspace(static_cast<unsigned char>(s[at]))) ++at;
    return s.substr(from, at - from);
  };
  if (token() != "P5") return std::nullopt;
  Image img;
  img.width = std::atoi(token().c_str()), img.height = std::atoi(token().c_str());
  if (token() != "255" || img.width <= 0 || img.height <= 0) return std::nullopt;
  ++at;
  const std::size_t n = static_cast<std::size_t>(img.width) * img.height;
  if (s.size() < at + n) return std::nullopt;
  img.pixels.assign(s.begin() + static_cast<std::ptrdiff_t>(at), s.begin() + static_cast<std::ptrdiff_t>(at + n));
  return img;
}

}  // namespace briefing::test::png
