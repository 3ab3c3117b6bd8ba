// Font files loaded once and shared: HarfBuzz faces for metrics, coverage and shaping.
#pragma once

#include <hb.h>

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace briefing::typeset {

/// One TrueType face: its bytes, a HarfBuzz face and font (scale = units per em), and metrics.
class Font {
 public:
  /// Loads a glyf-outline TrueType file; returns null with a lowercase reason in `error`.
  static std::unique_ptr<Font> load(const std::string& path, std::string& error);
  ~Font();
  Font(const Font&) = delete;
  Font& operator=(const Font&) = delete;

  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] const std::string& data() const { return data_; }
  [[nodiscard]] hb_face_t* hb_face() const { return face_; }
  [[nodiscard]] hb_font_t* hb_font() const { return font_; }
  [[nodiscard]] unsigned upem() const { return upem_; }
  /// True when the font's cmap maps the code point to a real glyph.
  [[nodiscard]] bool has(char32_t cp) const;
  /// The glyph the cmap maps a code point to (0 when none).
  [[nodiscard]] hb_codepoint_t glyph(char32_t cp) const;
  /// The code point whose cmap entry is `gid`, or 0 when the glyph is not encoded.
  [[nodiscard]] char32_t codepoint_of(hb_codepoint_t gid) const;
  /// Ascender and descender (positive down) as fractions of the em.
  [[nodiscard]] double ascender() const { return ascender_; }
  [[nodiscard]] double descender() const { return descender_; }
  /// Cap height as a fraction of the em.
  [[nodiscard]] double cap_height() const { return cap_height_; }

 private:
  Font() = default;
  std::string path_;
  std::string data_;
  hb_blob_t* blob_ = nullptr;
  hb_face_t* face_ = nullptr;
  hb_font_t* font_ = nullptr;
  unsigned upem_ = 1000;
  double ascender_ = 0.8, descender_ = 0.2, cap_height_ = 0.7;
  mutable std::once_flag reverse_once_;
  mutable std::unordered_map<hb_codepoint_t, char32_t> reverse_;
};

/// Identifies a font inside a FontBook.
using FontId = int;

/// Owns every font a run uses, loaded once per path; thread-safe for loading and lookup.
class FontBook {
 public:
  /// The id of the font at `path`, loading it on first use; -1 with a reason in `error` on failure.
  FontId load(const std::string& path, std::string& error);
  [[nodiscard]] const Font& get(FontId id) const;
  [[nodiscard]] std::size_t size() const;

 private:
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<Font>> fonts_;
  std::unordered_map<std::string, FontId> by_path_;
};

}  // namespace briefing::typeset
