// Shared pieces of composition: resolved styles, rows of the flow, and the composing context.
#pragma once

#include <array>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "article/model.hpp"
#include "base/diag.hpp"
#include "frame/frame.hpp"
#include "layout/model.hpp"
#include "typeset/font.hpp"
#include "typeset/hyphenate.hpp"
#include "typeset/paragraph.hpp"

namespace briefing::compose {

/// A layout style with its fonts loaded and its colour resolved to a paint tag.
struct Style {
  const layout::TextStyle* def = nullptr;
  std::array<std::vector<typeset::FontId>, 4> chains;  ///< font chain per face
  double size = 10, leading = 13;
  int paint = 0;
};

/// A horizontal slice of a column: items relative to the row's top-left corner.
struct Row {
  double height = 0;
  double space_before = 0;      ///< dropped at the top of a column
  double space_after = 0;       ///< added before the next row, dropped at the foot of a column
  bool break_before = true;     ///< a column may end before this row
  std::vector<frame::Item> items;
  int body_lines = 0;           ///< body text lines in the row (for fit reports)
};

/// A float: one unbreakable row placed in the flow near an anchor, never split.
struct Float {
  Row row;
  std::size_t anchor = 0;  ///< index of the flow row after which it should appear
};

/// Everything a composition pass needs.
struct Ctx {
  Ctx(const article::Article& a, const layout::Layout& l, typeset::FontBook& f, base::DiagSink& d, frame::Document& o)
      : art(a), lay(l), fonts(f), diags(d), doc(o) {}
  const article::Article& art;
  const layout::Layout& lay;
  typeset::FontBook& fonts;
  base::DiagSink& diags;
  frame::Document& doc;
  double body_scale = 1.0;  ///< copy-fit: body and heading sizes are multiplied by this
  std::vector<frame::Colour> paints;
  std::map<std::string, Style> styles;
  std::map<typeset::FontId, int> doc_fonts;
  const typeset::Hyphenator* hyphenator = nullptr;

  /// The resolved style of that name (loaded on first use).
  const Style& style(const std::string& name);
  /// The frame font index of a FontBook font.
  int doc_font(typeset::FontId id);
  /// The paint tag of a palette colour.
  int paint(const std::string& colour);
};

/// Spans for article runs in a style (faces from the runs' emphasis; upper-cased if the style says).
std::vector<typeset::Span> spans_for(Ctx& ctx, const Style& st, const std::vector<article::Run>& runs);

/// One span of plain text in a style.
typeset::Span span_for(Ctx& ctx, const Style& st, const std::string& text, const base::SourcePos& pos,
                       layout::Face face_override = layout::regular, bool use_override = false);

/// Sets spans at `width` and returns one row per line (x from 0), or nothing on coverage errors.
std::vector<Row> set_rows(Ctx& ctx, const Style& st, const std::vector<typeset::Span>& spans, double width,
                          const std::string& role, double indent = 0, bool force_left = false);

/// Converts a set line into glyph runs at (x, baseline).
void emit_line(Ctx& ctx, const typeset::SetLine& line, double x, double baseline, const std::string& role,
               const base::SourcePos& src, std::vector<frame::Item>& out);

/// Stacks rows into one (for boxes and callouts); items shift down by the rows above.
Row stack(const std::vector<Row>& rows);

/// Shifts every item of a list by (dx, dy).
void translate(std::vector<frame::Item>& items, double dx, double dy);

/// Builders of the blocks (blocks.cpp).
std::vector<Row> body_rows(Ctx& ctx, double width, std::vector<Float>& floats);
std::vector<Row> sidebar_rows(Ctx& ctx, double width);
Row title_band(Ctx& ctx, double width);

/// A column of the flow on one page, in page coordinates.
struct Column {
  std::size_t page = 0;
  double x = 0, top = 0, bottom = 0;
};

/// Items placed on one page by a flow.
struct Placed {
  std::size_t page = 0;
  std::vector<frame::Item> items;
  int body_lines = 0;
  double height = 0;
};

/// Flows rows (and floats near their anchors) through the columns `column_at(0, 1, …)` gives;
/// keeps rows joined where break_before is false; never splits a float. `columns_used` is set.
std::vector<Placed> flow(const std::vector<Row>& rows, const std::vector<Float>& floats,
                         const std::function<Column(std::size_t)>& column_at, std::size_t& columns_used);

/// Fills a header/footer template: {title} {date} {marking} {page} {pages} {source} (template.cpp).
std::string fill_template(const std::string& tmpl, const article::Article& art, int page, int pages);

/// Human date of the article: "4–7 November 2024" (template.cpp).
std::string human_date(const article::DateRange& d);

}  // namespace briefing::compose
