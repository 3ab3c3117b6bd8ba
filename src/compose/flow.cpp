// Flows rows through columns and pages: keeps, widows and orphans, and floats that never split.
#include <deque>

#include "compose/internal.hpp"

namespace briefing::compose {

namespace {

constexpr double kEps = 0.01;

/// The state of one flow: the current column and what has been placed.
class Flow {
 public:
  Flow(const std::function<Column(std::size_t)>& at, Placing placing)
      : at_(at), placing_(placing), col_(at(0)), y_(col_.top) {}

  void run(std::vector<Row>& rows, std::vector<Float>& floats);
  FlowResult result;

 private:
  bool empty() const { return y_ <= col_.top + kEps; }
  double gap(const Row& r) const { return empty() ? 0 : prev_after_ + r.space_before; }
  bool fits(const Row& r) const { return y_ + gap(r) + r.height <= col_.bottom + kEps; }
  /// A row that does not fit goes to the next column unless this one is as good as it gets.
  bool move_on(const Row& r) const { return !fits(r) && (!empty() || !col_.fresh); }
  void put(Row& r);
  void next_column();
  void offer_float(Row& r);
  double group_height(const std::vector<Row>& rows, std::size_t i, std::size_t j) const;

  const std::function<Column(std::size_t)>& at_;
  Placing placing_;
  std::size_t k_ = 0;
  Column col_;
  double y_ = 0;
  double prev_after_ = 0;
  std::deque<Row*> pending_;  ///< floats waiting for a column with room
};

void Flow::put(Row& r) {
  const double top = y_ + gap(r);
  auto& pages = result.pages;
  if (pages.empty() || pages.back().page != col_.page) pages.push_back({col_.page, {}, 0, 0, 0});
  auto& p = pages.back();
  const std::size_t from = p.items.size();
  if (placing_ == Placing::take) {
    append(p.items, std::move(r.items));
    r.items.clear();
    translate(p.items, col_.x, top, from);
  }
  p.body_lines += r.body_lines;
  p.height += r.height;
  y_ = top + r.height;
  p.max_y = std::max(p.max_y, y_);
  prev_after_ = r.space_after;
  if (y_ > col_.bottom + kEps) {
    base::SourcePos src;  // the row's first glyph run's, wherever its items are now
    const auto& items = placing_ == Placing::take ? p.items : r.items;
    for (std::size_t i = placing_ == Placing::take ? from : 0; i < items.size() && src.line == 0; ++i)
      if (const auto* g = std::get_if<frame::GlyphRun>(&items[i]); g && g->source.line > 0) src = g->source;
    result.overflows.push_back({r.label.empty() ? "a line of text" : r.label, y_ - col_.bottom, src});
  }
}

void Flow::next_column() {
  col_ = at_(++k_);
  y_ = col_.top;
  prev_after_ = 0;
  while (!pending_.empty() && !move_on(*pending_.front())) {
    put(*pending_.front());
    pending_.pop_front();
  }
}

void Flow::offer_float(Row& r) {
  if (pending_.empty() && fits(r)) {
    put(r);
  } else {
    pending_.push_back(&r);
  }
}

double Flow::group_height(const std::vector<Row>& rows, std::size_t i, std::size_t j) const {
  double h = gap(rows[i]) + rows[i].height;
  for (std::size_t m = i + 1; m < j; ++m) h += rows[m - 1].space_after + rows[m].space_before + rows[m].height;
  return h;
}

void Flow::run(std::vector<Row>& rows, std::vector<Float>& floats) {
  std::size_t fi = 0;
  for (std::size_t i = 0; i < rows.size();) {
    while (fi < floats.size() && floats[fi].anchor <= i) offer_float(floats[fi++].row);
    std::size_t j = i + 1;
    while (j < rows.size() && !rows[j].break_before) ++j;
    if (y_ + group_height(rows, i, j) > col_.bottom + kEps && (!empty() || !col_.fresh)) {
      next_column();
      if (y_ + group_height(rows, i, j) > col_.bottom + kEps && col_.fresh) {
        // The group is taller than a whole column: it has to break somewhere.
        ++result.forced_breaks;
        for (std::size_t m = i; m < j; ++m) {
          if (move_on(rows[m])) next_column();
          put(rows[m]);
        }
        i = j;
      }
      continue;
    }
    for (std::size_t m = i; m < j; ++m) {
      if (move_on(rows[m])) next_column();
      put(rows[m]);
    }
    i = j;
  }
  while (fi < floats.size()) offer_float(floats[fi++].row);
  while (!pending_.empty()) next_column();
  result.columns_used = k_ + 1;
}

}  // namespace

FlowResult flow(std::vector<Row>& rows, std::vector<Float>& floats, const std::function<Column(std::size_t)>& column_at,
                Placing placing) {
  Flow f(column_at, placing);
  f.run(rows, floats);
  return std::move(f.result);
}

}  // namespace briefing::compose
