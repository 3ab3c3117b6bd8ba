#include "layout/png.hpp"

#include <zlib.h>

#include <array>
#include <cstdint>
#include <vector>

#include <fmt/format.h>

namespace briefing::layout {

namespace {

std::uint32_t be32(std::string_view b, std::size_t at) {
  return (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) << 24) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 16) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 8) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3]));
}

/// The fields of IHDR that decide how long the pixel data is.
struct Header {
  std::uint32_t width = 0, height = 0;
  int depth = 0, colour = 0;
  bool interlaced = false;
  int palette = 0;  ///< PLTE entries
};

/// True for the bit depth and colour type pairs the PNG specification allows.
bool valid_depth(int colour, int depth) {
  switch (colour) {
    case 0: return depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
    case 3: return depth == 1 || depth == 2 || depth == 4 || depth == 8;
    case 2:
    case 4:
    case 6: return depth == 8 || depth == 16;
    default: return false;
  }
}

bool read_header(std::string_view d, Header& h, std::string& error) {
  if (d.size() != 13) return error = "damaged PNG header", false;
  h.width = be32(d, 0), h.height = be32(d, 4);
  h.depth = static_cast<unsigned char>(d[8]), h.colour = static_cast<unsigned char>(d[9]);
  const int compression = d[10], filter = d[11], interlace = d[12];
  h.interlaced = interlace == 1;
  if (h.width == 0 || h.height == 0 || h.width > 0x7fffffffu || h.height > 0x7fffffffu)
    return error = "damaged PNG header (no pixels)", false;
  if (!valid_depth(h.colour, h.depth)) return error = "damaged PNG header (bit depth and colour type)", false;
  if (compression != 0 || filter != 0 || (interlace != 0 && interlace != 1))
    return error = "damaged PNG header (unknown method)", false;
  return true;
}

/// The length of each filtered row of the pixel data, pass by pass (Adam7 when interlaced).
std::vector<std::pair<std::uint64_t, std::uint64_t>> rows(const Header& h) {
  static const std::array<std::array<int, 4>, 7> adam7 = {
      {{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}}};
  static const int channels[] = {1, 0, 3, 1, 2, 0, 4};
  const std::uint64_t bits = static_cast<std::uint64_t>(channels[h.colour]) * static_cast<std::uint64_t>(h.depth);
  std::vector<std::pair<std::uint64_t, std::uint64_t>> out;  // (row bytes with the filter byte, row count)
  auto add = [&](std::uint64_t w, std::uint64_t n) {
    if (w > 0 && n > 0) out.push_back({1 + (w * bits + 7) / 8, n});
  };
  if (!h.interlaced) {
    add(h.width, h.height);
    return out;
  }
  for (const auto& [x0, y0, dx, dy] : adam7)
    add((h.width + static_cast<std::uint64_t>(dx - x0 - 1)) / static_cast<std::uint64_t>(dx),
        (h.height + static_cast<std::uint64_t>(dy - y0 - 1)) / static_cast<std::uint64_t>(dy));
  return out;
}

/// Walks the inflated pixel data row by row, checking each row's filter byte.
class RowCursor {
 public:
  explicit RowCursor(std::vector<std::pair<std::uint64_t, std::uint64_t>> rows) : rows_(std::move(rows)) {}

  /// Consumes inflated bytes; false when a filter byte is invalid or there are too many bytes.
  bool feed(const unsigned char* p, std::size_t n) {
    while (n > 0) {
      if (pass_ >= rows_.size()) return false;
      if (at_ == 0 && p[0] > 4) return false;
      const std::uint64_t take = std::min<std::uint64_t>(n, rows_[pass_].first - at_);
      p += take, n -= take, at_ += take;
      if (at_ == rows_[pass_].first) {
        at_ = 0;
        if (++row_ == rows_[pass_].second) row_ = 0, ++pass_;
      }
    }
    return true;
  }

  [[nodiscard]] bool complete() const { return pass_ == rows_.size(); }

 private:
  std::vector<std::pair<std::uint64_t, std::uint64_t>> rows_;
  std::size_t pass_ = 0;
  std::uint64_t row_ = 0, at_ = 0;
};

/// Inflates the joined IDAT data and checks it against the rows the header promises.
bool check_pixels(const std::string& idat, const Header& h, std::string& error) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK) return error = "cannot check the PNG's pixel data", false;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(idat.data()));
  z.avail_in = static_cast<uInt>(idat.size());
  RowCursor cursor(rows(h));
  std::array<unsigned char, 65536> buf{};
  int rc = Z_OK;
  bool rows_ok = true;
  while (rc == Z_OK && rows_ok) {
    z.next_out = buf.data();
    z.avail_out = static_cast<uInt>(buf.size());
    rc = inflate(&z, Z_NO_FLUSH);
    rows_ok = cursor.feed(buf.data(), buf.size() - z.avail_out);
  }
  inflateEnd(&z);
  if (!rows_ok) return error = "damaged PNG pixel data (bad row filter or too much data)", false;
  if (rc != Z_STREAM_END && rc != Z_OK && rc != Z_BUF_ERROR) return error = "damaged PNG pixel data", false;
  if (rc != Z_STREAM_END || !cursor.complete()) return error = "damaged PNG pixel data (too little data)", false;
  return true;
}

/// Checks one chunk's place in the file; updates what has been seen.
bool check_order(std::string_view type, std::string_view data, bool after_idat, Header& h, std::string& error) {
  if (type == "PLTE") {
    if (after_idat || h.palette > 0 || h.colour == 0 || h.colour == 4 || data.empty() || data.size() % 3 != 0 ||
        data.size() > 768)
      return error = "damaged PNG palette", false;
    h.palette = static_cast<int>(data.size() / 3);
    return true;
  }
  if (type == "IHDR") return error = "damaged PNG (a second header)", false;
  const bool critical = type[0] >= 'A' && type[0] <= 'Z';
  if (critical && type != "IDAT" && type != "IEND")
    return error = fmt::format("PNG chunk '{}' is not supported", type), false;
  return true;
}

}  // namespace

bool check_png(std::string_view b, std::string& error) {
  static constexpr std::string_view sig("\x89PNG\r\n\x1a\n", 8);
  if (b.substr(0, 8) != sig) return error = "not a PNG image", false;
  Header h;
  std::string idat;
  bool seen_header = false, in_idat = false, after_idat = false;
  for (std::size_t at = 8;;) {
    if (b.size() - at < 12) return error = "damaged PNG (it ends too early)", false;
    const std::uint32_t len = be32(b, at);
    if (len > 0x7fffffffu || len > b.size() - at - 12) return error = "damaged PNG (it ends too early)", false;
    const std::string_view type = b.substr(at + 4, 4), data = b.substr(at + 8, len);
    for (char c : type)
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return error = "damaged PNG (a bad chunk name)", false;
    const auto crc = crc32(crc32(0, nullptr, 0), reinterpret_cast<const Bytef*>(type.data()), 4 + len);
    if (crc != be32(b, at + 8 + len)) return error = fmt::format("damaged PNG (bad checksum in '{}')", type), false;
    at += 12 + len;
    if (!seen_header) {
      if (type != "IHDR") return error = "damaged PNG header", false;
      if (!read_header(data, h, error)) return false;
      seen_header = true;
      continue;
    }
    if (type == "IEND") break;
    if (type == "IDAT") {
      if (after_idat) return error = "damaged PNG (pixel data in separate parts)", false;
      in_idat = true;
      idat.append(data);
      continue;
    }
    after_idat = after_idat || in_idat;
    if (!check_order(type, data, after_idat, h, error)) return false;
  }
  if (idat.empty()) return error = "damaged PNG (no pixel data)", false;
  if (h.colour == 3 && h.palette == 0) return error = "damaged PNG (a palette image without its palette)", false;
  return check_pixels(idat, h, error);
}

}  // namespace briefing::layout
