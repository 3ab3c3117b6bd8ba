// Shared pieces of composition: resolved styles, rows of the flow, and the composing context.
#pragma once

#include <array>
#include <functional>
#include <iterator>
#include <map>
#include <set>
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
  bool scaled = false;  ///< copy-fitting changes its size from pass to pass (body, headings)
};

/// A horizontal slice of a column: items relative to the row's top-left corner.
struct Row {
  double height = 0;
  double space_before = 0;   ///< dropped at the top of a column
  double space_after = 0;    ///< added before the next row, dropped at the foot of a column
  bool break_before = true;  ///< a column may end before this row
  std::vector<frame::Item> items;
  int body_lines = 0;  ///< body text lines in the row (for fit reports)
  std::string label;   ///< what an unbreakable block is ("key-facts box"), for overflow reports
};

/// A float: one unbreakable row placed in the flow near an anchor, never split.
struct Float {
  Row row;
  std::size_t anchor = 0;  ///< index of the flow row after which it should appear
};

class RowMemo;

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
  std::set<std::string> failed_fonts;  ///< font files already reported as unloadable
  const typeset::Hyphenator* hyphenator = nullptr;
  RowMemo* memo = nullptr;                           ///< set text shared by the copy-fitting passes
  typeset::WordCache* words = nullptr;               ///< shaped and cut words, shared by the passes
  std::vector<typeset::FontId>* font_log = nullptr;  ///< where doc_font() notes the fonts it is asked for

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

/// Moves every element of `from` to the end of `to`.
template <typename T>
void append(std::vector<T>& to, std::vector<T>&& from) {
  if (to.empty()) {
    to = std::move(from);
  } else {
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  }
}

/// Converts a set line into glyph runs at (x, baseline).
void emit_line(Ctx& ctx, const typeset::SetLine& line, double x, double baseline, const std::string& role,
               const base::SourcePos& src, std::vector<frame::Item>& out);

/// Stacks rows into one (for boxes and callouts); items shift down by the rows above.
Row stack(const std::vector<Row>& rows);

/// Shifts every item of a list from index `from` on by (dx, dy).
void translate(std::vector<frame::Item>& items, double dx, double dy, std::size_t from = 0);

/// Body text rows at `width`; `block_end[b]` is set to the row index after block b.
std::vector<Row> body_rows(Ctx& ctx, double width, std::vector<std::size_t>& block_end);
/// The chosen callouts at `width`, each with the row index it should follow (never next to its quotation).
std::vector<Float> callout_rows(Ctx& ctx, double width, const std::vector<std::size_t>& block_end);
/// The key-facts box as one unbreakable row.
Row key_facts(Ctx& ctx, double width);
/// The who-is-who list's title row (with its rule).
Row who_title(Ctx& ctx, double width);
/// The who-is-who list's entries, one row per person.
std::vector<Row> who_entries(Ctx& ctx, double width);
/// The title band as one row; its text keeps clear of `reserve_right` pt at the right (for a logo).
Row title_band(Ctx& ctx, double width, double reserve_right = 0);

/// A column of the flow on one page, in page coordinates.
struct Column {
  std::size_t page = 0;
  double x = 0, top = 0, bottom = 0;
  bool fresh = true;  ///< starts at the top of the page's region (else below earlier content)
};

/// Items placed on one page by a flow.
struct Placed {
  std::size_t page = 0;
  std::vector<frame::Item> items;
  int body_lines = 0;
  double height = 0;
  double max_y = 0;  ///< lowest point reached on the page
};

/// Something that did not fit where it was put: a row taller than a whole column.
struct Overflow {
  std::string label;
  double excess = 0;  ///< pt beyond the column's foot
  base::SourcePos source;
};

/// What a flow did.
struct FlowResult {
  std::vector<Placed> pages;
  std::size_t columns_used = 0;
  std::vector<Overflow> overflows;
  int forced_breaks = 0;  ///< keep groups that had to be broken because a column was too short
};

/// What a flow does with the rows' items: only measures where everything goes (the placed
/// pages get no items; for trial flows), or moves the items onto the pages (the rows and floats
/// are left without items).
enum class Placing { measure, take };

/// Flows rows (and floats near their anchors) through the columns `column_at(0, 1, …)` gives;
/// keeps rows joined where break_before is false; never splits a float.
FlowResult flow(std::vector<Row>& rows, std::vector<Float>& floats, const std::function<Column(std::size_t)>& column_at,
                Placing placing);

/// A run of content in the main region with its own column count (1 = spanning the region).
struct Section {
  std::vector<Row> rows;
  std::vector<Float> floats;
  int columns = 1;
  bool balance = false;  ///< balance the columns on the section's last page
};

/// Where the next section starts.
struct Cursor {
  std::size_t page = 0;
  double y = 0;
  double gap = 0;  ///< space owed before the next content (dropped at a page top)
};

/// The main region's geometry per page.
struct Region {
  double x = 0, width = 0, gutter = 0;
  std::function<double(std::size_t)> top;  ///< top of the region on a page
  double bottom = 0;
};

/// Flows a section from the cursor, balancing its last page if asked; moves its items to `pages`
/// (indexed by page) and returns the cursor after it.
Cursor flow_section(Section s, Cursor at, const Region& region, std::vector<Placed>& pages,
                    std::vector<Overflow>& overflows);

/// Fills a header/footer template: {title} {date} {marking} {page} {pages} {source} (template.cpp).
std::string fill_template(const std::string& tmpl, const article::Article& art, int page, int pages);

/// Human date of the article: "4–7 November 2024" (template.cpp).
std::string human_date(const article::DateRange& d);

}  // namespace briefing::compose
