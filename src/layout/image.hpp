// Reads the size and kind of a PNG or JPEG file from its header, so that layouts can check images.
#pragma once

#include <string>

namespace briefing::layout {

/// What an image file's header says.
struct ImageInfo {
  enum class Kind { png, jpeg };
  Kind kind = Kind::png;
  int width = 0, height = 0;  ///< pixels
};

/// Largest image accepted, in pixels on a side and bytes on disk.
inline constexpr int kMaxImagePixels = 10000;
inline constexpr long kMaxImageBytes = 20L * 1024 * 1024;

/// Probes a PNG or JPEG file; false with a lowercase reason in `error` when it is neither, is
/// damaged, or is larger than the limits above.
bool probe_image(const std::string& path, ImageInfo& info, std::string& error);

}  // namespace briefing::layout
