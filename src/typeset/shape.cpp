#include "typeset/shape.hpp"

#include <algorithm>
#include <mutex>

namespace briefing::typeset {

namespace {

/// A HarfBuzz buffer per thread, reused for every word.
hb_buffer_t* thread_buffer() {
  struct Owner {
    hb_buffer_t* buf = hb_buffer_create();
    ~Owner() { hb_buffer_destroy(buf); }
  };
  thread_local Owner owner;
  hb_buffer_reset(owner.buf);
  return owner.buf;
}

/// Runs HarfBuzz with the given features; false when a glyph cannot be emitted by code point.
bool run(const Font& font, std::u32string_view text, std::string_view lang, const std::vector<hb_feature_t>& feats,
         std::vector<ShapedGlyph>& out) {
  hb_buffer_t* buf = thread_buffer();
  hb_buffer_add_utf32(buf, reinterpret_cast<const uint32_t*>(text.data()), static_cast<int>(text.size()), 0,
                      static_cast<int>(text.size()));
  hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
  hb_buffer_set_script(buf, HB_SCRIPT_LATIN);
  hb_buffer_set_language(buf, hb_language_from_string(lang.data(), static_cast<int>(lang.size())));
  hb_shape(font.hb_font(), buf, feats.data(), static_cast<unsigned>(feats.size()));
  unsigned n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &n);
  out.clear();
  out.reserve(n);
  bool ok = true;
  const double upem = font.upem();
  for (unsigned i = 0; i < n && ok; ++i) {
    const unsigned cl = info[i].cluster;
    const unsigned next = i + 1 < n ? info[i + 1].cluster : static_cast<unsigned>(text.size());
    const char32_t src = cl < text.size() ? text[cl] : 0;
    char32_t cp = src;
    if (font.glyph(src) != info[i].codepoint || next > cl + 1) cp = font.codepoint_of(info[i].codepoint);
    if (cp == 0 || font.glyph(cp) != info[i].codepoint) ok = false;
    out.push_back({cp, pos[i].x_advance / upem, cl});
  }
  return ok;
}

hb_feature_t feature(const char* name, unsigned value) {
  hb_feature_t f{};
  hb_feature_from_string(name, -1, &f);
  f.value = value;
  return f;
}

/// Kerning and standard ligatures, no contextual alternates.
const std::vector<hb_feature_t>& normal_features() {
  static const std::vector<hb_feature_t> f = {feature("kern", 1), feature("liga", 1), feature("calt", 0),
                                              feature("clig", 0)};
  return f;
}

/// Kerning alone: every substitution feature off.
const std::vector<hb_feature_t>& plain_features() {
  static const std::vector<hb_feature_t> f = [] {
    std::vector<hb_feature_t> v = {feature("kern", 1)};
    for (const char* name : {"liga", "clig", "calt", "ccmp", "locl", "rlig", "dlig", "rclt"})
      v.push_back(feature(name, 0));
    return v;
  }();
  return f;
}

/// Shapes without the cache: normal features, then plain, then nominal glyphs.
std::vector<ShapedGlyph> shape_now(const Font& font, std::u32string_view text, std::string_view lang) {
  std::vector<ShapedGlyph> out;
  if (run(font, text, lang, normal_features(), out)) return out;
  if (run(font, text, lang, plain_features(), out)) return out;
  // Last resort: nominal glyphs with their own advances, no kerning.
  out.clear();
  for (unsigned i = 0; i < text.size(); ++i) {
    const auto g = font.glyph(text[i]);
    out.push_back({text[i], hb_font_get_glyph_h_advance(font.hb_font(), g) / static_cast<double>(font.upem()), i});
  }
  return out;
}

}  // namespace

const std::vector<ShapedGlyph>* ShapeCache::find(std::string_view lang, std::u32string_view text) const {
  std::shared_lock lock(mutex_);
  for (const auto& [l, texts] : by_lang_) {
    if (l != lang) continue;
    const auto it = texts->find(text);
    return it == texts->end() ? nullptr : &it->second;
  }
  return nullptr;
}

const std::vector<ShapedGlyph>& ShapeCache::add(std::string_view lang, std::u32string_view text,
                                                std::vector<ShapedGlyph> glyphs) {
  std::unique_lock lock(mutex_);
  auto it = std::find_if(by_lang_.begin(), by_lang_.end(), [&](const auto& p) { return p.first == lang; });
  if (it == by_lang_.end()) it = by_lang_.emplace(by_lang_.end(), std::string(lang), std::make_unique<Texts>());
  return it->second->try_emplace(std::u32string(text), std::move(glyphs)).first->second;
}

const std::vector<ShapedGlyph>& shape(const Font& font, std::u32string_view text, std::string_view lang) {
  if (const auto* hit = font.shapes().find(lang, text)) return *hit;
  return font.shapes().add(lang, text, shape_now(font, text, lang));
}

}  // namespace briefing::typeset
