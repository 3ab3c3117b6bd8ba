#include "layout/image.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <string_view>

#include "base/fileio.hpp"
#include "layout/png.hpp"

namespace briefing::layout {

namespace {

unsigned byte(std::string_view b, std::size_t at) {
  return static_cast<unsigned char>(b[at]);
}
unsigned be16(std::string_view b, std::size_t at) {
  return (byte(b, at) << 8) | byte(b, at + 1);
}
unsigned long be32(std::string_view b, std::size_t at) {
  return (static_cast<unsigned long>(be16(b, at)) << 16) | be16(b, at + 2);
}

/// PNG: the signature, then IHDR with width and height.
bool png(std::string_view b, ImageInfo& info) {
  if (b.size() < 33 || b.substr(0, 8) != std::string_view("\x89PNG\r\n\x1a\n", 8) || b.substr(12, 4) != "IHDR")
    return false;
  info = {ImageInfo::Kind::png, static_cast<int>(std::min(be32(b, 16), 1UL << 30)),
          static_cast<int>(std::min(be32(b, 20), 1UL << 30))};
  return true;
}

/// JPEG: walk the markers to the first start-of-frame.
bool jpeg(std::string_view b, ImageInfo& info) {
  if (b.size() < 4 || byte(b, 0) != 0xFF || byte(b, 1) != 0xD8) return false;
  for (std::size_t i = 2; i + 9 < b.size();) {
    if (byte(b, i) != 0xFF) return false;
    const unsigned m = byte(b, i + 1);
    if (m == 0xFF) {
      ++i;
      continue;
    }
    const bool sof = m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
    if (sof) {
      info = {ImageInfo::Kind::jpeg, static_cast<int>(be16(b, i + 7)), static_cast<int>(be16(b, i + 5))};
      return true;
    }
    i += 2 + be16(b, i + 2);
  }
  return false;
}

/// libharu copies a JPEG's data into the PDF without decoding it: refuse one cut short, with no
/// end-of-image marker after its scan data, which every viewer would report.
bool check_jpeg(std::string_view b, std::string& error) {
  const auto scan = b.find("\xFF\xDA");
  if (scan == std::string_view::npos || b.find("\xFF\xD9", scan) == std::string_view::npos)
    return error = "damaged JPEG (it ends too early)", false;
  return true;
}

}  // namespace

bool probe_image(const std::string& path, ImageInfo& info, std::string& error) {
  const auto size = base::file_size(path);
  if (!size) return error = "cannot read the file", false;
  constexpr auto limit = static_cast<std::size_t>(kMaxImageBytes);
  if (*size > limit) return error = base::too_large(*size, limit), false;
  // Read once: the header gives the size, and libpng, inside libharu, aborts the process on
  // damaged data, so every byte it will read is checked here too.
  std::string why;
  const auto bytes = base::read_file(path, why, limit);
  if (!bytes) return error = "cannot read the file", false;
  if (!png(*bytes, info) && !jpeg(*bytes, info)) return error = "not a PNG or JPEG image (or a damaged one)", false;
  if (info.width <= 0 || info.height <= 0) return error = "the image has no pixels", false;
  if (info.width > kMaxImagePixels || info.height > kMaxImagePixels)
    return error = fmt::format("the image is {} x {} pixels; at most {} on a side is accepted", info.width, info.height,
                               kMaxImagePixels),
           false;
  return info.kind == ImageInfo::Kind::png ? check_png(*bytes, error) : check_jpeg(*bytes, error);
}

}  // namespace briefing::layout
