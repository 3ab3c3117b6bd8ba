// UTF-8 decoding and small text helpers shared by every stage.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace briefing::base {

/// Decodes UTF-8 into code points; invalid sequences become U+FFFD and set `*valid` false.
[[nodiscard]] std::u32string utf8_decode(std::string_view s, bool* valid = nullptr);

/// Encodes one code point as UTF-8 and appends it.
void utf8_append(std::string& out, char32_t cp);

/// Encodes code points as UTF-8.
[[nodiscard]] std::string utf8_encode(std::u32string_view s);

/// Byte offset of the first invalid UTF-8 sequence, or npos when the text is valid.
[[nodiscard]] std::size_t utf8_first_invalid(std::string_view s);

/// Collapses runs of XML whitespace (space, tab, CR, LF) to single spaces; keeps no-break spaces.
[[nodiscard]] std::string collapse_space(std::string_view s);

/// Removes leading and trailing XML whitespace.
[[nodiscard]] std::string_view trim(std::string_view s);

/// Lower-cases ASCII letters.
[[nodiscard]] std::string to_lower_ascii(std::string_view s);

/// `U+00E9` style name of a code point.
[[nodiscard]] std::string codepoint_label(char32_t cp);

/// Upper-cases Latin-1 and Latin Extended-A letters and the ASCII range; leaves others alone.
[[nodiscard]] std::u32string to_upper(std::u32string_view s);

/// Maps byte offsets in a buffer to 1-based line and column (columns count code points). A look-up
/// costs at most a scan of one stride of bytes, however long the line: a layout or article written
/// on one huge line must not make positions quadratic.
class LineMap {
 public:
  explicit LineMap(std::string_view text);
  /// Line and column of a byte offset (clamped to the buffer).
  [[nodiscard]] std::pair<int, int> locate(std::size_t offset) const;

 private:
  static constexpr std::size_t kStride = 1024;
  /// Code points that start before `offset`.
  [[nodiscard]] std::size_t code_points_before(std::size_t offset) const;

  std::string_view text_;
  std::vector<std::size_t> line_starts_;
  std::vector<std::size_t> stride_points_;  ///< code points before each multiple of kStride
};

}  // namespace briefing::base
