#include "layout/image.hpp"

#include <sys/stat.h>

#include <fmt/format.h>
#include <cstdio>
#include <memory>
#include <string_view>
#include <vector>

#include "base/fileio.hpp"
#include "layout/png.hpp"

namespace briefing::layout {

namespace {

unsigned be16(const unsigned char* p) {
  return (static_cast<unsigned>(p[0]) << 8) | p[1];
}
unsigned long be32(const unsigned char* p) {
  return (static_cast<unsigned long>(p[0]) << 24) | (static_cast<unsigned long>(p[1]) << 16) |
         (static_cast<unsigned long>(p[2]) << 8) | p[3];
}

/// PNG: the signature, then IHDR with width and height.
bool png(const std::vector<unsigned char>& b, ImageInfo& info) {
  static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  if (b.size() < 33 || !std::equal(sig, sig + 8, b.begin()) || std::string(b.begin() + 12, b.begin() + 16) != "IHDR")
    return false;
  info = {ImageInfo::Kind::png, static_cast<int>(std::min(be32(&b[16]), 1UL << 30)),
          static_cast<int>(std::min(be32(&b[20]), 1UL << 30))};
  return true;
}

/// JPEG: walk the markers to the first start-of-frame.
bool jpeg(const std::vector<unsigned char>& b, ImageInfo& info) {
  if (b.size() < 4 || b[0] != 0xFF || b[1] != 0xD8) return false;
  for (std::size_t i = 2; i + 9 < b.size();) {
    if (b[i] != 0xFF) return false;
    const unsigned char m = b[i + 1];
    if (m == 0xFF) {
      ++i;
      continue;
    }
    const bool sof = m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
    if (sof) {
      info = {ImageInfo::Kind::jpeg, static_cast<int>(be16(&b[i + 7])), static_cast<int>(be16(&b[i + 5]))};
      return true;
    }
    i += 2 + be16(&b[i + 2]);
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
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return error = "cannot read the file", false;
  if (st.st_size > kMaxImageBytes)
    return error = fmt::format("the file is {:.1f} MB; at most {} MB is accepted", st.st_size / 1048576.0,
                               kMaxImageBytes / 1048576),
           false;
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) return error = "cannot read the file", false;
  std::vector<unsigned char> head(64 * 1024);
  head.resize(std::fread(head.data(), 1, head.size(), f.get()));
  if (!png(head, info) && !jpeg(head, info)) return error = "not a PNG or JPEG image (or a damaged one)", false;
  if (info.width <= 0 || info.height <= 0) return error = "the image has no pixels", false;
  if (info.width > kMaxImagePixels || info.height > kMaxImagePixels)
    return error = fmt::format("the image is {} x {} pixels; at most {} on a side is accepted", info.width, info.height,
                               kMaxImagePixels),
           false;
  // libpng, inside libharu, aborts the process on damaged data: check every byte it will read.
  std::string why;
  const auto bytes = base::read_file(path, why, static_cast<std::size_t>(kMaxImageBytes));
  if (!bytes) return error = "cannot read the file", false;
  return info.kind == ImageInfo::Kind::png ? check_png(*bytes, error) : check_jpeg(*bytes, error);
}

}  // namespace briefing::layout
