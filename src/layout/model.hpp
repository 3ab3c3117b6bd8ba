// The layout-definition model: page, regions, styles and the placement of boxes, as plain values.
#pragma once

#include <array>
#include <map>
#include <string>
#include <vector>

#include "base/diag.hpp"

namespace briefing::layout {

/// A colour in one of the PDF's device spaces; components in 0..1.
struct Colour {
  enum class Space { grey, rgb, cmyk };
  Space space = Space::grey;
  std::array<double, 4> c{0, 0, 0, 0};

  static Colour grey(double g) { return {Space::grey, {g, 0, 0, 0}}; }
  static Colour rgb(double r, double g, double b) { return {Space::rgb, {r, g, b, 0}}; }
  /// Relative luminance (WCAG 2) in 0..1, approximating CMYK by naive conversion.
  [[nodiscard]] double luminance() const;
  friend bool operator==(const Colour&, const Colour&) = default;
};

/// The four faces of a font family, as resolved file paths (empty when the layout gives none).
struct FontFamily {
  std::string name;
  std::array<std::string, 4> files;  ///< indexed by face: regular, italic, bold, bold italic
  base::SourcePos pos;
};

/// Face index into FontFamily::files.
enum Face { regular = 0, italic = 1, bold = 2, bold_italic = 3 };

/// Horizontal alignment of a text style.
enum class Align { left, right, centre, justify };

/// A named text style.
struct TextStyle {
  std::string name;
  std::string family = "serif";
  Face face = regular;
  double size = 10;     ///< pt
  double leading = 13;  ///< baseline-to-baseline, pt
  std::string colour = "black";
  Align align = Align::left;
  bool hyphenate = false;
  double space_before = 0;
  double space_after = 0;
  double first_indent = 0;
  double letter_spacing = 0;  ///< pt added after every glyph
  bool uppercase = false;
  std::vector<std::string> fallback;  ///< family names tried when the family lacks a glyph
  base::SourcePos pos;
};

/// Page geometry in points (the trimmed page; bleed lies outside it).
struct Page {
  double width = 595.2756;
  double height = 841.8898;
  double margin_top = 51.0236, margin_bottom = 51.0236, margin_left = 51.0236, margin_right = 51.0236;
  double bleed = 0;         ///< extra paper around the trimmed page for colour that runs off the edge
  bool crop_marks = false;  ///< draw crop marks outside the bleed (adds a slug area to the media)
  base::SourcePos pos;      ///< where <page> is, for diagnostics about it
};

/// The coloured band with the title and standfirst at the top of the first page.
struct TitleBand {
  bool enabled = true;
  std::string fill = "accent";
  double padding = 12;      ///< inside the band, pt
  double space_after = 14;  ///< between the band and the flow
  bool bleed = false;       ///< run the fill to the page edges (top, left and right) and into the bleed
  bool dateline = true;     ///< show "date · place" under the standfirst
};

/// The main text flow.
struct MainFlow {
  bool enabled = true;   ///< false: no article body (a card with only boxes)
  int columns = 1;
  double gutter = 14;
  bool balance = true;   ///< balance the columns on the last page
};

/// An optional column beside the main flow for the key-facts box and the who-is-who list.
struct Sidebar {
  bool enabled = true;
  double width = 155.9;
  double gap = 22.7;
  bool right = true;
  bool following_pages = false;  ///< also on pages after the first (else those pages leave it empty)
};

/// Where a box goes.
enum class Placement { sidebar, top, end, after_paragraph, column, span };

/// Which facts the key-facts box shows.
enum class FactSource { all, tagged, listed };

/// The key-facts box.
struct KeyFacts {
  bool enabled = true;
  std::string title = "Key facts";
  std::string fill = "tint";
  std::string border = "";     ///< colour name; empty for none
  double border_width = 0;
  double padding = 8;
  double radius = 0;
  int max = 0;                 ///< 0 = all
  FactSource source = FactSource::all;
  std::string bullet = "•";    ///< a bullet character, or "1." for numbers
  Placement placement = Placement::sidebar;  ///< sidebar, top, end or after_paragraph
  int after_paragraph = 1;     ///< for Placement::after_paragraph: 1-based paragraph number
  double space_after = 16;
};

/// Which quotations become callouts.
enum class CalloutSelect { marked, first, longest };

/// Quote callouts.
struct Callouts {
  int count = 2;
  CalloutSelect select = CalloutSelect::marked;
  Placement placement = Placement::column;  ///< column, span or sidebar
  std::string rule = "accent";  ///< colour of the rule at the left; empty for none
  double rule_width = 2;
  bool marks = false;           ///< a large opening quotation mark above the text
  double indent = 10;           ///< text indent from the rule
  double space = 9;             ///< above and below
  std::string attribution = "— {name}, {role}";
};

/// How the who-is-who list is ordered.
enum class WhoOrder { mention, surname, declared };

/// The who-is-who list.
struct WhoIsWho {
  bool enabled = true;
  std::string title = "Who is who";
  WhoOrder order = WhoOrder::mention;
  Placement placement = Placement::sidebar;  ///< sidebar or end
  std::string rule = "accent";
  bool role = true;         ///< show the role
  bool affiliation = true;  ///< show the affiliation
  int columns = 1;          ///< 1 (a list) or 2 (two columns)
};

/// A running header or footer: three slots with {field} templates.
struct Running {
  std::string left, centre, right;
  std::string style = "footer";
};

/// The protective marking, centred at the top and the foot of every page unless switched off.
struct Marking {
  bool top = true;
  bool bottom = true;
};

/// A logo or crest drawn on the page.
struct Image {
  std::string file;  ///< resolved path of a PNG or JPEG
  bool every_page = false;
  double x = 0, y = 0;       ///< top-left corner from the trimmed page's top-left, pt
  double width = 0, height = 0;  ///< 0 = from the other dimension and the image's aspect ratio
  base::SourcePos pos;
};

/// A whole layout.
struct Layout {
  std::string name;
  std::string path;
  /// Every file the layout was read from: itself first, then the layouts it extends.
  std::vector<std::string> sources;
  Page page;
  TitleBand band;
  MainFlow main;
  Sidebar sidebar;
  KeyFacts facts;
  Callouts callouts;
  WhoIsWho who;
  Running header{"", "", "{date}", "header"};
  Running footer{"{source}", "", "Page {page} of {pages}", "footer"};
  Marking marking;
  std::vector<Image> images;
  int max_pages = 0;       ///< 0 = unlimited
  double min_body_size = 9;
  std::map<std::string, Colour> palette;
  std::vector<FontFamily> families;
  std::map<std::string, TextStyle> styles;

  [[nodiscard]] const TextStyle& style(const std::string& name) const;
  [[nodiscard]] const FontFamily* family(const std::string& name) const;
  [[nodiscard]] Colour colour(const std::string& name) const;
  /// Every font file the layout's families name (for dependency tracking).
  [[nodiscard]] std::vector<std::string> font_files() const;
};

/// The style names composition uses; every layout defines them (the built-in defaults fill gaps).
const std::vector<std::string>& required_styles();

/// Warnings about a layout that loads but may print badly: body text under 8 pt, text whose
/// contrast with its background is under 4.5:1 (WCAG 2), margins under 5 mm, unused styles.
void lint(const Layout& layout, base::DiagSink& diags);

/// WCAG 2 contrast ratio of two colours (1 to 21).
[[nodiscard]] double contrast(const Colour& a, const Colour& b);

/// A layout with every built-in default: fonts from `fonts_dir`, default palette and styles.
[[nodiscard]] Layout default_layout(const std::string& fonts_dir);

}  // namespace briefing::layout
