// The PNG check behind <image>: libharu hands PNG files to libpng, which aborts the process on
// damaged data, so the loader must refuse every PNG that libpng would fail on.
#include <catch2/catch.hpp>

#include <zlib.h>

#include "layout/png.hpp"

using briefing::layout::check_png;

namespace {

void put32(std::string& s, std::uint32_t v) {
  for (int k = 3; k >= 0; --k) s += static_cast<char>((v >> (8 * k)) & 0xFF);
}

std::string chunk(const std::string& type, const std::string& data) {
  std::string out;
  put32(out, static_cast<std::uint32_t>(data.size()));
  const std::string body = type + data;
  out += body;
  put32(out, static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()), body.size())));
  return out;
}

std::string deflate(const std::string& raw) {
  std::string z(compressBound(raw.size()), '\0');
  uLongf n = z.size();
  compress(reinterpret_cast<Bytef*>(z.data()), &n, reinterpret_cast<const Bytef*>(raw.data()), raw.size());
  return z.substr(0, n);
}

std::string header(std::uint32_t w, std::uint32_t h, int depth, int colour, int interlace = 0) {
  std::string d;
  put32(d, w);
  put32(d, h);
  d += static_cast<char>(depth), d += static_cast<char>(colour), d += '\0', d += '\0',
      d += static_cast<char>(interlace);
  return chunk("IHDR", d);
}

/// A grey 8-bit PNG of w x h pixels whose rows use `filter`, with `middle` chunks before IDAT.
std::string grey(std::uint32_t w, std::uint32_t h, char filter = 0, const std::string& middle = "") {
  std::string raw;
  for (std::uint32_t y = 0; y < h; ++y) raw += filter + std::string(w, '\x80');
  return "\x89PNG\r\n\x1a\n" + header(w, h, 8, 0) + middle + chunk("IDAT", deflate(raw)) + chunk("IEND", "");
}

std::string why(const std::string& png) {
  std::string error;
  return check_png(png, error) ? "ok" : error;
}

}  // namespace

TEST_CASE("well-formed PNGs pass the check", "[layout][png]") {
  CHECK(why(grey(16, 16)) == "ok");
  CHECK(why(grey(16, 16, 4)) == "ok");
  // Interlaced: Adam7's seven passes of a 3 x 2 image hold rows of 1 to 3 pixels.
  std::string raw =
      std::string("\0\x01", 2) + std::string("\0\x02", 2) + std::string("\0\x03", 2) + std::string("\0\x04\x05\x06", 4);
  CHECK(why("\x89PNG\r\n\x1a\n" + header(3, 2, 8, 0, 1) + chunk("IDAT", deflate(raw)) + chunk("IEND", "")) == "ok");
}

TEST_CASE("damaged PNGs are refused with a reason", "[layout][png]") {
  const std::string good = grey(16, 16);
  CHECK(why("GIF89a") == "not a PNG image");
  CHECK(why(good.substr(0, good.size() - 20)) == "damaged PNG (it ends too early)");
  std::string bad_crc = good;
  bad_crc[30] ^= 1;
  CHECK(why(bad_crc) == "damaged PNG (bad checksum in 'IHDR')");
  CHECK(why(grey(16, 16, 7)) == "damaged PNG pixel data (bad row filter or too much data)");
  const std::string raw(16 * 17 - 10, '\0');
  CHECK(why("\x89PNG\r\n\x1a\n" + header(16, 16, 8, 0) + chunk("IDAT", deflate(raw)) + chunk("IEND", "")) ==
        "damaged PNG pixel data (too little data)");
  CHECK(why("\x89PNG\r\n\x1a\n" + header(16, 16, 8, 0) + chunk("IDAT", "not deflate") + chunk("IEND", "")) ==
        "damaged PNG pixel data");
  CHECK(why("\x89PNG\r\n\x1a\n" + header(16, 16, 3, 0)) == "damaged PNG header (bit depth and colour type)");
  CHECK(why(grey(16, 16, 0, chunk("PLTE", std::string(6, '\0')))) == "damaged PNG palette");
  CHECK(why(grey(16, 16, 0, chunk("XYZW", ""))) == "PNG chunk 'XYZW' is not supported");
  CHECK(why("\x89PNG\r\n\x1a\n" + header(4, 4, 8, 3) + chunk("IDAT", deflate(std::string(20, '\0'))) +
            chunk("IEND", "")) == "damaged PNG (a palette image without its palette)");
}
