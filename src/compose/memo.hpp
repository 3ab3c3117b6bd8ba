// Set text kept across the copy-fitting passes of one composition.
#pragma once

#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/diag.hpp"
#include "compose/internal.hpp"

namespace briefing::compose {

/// set_rows answers, and whole blocks, by their inputs, for the passes of one composition: only
/// the body and the headings change size from pass to pass, so the title band, the boxes, the
/// callouts and the running heads are made once. An answer keeps the fonts it numbered (in
/// order) and the diagnostics it reported, and a reuse repeats both, so that a pass is exactly
/// what it would have been without the memo. Answers nest: a block's answer holds what the
/// set_rows calls inside it numbered and reported, whether they were made or reused.
class RowMemo {
 public:
  /// The rows for `key`, set by `make` on first use (in `ctx`, which it also records from).
  std::vector<Row> get(Ctx& ctx, const std::string& key, const std::function<std::vector<Row>()>& make);

 private:
  /// One remembered answer.
  struct Entry {
    std::vector<Row> rows;
    std::vector<typeset::FontId> fonts;  ///< fonts numbered while setting, in order of first use
    std::vector<base::Diagnostic> diags;
  };
  std::unordered_map<std::string, Entry> entries_;
};

/// The memo key of a set_rows call: everything the rows depend on, as bytes.
[[nodiscard]] std::string row_key(const Style& st, const std::vector<typeset::Span>& spans, double width,
                                  const std::string& role, double indent, bool force_left);

/// What a block (the title band, the key facts, a callout, the who-is-who list, a running head)
/// is made from: its name and numbers and texts. A block may only be memoised when nothing in
/// it changes with the body size: its styles are all unscaled.
struct BlockKey {
  std::string_view name;
  std::initializer_list<double> numbers;
  std::initializer_list<std::string_view> texts = {};
};

/// `make()`'s rows through the composition's memo under `key`, or made afresh without one (the
/// key is then not even spelled out).
std::vector<Row> memo_rows(Ctx& ctx, const BlockKey& key, const std::function<std::vector<Row>()>& make);

/// The same for a block that is one row.
Row memo_row(Ctx& ctx, const BlockKey& key, const std::function<Row()>& make);

}  // namespace briefing::compose
