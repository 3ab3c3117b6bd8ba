// The fuzz targets' bodies, shared by the libFuzzer harnesses and the Catch2 test that replays the
// crashers kept in tests/fuzz-regressions: one function per harness, each taking raw input bytes.
#pragma once

#include <unistd.h>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>
#include <string_view>

#include "article/load.hpp"
#include "base/fileio.hpp"
#include "compose/compose.hpp"
#include "layout/image.hpp"
#include "layout/load.hpp"
#include "pdf/write.hpp"

namespace briefing::fuzz {

/// The shipped layouts and fonts, so that fuzzed layouts resolve `extends` and font names as the
/// tool would.
inline layout::SearchPaths search_paths() {
  return {std::string(BRIEFING_SOURCE_DIR) + "/layouts", std::string(BRIEFING_SOURCE_DIR) + "/fonts"};
}

/// Where a fuzzed layout claims to live: beside the shipped ones, so relative font paths resolve.
inline std::string layout_path() {
  return std::string(BRIEFING_SOURCE_DIR) + "/layouts/fuzz.xml";
}

/// Formats every diagnostic (exercises the positions) and returns how many errors there were.
inline std::size_t drain(const base::DiagSink& diags) {
  std::size_t n = 0;
  for (const auto& d : diags.items()) n += base::format(d).empty() ? 0 : 1;
  return n;
}

/// Loads bytes as an article.
inline void article_one(std::string_view bytes) {
  base::DiagSink diags;
  const auto art = article::load_from_string(bytes, "fuzz.xml", diags);
  if (art && diags.has_errors()) __builtin_trap();  // a loaded article carries no errors
  drain(diags);
}

/// Loads bytes as a layout, then lints it.
inline void layout_one(std::string_view bytes) {
  base::DiagSink diags;
  const auto lay = layout::load_from_string(bytes, layout_path(), search_paths(), diags);
  if (lay && diags.has_errors()) __builtin_trap();
  if (lay) layout::lint(*lay, diags);
  drain(diags);
}

/// The shipped layout used when a render input has no layout part.
inline const std::string& default_layout_xml() {
  static const std::string xml = [] {
    std::string err;
    return base::read_file(std::string(BRIEFING_SOURCE_DIR) + "/layouts/a4-briefing.xml", err).value_or("");
  }();
  return xml;
}

/// Renders "ARTICLE\0LAYOUT" (or just ARTICLE with the a4-briefing layout) to PDF bytes in memory.
inline void render_one(std::string_view bytes) {
  const auto nul = bytes.find('\0');
  const std::string_view article_xml = bytes.substr(0, nul);
  const std::string_view layout_xml = nul == std::string_view::npos ? default_layout_xml() : bytes.substr(nul + 1);
  base::DiagSink diags;
  const auto art = article::load_from_string(article_xml, "fuzz.xml", diags);
  const auto lay = layout::load_from_string(layout_xml, layout_path(), search_paths(), diags);
  if (!art || !lay) return;
  typeset::FontBook fonts;
  const auto doc = compose::compose(*art, *lay, fonts, diags);
  if (!doc) return;
  std::string pdf, error;
  const bool ok = pdf::render(*doc, fonts, {}, pdf, error);
  // What composition accepted, the PDF stage must write (characters beyond the BMP are its one refusal).
  if (!ok && error.find("basic multilingual plane") == std::string::npos) __builtin_trap();
  if (ok && pdf.rfind("%PDF-", 0) != 0) __builtin_trap();
  drain(diags);
}

/// Probes bytes as an image file and, when the loader accepts it, renders it on a page as the PDF
/// stage would (libharu reads the file itself: the probe must not let through what it chokes on).
inline void image_one(std::string_view bytes) {
  static const std::string path = "/tmp/briefing-fuzz-image-" + std::to_string(::getpid());
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  layout::ImageInfo info;
  std::string error;
  if (!layout::probe_image(path, info, error)) return;
  frame::Image image;
  image.x = image.y = 10;
  image.w = image.h = 100;
  image.file = path;
  frame::Document doc;
  doc.pages.resize(1);
  doc.pages[0].items.emplace_back(std::in_place_type<frame::Image>, std::move(image));
  typeset::FontBook fonts;
  std::string pdf;
  (void)pdf::render(doc, fonts, {}, pdf, error);
}

}  // namespace briefing::fuzz
