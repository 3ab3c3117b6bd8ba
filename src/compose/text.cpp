// Text helpers of composition: styles, spans, setting rows and emitting glyph runs.
#include <algorithm>

#include <fmt/format.h>

#include "base/text.hpp"
#include "compose/internal.hpp"
#include "compose/memo.hpp"

namespace briefing::compose {

namespace {
frame::Colour to_frame(const layout::Colour& c) {
  frame::Colour f;
  f.space = c.space == layout::Colour::Space::grey  ? frame::Colour::Space::grey
            : c.space == layout::Colour::Space::rgb ? frame::Colour::Space::rgb
                                                    : frame::Colour::Space::cmyk;
  f.c = c.c;
  return f;
}

typeset::Alignment to_alignment(layout::Align a) {
  switch (a) {
    case layout::Align::left: return typeset::Alignment::left;
    case layout::Align::right: return typeset::Alignment::right;
    case layout::Align::centre: return typeset::Alignment::centre;
    case layout::Align::justify: return typeset::Alignment::justify;
  }
  return typeset::Alignment::left;
}

layout::Face combine(layout::Face base, bool italic, bool bold) {
  const bool i = italic || base == layout::italic || base == layout::bold_italic;
  const bool b = bold || base == layout::bold || base == layout::bold_italic;
  return i && b ? layout::bold_italic : i ? layout::italic : b ? layout::bold : layout::regular;
}

bool scaled(const std::string& name) {
  return name == "body" || name == "heading";
}
}  // namespace

int Ctx::paint(const std::string& colour) {
  const frame::Colour c = to_frame(lay.colour(colour));
  for (std::size_t i = 0; i < paints.size(); ++i)
    if (paints[i] == c) return static_cast<int>(i);
  paints.push_back(c);
  return static_cast<int>(paints.size() - 1);
}

int Ctx::doc_font(typeset::FontId id) {
  if (font_log && std::find(font_log->begin(), font_log->end(), id) == font_log->end()) font_log->push_back(id);
  const auto it = doc_fonts.find(id);
  if (it != doc_fonts.end()) return it->second;
  doc.fonts.push_back(fonts.get(id).path());
  const int idx = static_cast<int>(doc.fonts.size() - 1);
  doc_fonts[id] = idx;
  return idx;
}

const Style& Ctx::style(const std::string& name) {
  if (const auto it = styles.find(name); it != styles.end()) return it->second;
  Style st;
  st.def = &lay.style(name);
  st.scaled = scaled(name);
  const double k = st.scaled ? body_scale : 1.0;
  st.size = st.def->size * k;
  st.leading = st.def->leading * k;
  st.paint = paint(st.def->colour);
  std::vector<std::string> families = {st.def->family};
  families.insert(families.end(), st.def->fallback.begin(), st.def->fallback.end());
  for (int face = 0; face < 4; ++face) {
    for (const auto& fam : families) {
      const layout::FontFamily* f = lay.family(fam);
      if (!f) continue;
      const std::string& file = f->files[static_cast<std::size_t>(face)];
      std::string err;
      const typeset::FontId id = fonts.load(file, err);
      if (id < 0) {
        if (failed_fonts.insert(file).second)  // one report per file, not per style and face
          diags.error(f->pos.line ? f->pos : base::SourcePos{lay.path, 0, 0},
                      fmt::format("cannot load font '{}' of family '{}': {}", file, fam, err));
        continue;
      }
      st.chains[static_cast<std::size_t>(face)].push_back(id);
    }
  }
  return styles.emplace(name, std::move(st)).first->second;
}

typeset::Span span_for(Ctx& ctx, const Style& st, const std::string& text, const base::SourcePos& pos,
                       layout::Face face_override, bool use_override) {
  typeset::Span s;
  s.text = base::utf8_decode(text);
  if (st.def->uppercase) s.text = base::to_upper(s.text);
  s.fonts = st.chains[static_cast<std::size_t>(use_override ? face_override : st.def->face)];
  s.size = st.size;
  s.letter_spacing = st.def->letter_spacing;
  s.tag = st.paint;
  s.hyphenate = st.def->hyphenate;
  s.pos = pos;
  (void)ctx;
  return s;
}

std::vector<typeset::Span> spans_for(Ctx& ctx, const Style& st, const std::vector<article::Run>& runs) {
  std::vector<typeset::Span> out;
  for (const auto& r : runs) {
    auto s = span_for(ctx, st, r.text, r.pos, combine(st.def->face, r.italic, r.bold), true);
    s.hyphenate = st.def->hyphenate && !r.no_hyphenate;
    out.push_back(std::move(s));
  }
  return out;
}

void emit_line(Ctx& ctx, const typeset::SetLine& line, double x, double baseline, const std::string& role,
               const base::SourcePos& src, std::vector<frame::Item>& out) {
  for (const auto& seg : line.segments) {
    if (seg.glyphs.empty()) continue;
    frame::GlyphRun run;
    const double x0 = seg.glyphs.front().x;
    run.x = x + x0;
    run.y = baseline;
    run.font = ctx.doc_font(seg.font);
    run.size = seg.size;
    run.colour = ctx.paints.at(static_cast<std::size_t>(seg.tag));
    run.glyphs.reserve(seg.glyphs.size());
    for (const auto& g : seg.glyphs) run.glyphs.push_back({g.cp, g.x - x0});
    run.text = base::utf8_encode(seg.text);
    run.role = role;
    run.source = src;
    out.push_back(std::move(run));
  }
}

namespace {

/// set_rows without the memo.
std::vector<Row> set_rows_now(Ctx& ctx, const Style& st, const std::vector<typeset::Span>& spans, double width,
                              const std::string& role, double indent, bool force_left) {
  std::vector<Row> rows;
  if (!typeset::check_coverage(ctx.fonts, spans, ctx.diags)) return rows;
  typeset::ParaSpec spec;
  spec.widths = {width - indent};
  spec.align = force_left ? typeset::Alignment::left : to_alignment(st.def->align);
  spec.first_indent = st.def->first_indent;
  spec.hyphenator = st.def->hyphenate ? ctx.hyphenator : nullptr;
  spec.lang = ctx.art.meta.lang.empty() ? "en" : ctx.art.meta.lang;
  spec.words = ctx.words;
  const auto para = typeset::set_paragraph(ctx.fonts, spans, spec, ctx.diags);
  const base::SourcePos src = spans.empty() ? base::SourcePos{} : spans.front().pos;
  const typeset::FontId primary = st.chains[static_cast<std::size_t>(st.def->face)].empty()
                                      ? -1
                                      : st.chains[static_cast<std::size_t>(st.def->face)].front();
  const double asc = primary >= 0 ? ctx.fonts.get(primary).ascender() : 0.9;
  const double desc = primary >= 0 ? ctx.fonts.get(primary).descender() : 0.2;
  const double baseline = (st.leading - st.size * (asc + desc)) / 2 + asc * st.size;
  for (std::size_t i = 0; i < para.lines.size(); ++i) {
    Row r;
    r.height = st.leading;
    emit_line(ctx, para.lines[i], indent, baseline, role, src, r.items);
    r.body_lines = role == "body" ? 1 : 0;
    rows.push_back(std::move(r));
  }
  const std::size_t n = rows.size();
  // Widows and orphans: no break after the first line or before the last of a paragraph; and no
  // column may end on a hyphen, so a hyphenated line keeps the next line with it.
  for (std::size_t i = 1; i < n; ++i) rows[i].break_before = !(i == 1 || i + 1 == n || para.lines[i - 1].hyphenated);
  if (!rows.empty()) {
    rows.front().space_before = st.def->space_before;
    rows.back().space_after = st.def->space_after;
  }
  return rows;
}

}  // namespace

std::vector<Row> set_rows(Ctx& ctx, const Style& st, const std::vector<typeset::Span>& spans, double width,
                          const std::string& role, double indent, bool force_left) {
  const auto make = [&] { return set_rows_now(ctx, st, spans, width, role, indent, force_left); };
  if (!ctx.memo || st.scaled) return make();  // a scaled style's text differs in every pass
  return ctx.memo->get(ctx, row_key(st, spans, width, role, indent, force_left), make);
}

Row stack(const std::vector<Row>& rows) {
  Row out;
  double pending = 0;
  for (const auto& r : rows) {
    if (out.height > 0) out.height += pending + r.space_before;
    pending = r.space_after;
    const std::size_t from = out.items.size();
    out.items.insert(out.items.end(), r.items.begin(), r.items.end());
    translate(out.items, 0, out.height, from);
    out.height += r.height;
    out.body_lines += r.body_lines;
  }
  return out;
}

namespace {
struct Shift {
  double dx, dy;
  void operator()(frame::GlyphRun& g) const { g.x += dx, g.y += dy; }
  void operator()(frame::Rect& r) const { r.x += dx, r.y += dy; }
  void operator()(frame::Rule& r) const { r.x1 += dx, r.x2 += dx, r.y1 += dy, r.y2 += dy; }
  void operator()(frame::Image& i) const { i.x += dx, i.y += dy; }
};
}  // namespace

void translate(std::vector<frame::Item>& items, double dx, double dy, std::size_t from) {
  for (std::size_t i = from; i < items.size(); ++i) std::visit(Shift{dx, dy}, items[i]);
}

}  // namespace briefing::compose
