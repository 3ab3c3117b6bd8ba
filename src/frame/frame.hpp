// The display list: pages of positioned items between composition and output. No PDF here.
#pragma once

#include <array>
#include <string>
#include <variant>
#include <vector>

#include "base/diag.hpp"

namespace briefing::frame {

/// A device colour: grey (1 component), RGB (3) or CMYK (4), components in 0..1.
struct Colour {
  enum class Space { grey, rgb, cmyk };
  Space space = Space::grey;
  std::array<double, 4> c{0, 0, 0, 0};
  friend bool operator==(const Colour&, const Colour&) = default;
};

/// A glyph of a run: the code point shown (through the font's cmap) and its x from the run's origin.
struct Glyph {
  char32_t cp = 0;
  double x = 0;
};

/// Text in one font and size on one baseline. Coordinates: points from the page's top-left, y down.
struct GlyphRun {
  double x = 0, y = 0;  ///< origin of the run, y on the baseline
  int font = 0;         ///< index into Document::fonts
  double size = 10;
  Colour colour;
  std::vector<Glyph> glyphs;
  std::string text;     ///< the text shown, spaces included (UTF-8): for traces and tests
  std::string role;     ///< what the run is part of ("body", "title", …): for traces and tests
  base::SourcePos source;
};

/// A rectangle, filled and/or stroked, optionally with rounded corners.
struct Rect {
  double x = 0, y = 0, w = 0, h = 0;  ///< top-left corner and size
  bool fill = true;
  Colour fill_colour;
  bool stroke = false;
  Colour stroke_colour;
  double stroke_width = 0;
  double radius = 0;
  std::string role;
};

/// A straight line.
struct Rule {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double width = 0.5;
  Colour colour;
  std::string role;
};

/// A raster image (PNG or JPEG file) scaled into a box.
struct Image {
  double x = 0, y = 0, w = 0, h = 0;  ///< top-left corner and size
  std::string file;
  std::string role;
};

/// Any item of the display list.
using Item = std::variant<GlyphRun, Rect, Rule, Image>;

/// One page. Coordinates are on the trimmed page; bleed and the crop-mark slug lie outside it.
struct Page {
  double width = 595.2756, height = 841.8898;  ///< the trimmed page
  double bleed = 0;                            ///< paper beyond the trim that colour may run into
  bool crop_marks = false;                     ///< draw crop marks outside the bleed
  std::vector<Item> items;
};

/// Document information for the output's metadata.
struct Info {
  std::string title, author, subject, keywords, creator;
  std::string date;  ///< "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ"; empty for none
  std::string lang;
};

/// A whole document: pages, the font files they use, and metadata.
struct Document {
  std::vector<Page> pages;
  std::vector<std::string> fonts;  ///< font file paths, indexed by GlyphRun::font
  Info info;
};

}  // namespace briefing::frame
