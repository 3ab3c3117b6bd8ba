// Font files loaded once and shared: HarfBuzz faces for metrics, coverage and shaping.
#pragma once

#include <hb.h>

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace briefing::typeset {

class ShapeCache;

/// How a font's whole file is held for subsetting. `copied` reads it into memory of its own, so
/// that a file rewritten later cannot change it: for processes that run on (build, watch).
/// `mapped` maps the file read-only, which costs no copy and touches only the pages the subset
/// needs: for a process that renders once and exits. The mapped pages are the file's own, so
/// a file truncated while that process runs would fault.
enum class FontFiles { copied, mapped };

/// One TrueType face: a HarfBuzz face and font (scale = units per em), and metrics. The face
/// reads each table from the file when HarfBuzz first asks for it (most are never needed), into
/// memory of its own, so that a file rewritten meanwhile cannot change what is already read.
class Font {
 public:
  /// Loads a glyf-outline TrueType file; returns null with a lowercase reason in `error`.
  static std::unique_ptr<Font> load(const std::string& path, std::string& error, FontFiles files = FontFiles::copied);
  ~Font();
  Font(const Font&) = delete;
  Font& operator=(const Font&) = delete;

  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] hb_face_t* hb_face() const { return face_; }
  /// A face over the whole file, read on first use: hb-subset wants every table.
  [[nodiscard]] hb_face_t* file_face() const;
  [[nodiscard]] hb_font_t* hb_font() const { return font_; }
  [[nodiscard]] unsigned upem() const { return upem_; }
  /// True when the font's cmap maps the code point to a real glyph.
  [[nodiscard]] bool has(char32_t cp) const { return glyph(cp) != 0; }
  /// The glyph the cmap maps a code point to (0 when none); BMP answers are remembered.
  [[nodiscard]] hb_codepoint_t glyph(char32_t cp) const;
  /// The code point whose cmap entry is `gid`, or 0 when the glyph is not encoded.
  [[nodiscard]] char32_t codepoint_of(hb_codepoint_t gid) const;
  /// Ascender and descender (positive down) as fractions of the em.
  [[nodiscard]] double ascender() const { return ascender_; }
  [[nodiscard]] double descender() const { return descender_; }
  /// Cap height as a fraction of the em.
  [[nodiscard]] double cap_height() const { return cap_height_; }
  /// Shaped words already seen in this font (see shape.hpp); thread-safe.
  [[nodiscard]] ShapeCache& shapes() const { return *shapes_; }
  /// A number no other font of this process has, for caches keyed by font (an address may be
  /// reused after a font is freed; a serial never is).
  [[nodiscard]] std::uint64_t serial() const { return serial_; }

 private:
  /// Where a table lies in the file.
  struct Table {
    hb_tag_t tag;
    std::uint32_t offset, length;
  };

  Font();
  /// Opens the file and reads its table directory; false with a reason in `error`.
  bool open(const std::string& path, std::string& error);
  /// Checks the tables and reads the metrics; false with a reason in `error`.
  bool check(std::string& error);
  /// HarfBuzz's table callback: the font reads the table from its file.
  static hb_blob_t* reference_table(hb_face_t* face, hb_tag_t tag, void* self);
  /// Reads one table (clipped to the file, as HarfBuzz clips a table of a font in memory).
  [[nodiscard]] hb_blob_t* read_table(hb_tag_t tag) const;
  /// Reads `length` bytes at `offset` into a blob; the empty blob when the file is shorter.
  [[nodiscard]] hb_blob_t* read_blob(std::uint64_t offset, std::uint64_t length) const;
  [[nodiscard]] hb_blob_t* read_whole() const;
  [[nodiscard]] bool has_table(hb_tag_t tag) const;
  /// Asks HarfBuzz for the cmap entry of a code point.
  [[nodiscard]] hb_codepoint_t lookup(char32_t cp) const;

  std::string path_;
  std::uint64_t serial_ = 0;
  FontFiles files_ = FontFiles::copied;
  int fd_ = -1;
  std::uint64_t size_ = 0;
  std::vector<Table> tables_;
  hb_face_t* face_ = nullptr;
  mutable std::once_flag file_once_;
  mutable hb_face_t* file_face_ = nullptr;
  hb_font_t* font_ = nullptr;
  unsigned upem_ = 1000;
  double ascender_ = 0.8, descender_ = 0.2, cap_height_ = 0.7;
  /// BMP cmap answers in blocks of 256 codes, each made on first use (a text needs two or three):
  /// 0 until asked, else the glyph with bit 31 set.
  mutable std::array<std::atomic<std::uint32_t*>, 256> bmp_{};
  std::unique_ptr<ShapeCache> shapes_;
  mutable std::once_flag reverse_once_;
  mutable std::unordered_map<hb_codepoint_t, char32_t> reverse_;
};

/// Identifies a font inside a FontBook.
using FontId = int;

/// Owns every font a run uses, loaded once per path; thread-safe for loading and lookup.
class FontBook {
 public:
  explicit FontBook(FontFiles files = FontFiles::copied);
  ~FontBook();
  FontBook(const FontBook&) = delete;
  FontBook& operator=(const FontBook&) = delete;

  /// The id of the font at `path`, loading it on first use; -1 with a reason in `error` on failure.
  FontId load(const std::string& path, std::string& error);
  /// A loaded font; lock-free, since ids only come from load().
  [[nodiscard]] const Font& get(FontId id) const;
  [[nodiscard]] std::size_t size() const;

 private:
  static constexpr std::size_t kChunk = 64, kChunks = 1024;
  /// Fonts in fixed chunks that never move, so that get() needs no lock.
  using Chunk = std::array<std::unique_ptr<Font>, kChunk>;

  FontFiles files_;
  mutable std::mutex mutex_;
  std::array<std::unique_ptr<Chunk>, kChunks> chunks_;
  std::size_t count_ = 0;
  std::unordered_map<std::string, FontId> by_path_;
};

}  // namespace briefing::typeset
