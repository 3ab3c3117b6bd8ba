#include "typeset/font.hpp"

#include <hb-ot.h>

#include <fmt/format.h>

#include "base/fileio.hpp"

namespace briefing::typeset {

namespace {
constexpr hb_tag_t tag(const char (&s)[5]) {
  return HB_TAG(s[0], s[1], s[2], s[3]);
}

bool has_table(hb_face_t* face, hb_tag_t t) {
  hb_blob_t* b = hb_face_reference_table(face, t);
  const bool ok = hb_blob_get_length(b) > 0;
  hb_blob_destroy(b);
  return ok;
}
}  // namespace

std::unique_ptr<Font> Font::load(const std::string& path, std::string& error) {
  auto bytes = base::read_file(path, error);
  if (!bytes) return nullptr;
  if (bytes->size() < 12) {
    error = "not a font file (too short)";
    return nullptr;
  }
  std::unique_ptr<Font> f(new Font());
  f->path_ = path;
  f->data_ = std::move(*bytes);
  f->blob_ = hb_blob_create(f->data_.data(), static_cast<unsigned>(f->data_.size()), HB_MEMORY_MODE_READONLY, nullptr,
                            nullptr);
  f->face_ = hb_face_create(f->blob_, 0);
  if (hb_face_get_glyph_count(f->face_) == 0) {
    error = "not a readable TrueType font";
    return nullptr;
  }
  if (has_table(f->face_, tag("CFF ")) || has_table(f->face_, tag("CFF2"))) {
    error = "CFF (.otf) outlines cannot be embedded; use a TrueType (glyf) font";
    return nullptr;
  }
  for (const auto* t : {"glyf", "loca", "cmap", "hmtx", "head", "hhea"}) {
    if (!has_table(f->face_, HB_TAG(t[0], t[1], t[2], t[3]))) {
      error = fmt::format("not a usable TrueType font (no '{}' table)", t);
      return nullptr;
    }
  }
  f->upem_ = hb_face_get_upem(f->face_);
  f->font_ = hb_font_create(f->face_);
  hb_font_set_scale(f->font_, static_cast<int>(f->upem_), static_cast<int>(f->upem_));
  hb_font_extents_t ext{};
  hb_font_get_h_extents(f->font_, &ext);
  f->ascender_ = static_cast<double>(ext.ascender) / f->upem_;
  f->descender_ = -static_cast<double>(ext.descender) / f->upem_;
  hb_position_t cap = 0;
  if (hb_ot_metrics_get_position(f->font_, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap) && cap > 0)
    f->cap_height_ = static_cast<double>(cap) / f->upem_;
  return f;
}

Font::~Font() {
  if (font_) hb_font_destroy(font_);
  if (face_) hb_face_destroy(face_);
  if (blob_) hb_blob_destroy(blob_);
}

bool Font::has(char32_t cp) const {
  return glyph(cp) != 0;
}

hb_codepoint_t Font::glyph(char32_t cp) const {
  hb_codepoint_t g = 0;
  if (!hb_font_get_nominal_glyph(font_, cp, &g)) return 0;
  return g;
}

char32_t Font::codepoint_of(hb_codepoint_t gid) const {
  std::call_once(reverse_once_, [this] {
    hb_set_t* set = hb_set_create();
    hb_face_collect_unicodes(face_, set);
    hb_codepoint_t cp = HB_SET_VALUE_INVALID;
    while (hb_set_next(set, &cp)) {
      const auto g = glyph(cp);
      if (g && !reverse_.count(g)) reverse_[g] = cp;
    }
    hb_set_destroy(set);
  });
  const auto it = reverse_.find(gid);
  return it == reverse_.end() ? 0 : it->second;
}

FontId FontBook::load(const std::string& path, std::string& error) {
  std::lock_guard lock(mutex_);
  if (const auto it = by_path_.find(path); it != by_path_.end()) return it->second;
  auto f = Font::load(path, error);
  if (!f) return -1;
  fonts_.push_back(std::move(f));
  const auto id = static_cast<FontId>(fonts_.size() - 1);
  by_path_[path] = id;
  return id;
}

const Font& FontBook::get(FontId id) const {
  std::lock_guard lock(mutex_);
  return *fonts_.at(static_cast<std::size_t>(id));
}

std::size_t FontBook::size() const {
  std::lock_guard lock(mutex_);
  return fonts_.size();
}

}  // namespace briefing::typeset
