#include "typeset/items.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <deque>
#include <span>
#include <string_view>
#include <unordered_map>

#include "base/hash.hpp"
#include "typeset/shape.hpp"

namespace briefing::typeset {

namespace {

/// Breakable white space.
bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r';
}
/// No-break spaces: full, narrow (U+202F) and figure (U+2007).
bool is_nbsp(char32_t c) {
  return c == 0xA0 || c == 0x202F || c == 0x2007;
}
/// Punctuation that closes what precedes it and must not start a line.
bool is_closing(char32_t c) {
  return std::u32string_view(U".,;:!?\u2026\u201D\u2019\u00BB)]}").find(c) != std::u32string_view::npos;
}
constexpr char32_t kSoftHyphen = 0xAD;
constexpr char32_t kZeroWidthSpace = 0x200B;

/// A character of the paragraph with the span it came from.
struct Ch {
  char32_t c;
  int span;
};

/// A shaped glyph of a word with the index of the character it starts at.
struct WordGlyph {
  char32_t cp;
  double advance;  ///< pt, letter spacing included
  unsigned index;
  FontId font;
  int span;
};

/// A shaped glyph of a word as the cache keeps it: the advance in em, before size and letter
/// spacing.
struct UnitGlyph {
  char32_t cp;
  double advance;
  unsigned index;
  FontId font;
};

/// What is remembered of a word: its glyphs and the glyph indices where it may break (with
/// whether the break is at a hyphen already in the word).
struct WordEntry {
  std::vector<UnitGlyph> glyphs;
  std::vector<std::pair<std::size_t, bool>> cuts;
};

/// Key values above every code point: a language's end, a span's start, the soft hyphens' start.
constexpr char32_t kLangEnd = 0x110000, kSpanStart = 0x110001, kSoftStart = 0x110002;

/// What a walk over a paragraph's characters finds, in order: its words (as cache entries), its
/// zero-width spaces and its word spaces. It depends on the characters, the spans' font chains
/// and hyphenation flags, the language and the hyphenator, not on sizes or letter-spacing, so
/// that the passes of copy-fitting set a paragraph again at another size from the same walk.
struct Walk {
  struct Step {
    enum class Kind : unsigned char { word, zero_width_space, space };
    Kind kind = Kind::word;
    bool breakable = true;             ///< a space: whether the line may break there
    Ch ch{};                           ///< a space: the character and its span
    std::uint32_t first = 0;           ///< a word: its first character's index in word_chars
    const WordEntry* entry = nullptr;  ///< a word: its glyphs and cuts
  };
  std::vector<Step> steps;
  std::vector<Ch> word_chars;  ///< the words' characters (with their spans), word after word
  std::size_t chars = 0;       ///< the paragraph's characters (for reserving)
};

}  // namespace

struct WordCache::Impl {
  /// Hashes owned keys and views alike, so that a lookup needs no copy of the key.
  /// Two characters to a 64-bit word (std::hash went through the key a byte at a time).
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::u32string_view s) const {
      base::Hasher h(s.size());
      std::size_t i = 0;
      for (; i + 1 < s.size(); i += 2) h.add(std::uint64_t{s[i]} | std::uint64_t{s[i + 1]} << 32);
      if (i < s.size()) h.add(s[i]);
      return static_cast<std::size_t>(h.value());
    }
  };
  /// Equality by memcmp (char_traits<char32_t> compares a character at a time).
  struct Equal {
    using is_transparent = void;
    bool operator()(std::u32string_view a, std::u32string_view b) const {
      return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(char32_t)) == 0;
    }
  };
  std::unordered_map<std::u32string, WordEntry, Hash, Equal> words;
  std::u32string key;  ///< scratch
  /// Paragraphs' walks by everything a walk depends on (see Walk), when keep_walks.
  bool keep_walks = false;
  std::unordered_map<std::u32string, Walk, Hash, Equal> walks;
  std::u32string walk_key;  ///< scratch
};

WordCache::WordCache(bool keep_walks) : impl(std::make_unique<Impl>()) {
  impl->keep_walks = keep_walks;
}
WordCache::~WordCache() = default;

namespace {

/// Builds the item list and the pieces that go with it.
class ItemBuilder {
 public:
  ItemBuilder(const FontBook& fonts, const std::vector<Span>& spans, const ParaSpec& spec)
      : fonts_(fonts), spans_(spans), spec_(spec) {}

  /// The paragraph's walk (from the cache when the spec has one), then its items.
  ItemList build();

 private:
  /// Walks the paragraph's `total` characters and hands each step to `sink(step, word)`, with a
  /// word's characters (none for other steps).
  template <typename Sink>
  void walk(std::size_t total, Sink&& sink);
  /// The cache key of the paragraph's walk (in the cache's scratch).
  const std::u32string& walk_key();
  /// Setting the items at the spans' sizes: the start (first indent), a step of the walk (a
  /// word, a zero-width space, a word space) and the paragraph's end.
  void begin(std::size_t chars);
  void take(const Walk::Step& step, const Ch* chars);
  ItemList finish();
  /// A walk's items at the spans' sizes.
  ItemList realize(const Walk& walk);
  /// Cuts a word at its permitted breaks and pushes its boxes and penalties; `chars` are its
  /// characters (for their spans).
  void word(const WordEntry& e, const Ch* chars);
  /// The word's glyphs and cuts, from the cache when the spec has one.
  const WordEntry& entry(const std::vector<Ch>& w, const std::vector<unsigned>& soft);
  /// The start of every cache key: the language and the hyphenator.
  const std::u32string& key_prefix();
  void make_entry(const std::vector<Ch>& w, const std::vector<unsigned>& soft, WordEntry& e) const;
  std::vector<UnitGlyph> shape_word(const std::vector<Ch>& w) const;
  std::vector<std::pair<std::size_t, bool>> cuts(const std::vector<Ch>& w, const std::vector<unsigned>& soft,
                                                 const std::vector<UnitGlyph>& glyphs) const;
  void pieces(const std::vector<WordGlyph>& glyphs, std::size_t from, std::size_t to, bool trailing_gap);
  void hyphen_after(const WordGlyph& before, bool explicit_hyphen);
  void space(const Ch& ch, bool breakable);
  static bool closing_word_follows(const std::vector<Ch>& chars, std::size_t i);
  double space_width(const Span& s, char32_t c) const;
  /// Appends an item and what it draws.
  void push(Item it, Piece p = {}) {
    out_.items.push_back(it);
    out_.pieces.push_back(std::move(p));
  }
  const Span& span(int i) const { return spans_[static_cast<std::size_t>(i)]; }

  const FontBook& fonts_;
  const std::vector<Span>& spans_;
  const ParaSpec& spec_;
  ItemList out_;
  std::deque<WordEntry> fresh_;    ///< the words' entries when there is no cache
  std::vector<WordGlyph> glyphs_;  ///< the word in hand's glyphs at its spans' sizes
  std::u32string key_prefix_;      ///< the start of every word's cache key
  int space_span_ = -1;            ///< the span and character space_width_ was found for
  char32_t space_char_ = 0;
  double space_width_ = 0;
  int hyphen_span_ = -1;  ///< the span hyphen_ was made for
  Piece hyphen_;          ///< the inserted hyphen in that span (font -1: no glyph for it)
};

ItemList ItemBuilder::build() {
  std::size_t chars = 0;
  for (const Span& s : spans_) chars += s.text.size();
  if (!spec_.words || !spec_.words->impl->keep_walks) {  // the steps are taken as they are found
    begin(chars);
    walk(chars, [this](const Walk::Step& step, std::span<const Ch> word) { take(step, word.data()); });
    return finish();
  }
  WordCache::Impl& cache = *spec_.words->impl;
  const std::u32string& key = walk_key();
  if (const auto it = cache.walks.find(std::u32string_view(key)); it != cache.walks.end()) return realize(it->second);
  Walk w;
  w.chars = chars;
  walk(chars, [&w](Walk::Step step, std::span<const Ch> word) {
    step.first = static_cast<std::uint32_t>(w.word_chars.size());
    w.word_chars.insert(w.word_chars.end(), word.begin(), word.end());
    w.steps.push_back(step);
  });
  return realize(cache.walks.emplace(key, std::move(w)).first->second);
}

const std::u32string& ItemBuilder::walk_key() {
  const std::u32string& prefix = key_prefix();
  std::size_t n = prefix.size();
  for (const Span& s : spans_) n += 5 + s.fonts.size() + s.text.size();
  std::u32string& key = spec_.words->impl->walk_key;
  key.resize(n);
  char32_t* p = std::copy(prefix.begin(), prefix.end(), key.data());
  for (const Span& s : spans_) {
    *p++ = kSpanStart;
    // Where the span comes from: the walk does not depend on it, but it keeps the walk to the
    // passes over one paragraph rather than shared by paragraphs that happen to read the same.
    *p++ = static_cast<char32_t>(s.pos.line);
    *p++ = static_cast<char32_t>(s.pos.column);
    *p++ = s.hyphenate ? 1 : 0;
    *p++ = static_cast<char32_t>(s.fonts.size());
    for (FontId f : s.fonts) *p++ = static_cast<char32_t>(f);
    p = std::copy(s.text.begin(), s.text.end(), p);
  }
  return key;
}

template <typename Sink>
void ItemBuilder::walk(std::size_t total, Sink&& sink) {
  std::vector<Ch> chars;
  chars.reserve(total);
  for (std::size_t s = 0; s < spans_.size(); ++s)
    for (char32_t c : spans_[s].text) chars.push_back({c, static_cast<int>(s)});
  std::vector<Ch> w;
  std::vector<unsigned> soft;
  auto flush = [&] {
    if (!w.empty()) {
      Walk::Step step;
      step.entry = &entry(w, soft);
      sink(step, std::span<const Ch>(w));
    }
    w.clear(), soft.clear();
  };
  for (std::size_t i = 0; i < chars.size(); ++i) {
    const Ch& ch = chars[i];
    if (ch.c == kSoftHyphen) {
      soft.push_back(static_cast<unsigned>(w.size()));
    } else if (ch.c == kZeroWidthSpace) {
      flush();
      sink(Walk::Step{Walk::Step::Kind::zero_width_space}, std::span<const Ch>());
    } else if (!is_space(ch.c) && !is_nbsp(ch.c)) {
      w.push_back(ch);
    } else {
      flush();
      if (i + 1 < chars.size())
        sink(Walk::Step{Walk::Step::Kind::space, !closing_word_follows(chars, i), ch}, std::span<const Ch>());
    }
  }
  flush();
}

void ItemBuilder::begin(std::size_t chars) {
  // About one item per two characters (boxes, glue, hyphenation penalties): reserved at once.
  out_.items.reserve(chars / 2 + 8);
  out_.pieces.reserve(chars / 2 + 8);
  out_.glyphs.reserve(chars + 8);
  if (spec_.first_indent > 0) push(Item::box(spec_.first_indent));
}

void ItemBuilder::take(const Walk::Step& step, const Ch* chars) {
  switch (step.kind) {
    case Walk::Step::Kind::word: word(*step.entry, chars); break;
    case Walk::Step::Kind::zero_width_space:
      if (!out_.items.empty()) push(Item::pen(0, 0, false));
      break;
    case Walk::Step::Kind::space:
      if (!out_.items.empty() && out_.items.back().kind != Item::Kind::glue) space(step.ch, step.breakable);
      break;
  }
}

ItemList ItemBuilder::finish() {
  // Drop trailing glue, then finish as TeX's \parfillskip does.
  while (!out_.items.empty() && out_.items.back().kind != Item::Kind::box)
    out_.items.pop_back(), out_.pieces.pop_back();
  push(Item::pen(0, kInfPenalty, false));
  push(Item::glue(0, kFill, 0));
  push(Item::pen(0, -kInfPenalty, false));
  return std::move(out_);
}

ItemList ItemBuilder::realize(const Walk& walk) {
  begin(walk.chars);
  for (const Walk::Step& step : walk.steps) take(step, walk.word_chars.data() + step.first);
  return finish();
}

/// The advance of a space character in the span's font chain (the plain space as a fallback).
double ItemBuilder::space_width(const Span& s, char32_t c) const {
  for (const char32_t cand : {c, char32_t{U' '}}) {
    const FontId f = pick_font(fonts_, s.fonts, cand);
    if (f < 0) continue;
    const auto& g = shape(fonts_.get(f), std::u32string_view(&cand, 1), spec_.lang);
    if (!g.empty()) return g[0].advance * s.size;
  }
  return 0.25 * s.size;
}

/// True when the word after the space at `i` is punctuation alone ("crossings ."): breaking there
/// would start a line with a lone full stop, so such a space does not break.
bool ItemBuilder::closing_word_follows(const std::vector<Ch>& chars, std::size_t i) {
  std::size_t j = i + 1;
  while (j < chars.size() && is_space(chars[j].c)) ++j;
  const std::size_t start = j;
  while (j < chars.size() && !is_space(chars[j].c) && !is_nbsp(chars[j].c) && is_closing(chars[j].c)) ++j;
  return j > start && (j == chars.size() || is_space(chars[j].c) || is_nbsp(chars[j].c));
}

/// A word space: breakable glue, or after an infinite penalty for a no-break space. A narrow
/// no-break space (U+202F) or figure space (U+2007) keeps its width exactly.
void ItemBuilder::space(const Ch& ch, bool breakable) {
  const Span& s = span(ch.span);
  if (ch.span != space_span_ || ch.c != space_char_) {  // a paragraph's spaces are mostly alike
    space_span_ = ch.span, space_char_ = ch.c;
    space_width_ = space_width(s, ch.c);
  }
  const double w = space_width_ + s.letter_spacing;
  const bool fixed = ch.c == 0x202F || ch.c == 0x2007;
  if (is_nbsp(ch.c) || !breakable) push(Item::pen(0, kInfPenalty, false));
  if (fixed) {
    push(Item::glue(w, 0, 0));
  } else {
    push(Item::glue(w, std::max(0.0, w * spec_.justify.space_stretch), std::max(0.0, w * spec_.justify.space_shrink)));
  }
}

/// Shapes sub-runs of one span and one font; remembers each glyph's character index.
std::vector<UnitGlyph> ItemBuilder::shape_word(const std::vector<Ch>& w) const {
  std::vector<UnitGlyph> glyphs;
  for (std::size_t i = 0; i < w.size();) {
    const Span& s = span(w[i].span);
    const FontId f = pick_font(fonts_, s.fonts, w[i].c);
    std::size_t j = i + 1;
    while (j < w.size() && w[j].span == w[i].span && pick_font(fonts_, s.fonts, w[j].c) == f) ++j;
    if (f >= 0) {
      std::u32string text;
      for (std::size_t k = i; k < j; ++k) text.push_back(w[k].c);
      for (const auto& g : shape(fonts_.get(f), text, spec_.lang))
        glyphs.push_back({g.cp, g.advance, static_cast<unsigned>(i + g.cluster), f});
    }
    i = j;
  }
  return glyphs;
}

/// Glyph indices where the word may break (a glyph starting exactly at a permitted break), and
/// whether the break is at a hyphen or dash already in the word.
std::vector<std::pair<std::size_t, bool>> ItemBuilder::cuts(const std::vector<Ch>& w, const std::vector<unsigned>& soft,
                                                            const std::vector<UnitGlyph>& glyphs) const {
  std::u32string text;
  std::vector<bool> allowed;
  for (const Ch& ch : w) text.push_back(ch.c), allowed.push_back(span(ch.span).hyphenate);
  std::vector<std::pair<std::size_t, bool>> out;
  for (const WordBreak& b : word_breaks(text, allowed, spec_.hyphenator, soft))
    for (std::size_t k = 1; k < glyphs.size(); ++k)
      if (glyphs[k].index == b.index && glyphs[k - 1].index < b.index) out.push_back({k, b.explicit_hyphen});
  return out;
}

void ItemBuilder::make_entry(const std::vector<Ch>& w, const std::vector<unsigned>& soft, WordEntry& e) const {
  e.glyphs = shape_word(w);
  e.cuts = e.glyphs.empty() ? std::vector<std::pair<std::size_t, bool>>{} : cuts(w, soft, e.glyphs);
}

const WordEntry& ItemBuilder::entry(const std::vector<Ch>& w, const std::vector<unsigned>& soft) {
  if (!spec_.words) {
    make_entry(w, soft, fresh_.emplace_back());
    return fresh_.back();
  }
  WordCache::Impl& cache = *spec_.words->impl;
  const std::u32string& prefix = key_prefix();
  // Sized first, then written through a pointer: appending a character at a time was a tenth
  // of the builder's own work.
  std::size_t n = prefix.size() + 1 + soft.size();
  int current = -1;
  for (const Ch& ch : w) {
    if (ch.span != current) current = ch.span, n += 3 + span(current).fonts.size();
    ++n;
  }
  std::u32string& key = cache.key;
  key.resize(n);
  char32_t* p = std::copy(prefix.begin(), prefix.end(), key.data());
  current = -1;
  for (const Ch& ch : w) {
    if (ch.span != current) {  // a span boundary splits shaping runs, whatever the spans hold
      current = ch.span;
      const Span& s = span(current);
      *p++ = kSpanStart;
      *p++ = s.hyphenate ? 1 : 0;
      *p++ = static_cast<char32_t>(s.fonts.size());
      for (FontId f : s.fonts) *p++ = static_cast<char32_t>(f);
    }
    *p++ = ch.c;
  }
  *p++ = kSoftStart;
  for (unsigned sp : soft) *p++ = static_cast<char32_t>(sp);
  if (const auto it = cache.words.find(std::u32string_view(key)); it != cache.words.end()) return it->second;
  WordEntry e;
  make_entry(w, soft, e);
  return cache.words.emplace(key, std::move(e)).first->second;
}

const std::u32string& ItemBuilder::key_prefix() {
  if (key_prefix_.empty()) {  // the same for every word of the paragraph
    key_prefix_.assign(spec_.lang.begin(), spec_.lang.end());
    key_prefix_.push_back(kLangEnd);
    const auto hyph = reinterpret_cast<std::uintptr_t>(spec_.hyphenator);
    key_prefix_.push_back(static_cast<char32_t>(hyph & 0xFFFFFFFFu));
    key_prefix_.push_back(static_cast<char32_t>(static_cast<std::uint64_t>(hyph) >> 32));
  }
  return key_prefix_;
}

void ItemBuilder::word(const WordEntry& e, const Ch* chars) {
  if (e.glyphs.empty()) return;
  std::vector<WordGlyph>& glyphs = glyphs_;
  glyphs.clear();
  for (const UnitGlyph& g : e.glyphs) {
    const int sp = chars[g.index].span;
    const Span& s = span(sp);
    glyphs.push_back({g.cp, g.advance * s.size + s.letter_spacing, g.index, g.font, sp});
  }
  std::size_t from = 0;
  for (const auto& [k, explicit_hyphen] : e.cuts) {
    pieces(glyphs, from, k, !explicit_hyphen);
    hyphen_after(glyphs[k - 1], explicit_hyphen);
    from = k;
  }
  pieces(glyphs, from, glyphs.size(), false);
}

/// One box per font/span change among glyphs [from, to); every glyph opens a letter-spacing gap
/// that takes part in justification, except the last one unless `trailing_gap` (a hyphen is
/// inserted after it when the line breaks there).
void ItemBuilder::pieces(const std::vector<WordGlyph>& glyphs, std::size_t from, std::size_t to, bool trailing_gap) {
  for (std::size_t k = from; k < to;) {
    const WordGlyph& first = glyphs[k];
    const Span& s = span(first.span);
    Piece p{first.font, s.size, s.tag, static_cast<std::uint32_t>(out_.glyphs.size()), 0, 0, 0};
    std::size_t end = k;
    while (end < to && glyphs[end].font == first.font && glyphs[end].span == first.span) ++end;
    double x = 0;
    for (; k < end; ++k) {
      out_.glyphs.push_back({glyphs[k].cp, x});
      x += glyphs[k].advance;
    }
    p.count = static_cast<std::uint32_t>(out_.glyphs.size() - p.first);
    p.width = x;
    p.gaps = static_cast<int>(p.count) - (k == to && !trailing_gap ? 1 : 0);
    const double em = std::max(0.0, s.size) * p.gaps;  // letter-spacing scales with the size
    push(Item::box(x, em * spec_.justify.letter_stretch, em * spec_.justify.letter_shrink), std::move(p));
  }
}

/// The penalty of a break inside a word: an inserted hyphen, or nothing after an existing one. In
/// the latter case the letter gap after the hyphen is glue, so that it vanishes at a line break.
void ItemBuilder::hyphen_after(const WordGlyph& before, bool explicit_hyphen) {
  const Span& s = span(before.span);
  if (explicit_hyphen) {
    push(Item::pen(0, spec_.justify.explicit_hyphen_penalty, true));
    const double em = std::max(0.0, s.size);
    push(Item::glue(0, em * spec_.justify.letter_stretch, em * spec_.justify.letter_shrink));
    return;
  }
  if (hyphen_span_ != before.span) {  // the hyphen depends on the span alone: made once per span,
    hyphen_span_ = before.span;       // its glyphs stored once and shared by every break
    hyphen_ = Piece{};
    const FontId f = pick_font(fonts_, s.fonts, U'-');
    if (f >= 0) {
      hyphen_ = Piece{f, s.size, s.tag, static_cast<std::uint32_t>(out_.glyphs.size()), 0, 0, 0};
      for (const auto& g : shape(fonts_.get(f), U"-", spec_.lang)) {
        out_.glyphs.push_back({g.cp, hyphen_.width});
        hyphen_.width += g.advance * s.size;
      }
      hyphen_.count = static_cast<std::uint32_t>(out_.glyphs.size() - hyphen_.first);
    }
  }
  if (hyphen_.font < 0) return;  // no hyphen to show: no break here
  push(Item::pen(hyphen_.width, spec_.justify.hyphen_penalty, true), hyphen_);
}

}  // namespace

bool is_invisible(char32_t c) {
  return is_space(c) || is_nbsp(c) || c == kSoftHyphen || c == kZeroWidthSpace;
}

FontId pick_font(const FontBook& fonts, const std::vector<FontId>& chain, char32_t c) {
  if (c > 0xFFFF) return -1;  // the PDF writer can only show BMP code points
  for (FontId f : chain)
    if (fonts.get(f).has(c)) return f;
  return -1;
}

ItemList build_items(const FontBook& fonts, const std::vector<Span>& spans, const ParaSpec& spec) {
  return ItemBuilder(fonts, spans, spec).build();
}

}  // namespace briefing::typeset
