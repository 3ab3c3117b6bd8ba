// Test support: spans of text in Liberation Serif 10 pt from the project's fonts, for tests that set
// paragraphs without a layout.
#pragma once

#include <string>

#include "base/text.hpp"
#include "support/run.hpp"
#include "typeset/paragraph.hpp"

namespace briefing::test {

/// A font book holding Liberation Serif, and spans of it that claim to come from `where`.
struct SerifSpans {
  typeset::FontBook book;
  typeset::FontId serif = -1;
  base::SourcePos where;

  explicit SerifSpans(base::SourcePos at) : where(std::move(at)) {
    std::string err;
    serif = book.load(source_dir() + "/fonts/LiberationSerif-Regular.ttf", err);
  }

  /// `text` (UTF-8) at 10 pt, hyphenated unless told otherwise.
  [[nodiscard]] typeset::Span span(const std::string& text, bool hyphenate = true) const {
    typeset::Span s;
    s.text = base::utf8_decode(text);
    s.fonts = {serif};
    s.size = 10;
    s.hyphenate = hyphenate;
    s.pos = where;
    return s;
  }
};

}  // namespace briefing::test
