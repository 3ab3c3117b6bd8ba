// Sets one paragraph: font selection, shaping, hyphenation, line breaking and line assembly.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/diag.hpp"
#include "typeset/font.hpp"
#include "typeset/hyphenate.hpp"
#include "typeset/linebreak.hpp"

namespace briefing::typeset {

/// A run of text in one style, ready for setting.
struct Span {
  std::u32string text;
  std::vector<FontId> fonts;  ///< the font chain: the style's face, then its fallbacks
  double size = 10;
  double letter_spacing = 0;  ///< pt added after each glyph
  int tag = 0;                ///< opaque to typesetting (the caller's paint); copied to the output
  bool hyphenate = true;      ///< false inside names, numbers, URLs
  base::SourcePos pos;        ///< where the span's text starts
};

/// How lines are aligned.
enum class Alignment { left, right, centre, justify };

/// How justified lines absorb their slack, and what breaking inside a word costs. The defaults
/// are the measured house settings (docs/typography.md): word spaces take the ratio; letter gaps
/// follow it up to ratio ±1 and then stay (at most +0.02 em, at least -0.01 em per gap).
struct Justification {
  double space_stretch = 0.4;           ///< a word space grows by this fraction of itself per unit ratio
  double space_shrink = 1.0 / 3;        ///< … and shrinks by this fraction at ratio -1
  double letter_stretch = 0.02;         ///< em added to each letter gap at ratio 1 and above
  double letter_shrink = 0.01;          ///< em taken from each letter gap at ratio -1
  double hyphen_penalty = 50;           ///< TeX's \hyphenpenalty
  double explicit_hyphen_penalty = 50;  ///< TeX's \exhyphenpenalty (after a hyphen or dash in the word)
};

/// The breaker settings for text (docs/typography.md): TeX's tolerance, line penalty and
/// demerits, at most two hyphenated lines in a row.
[[nodiscard]] BreakParams default_break_params();

/// The size-independent part of setting a word: its glyphs (advances in em) and where it may
/// break, by everything they depend on (characters, span boundaries, font chains, hyphenation
/// flags, soft hyphens, language, hyphenator). Good for one FontBook and hyphenators that outlive
/// it, e.g. one composition; not thread-safe.
class WordCache {
 public:
  /// `keep_walks`: also keep each paragraph's walk over its characters (which words, spaces and
  /// breaks it has), for a composition that sets its paragraphs again at other sizes
  /// (copy-fitting); a single setting would only pay for keeping them.
  explicit WordCache(bool keep_walks = false);
  ~WordCache();
  WordCache(const WordCache&) = delete;
  WordCache& operator=(const WordCache&) = delete;

  struct Impl;
  std::unique_ptr<Impl> impl;
};

/// Parameters of one paragraph.
struct ParaSpec {
  std::vector<double> widths{400};  ///< line widths; the last repeats
  Alignment align = Alignment::justify;
  double first_indent = 0;
  const Hyphenator* hyphenator = nullptr;  ///< null: no hyphenation
  std::string lang = "en";
  BreakParams breaking = default_break_params();  ///< line_widths and ragged are filled in from the fields above
  Justification justify;
  /// Words already shaped and cut (by the same FontBook and hyphenators), shared by the
  /// paragraphs of one composition; null: every word is shaped and cut afresh.
  WordCache* words = nullptr;
};

/// A glyph placed on a line, x relative to the line's start.
struct PlacedGlyph {
  char32_t cp = 0;
  double x = 0;
};

/// Consecutive glyphs of one font, size and tag on a line.
struct Segment {
  FontId font = 0;
  double size = 10;
  int tag = 0;
  std::vector<PlacedGlyph> glyphs;
  std::u32string text;  ///< the glyphs' text with a space for each gap
};

/// One set line.
struct SetLine {
  std::vector<Segment> segments;
  std::u32string text;  ///< the line's text, spaces for gaps and a trailing hyphen when broken
  double width = 0;     ///< the x where the line's last glyph ends
  double offset = 0;    ///< alignment shift already applied to every glyph
  double ratio = 0;
  bool hyphenated = false;
  double max_size = 0;  ///< largest font size on the line
};

/// A set paragraph.
struct SetParagraph {
  std::vector<SetLine> lines;
  int pass = 1;
  int overfull = 0;
};

/// Reports every character of `spans` that no font of its chain covers, with its position, code
/// point and Unicode name (`file:line:col: error: no font of this style has a glyph for U+4E2D '中'
/// (CJK UNIFIED IDEOGRAPH-4E2D)`); characters above U+FFFF are reported too, since the PDF writer
/// cannot show them. Returns false when any was found.
bool check_coverage(const FontBook& fonts, const std::vector<Span>& spans, base::DiagSink& diags);

/// Sets a paragraph. Characters without a glyph must have been reported by check_coverage; they
/// are skipped here.
[[nodiscard]] SetParagraph set_paragraph(const FontBook& fonts, const std::vector<Span>& spans, const ParaSpec& spec,
                                         base::DiagSink& diags);

/// Natural width of a single-line text in one span (no breaking), e.g. for running heads.
/// `words`, when given, is the WordCache of the setting it belongs to (see ParaSpec::words).
[[nodiscard]] double natural_width(const FontBook& fonts, const Span& span, const std::string& lang,
                                   WordCache* words = nullptr);

}  // namespace briefing::typeset
