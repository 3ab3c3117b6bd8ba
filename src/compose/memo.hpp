// Set text kept across the copy-fitting passes of one composition.
#pragma once

#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/diag.hpp"
#include "compose/internal.hpp"

namespace briefing::compose {

/// set_rows answers by their inputs, for the passes of one composition: only the body and the
/// headings change size from pass to pass, so the title band, the boxes, the callouts and the
/// running heads are set once. An answer keeps the fonts it numbered (in order) and the
/// diagnostics it reported, and a reuse repeats both, so that a pass is exactly what it would
/// have been without the memo.
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

}  // namespace briefing::compose
