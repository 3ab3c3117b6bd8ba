// Builds the blocks of a briefing as rows: body text, callouts, key facts, who-is-who, title band.
#include <fmt/format.h>
#include <algorithm>

#include "base/text.hpp"
#include "compose/internal.hpp"
#include "compose/memo.hpp"

namespace briefing::compose {

namespace {

/// Indices of the quotations that become callouts, in text order.
std::vector<std::size_t> pick_callouts(const article::Article& art, const layout::Callouts& c) {
  std::vector<std::size_t> all(art.quotes.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  std::vector<std::size_t> chosen;
  switch (c.select) {
    case layout::CalloutSelect::marked:
      std::copy_if(all.begin(), all.end(), std::back_inserter(chosen),
                   [&](std::size_t i) { return art.quotes[i].callout; });
      break;
    case layout::CalloutSelect::first: chosen = all; break;
    case layout::CalloutSelect::longest:
      chosen = all;
      std::stable_sort(chosen.begin(), chosen.end(), [&](std::size_t a, std::size_t b) {
        return art.quotes[a].text.size() > art.quotes[b].text.size();
      });
      break;
  }
  if (chosen.size() > static_cast<std::size_t>(c.count)) chosen.resize(static_cast<std::size_t>(c.count));
  std::sort(chosen.begin(), chosen.end());
  return chosen;
}

/// "— {name}, {role}" with the speaker's fields.
std::string attribution(const std::string& tmpl, const article::Person* p) {
  if (!p) return "";
  std::string out = tmpl;
  auto sub = [&](const std::string& key, const std::string& value) {
    for (auto at = out.find(key); at != std::string::npos; at = out.find(key, at + value.size()))
      out.replace(at, key.size(), value);
  };
  sub("{name}", p->name);
  sub("{role}", p->role);
  sub("{affiliation}", p->affiliation);
  return out;
}

/// A callout row: the quotation in the callout style beside a rule, then its attribution.
Row callout(Ctx& ctx, const article::Quote& q, double width) {
  const auto& c = ctx.lay.callouts;
  const double indent = c.rule_width + c.indent;
  const Style& qs = ctx.style("callout");
  const Style& as = ctx.style("attribution");
  std::vector<Row> rows;
  if (c.marks) {
    // A large opening quotation mark above the text, in the callout's colour.
    auto mark = span_for(ctx, qs, "\u201C", q.pos);
    mark.size = qs.size * 2.6;
    Style big = qs;
    big.size = mark.size, big.leading = mark.size * 0.62;
    rows = set_rows(ctx, big, {mark}, width, "callout-mark", indent);
  }
  const std::string open = c.marks ? "" : "\u201C";
  auto text = set_rows(ctx, qs, {span_for(ctx, qs, open + q.text + "\u201D", q.pos)}, width, "callout", indent);
  append(rows, std::move(text));
  const auto attr = attribution(c.attribution, ctx.art.person(q.speaker));
  auto arows = set_rows(ctx, as, {span_for(ctx, as, attr, q.pos)}, width, "attribution", indent);
  if (!arows.empty()) arows.front().space_before = std::max(arows.front().space_before, 3.0);
  append(rows, std::move(arows));
  Row out = stack(rows);
  if (!c.rule.empty() && c.rule_width > 0) {
    frame::Rule rule;
    rule.x1 = rule.x2 = c.rule_width / 2;
    rule.y1 = 0;
    rule.y2 = out.height;
    rule.width = c.rule_width;
    rule.colour = ctx.paints.at(static_cast<std::size_t>(ctx.paint(c.rule)));
    rule.role = "callout-rule";
    out.items.insert(out.items.begin(), rule);
  }
  out.space_before = out.space_after = c.space;
  out.label = "callout";
  return out;
}

/// Surrounds a stacked row with padding and a filled (optionally stroked, rounded) box.
Row boxed(Ctx& ctx, Row inner, double width, double padding, const std::string& fill, const std::string& border,
          double border_width, double radius, const std::string& role) {
  translate(inner.items, padding, padding);
  frame::Rect r;
  r.w = width;
  r.h = inner.height + 2 * padding;
  r.fill = !fill.empty();
  if (r.fill) r.fill_colour = ctx.paints.at(static_cast<std::size_t>(ctx.paint(fill)));
  r.stroke = !border.empty() && border_width > 0;
  if (r.stroke) r.stroke_colour = ctx.paints.at(static_cast<std::size_t>(ctx.paint(border)));
  r.stroke_width = border_width;
  r.radius = radius;
  r.role = role;
  inner.items.insert(inner.items.begin(), r);
  inner.height = r.h;
  return inner;
}

}  // namespace

static Row key_facts_now(Ctx& ctx, double width) {
  const auto& k = ctx.lay.facts;
  const double inner = width - 2 * k.padding;
  const Style& ts = ctx.style("box-title");
  const Style& fs = ctx.style("fact");
  std::vector<Row> rows = set_rows(ctx, ts, {span_for(ctx, ts, k.title, {ctx.lay.path, 0, 0})}, inner, "box-title");
  std::vector<const article::Fact*> facts;
  for (const auto& f : ctx.art.facts) {
    const bool listed = f.block < 0;
    if (k.source == layout::FactSource::all || listed == (k.source == layout::FactSource::listed)) facts.push_back(&f);
  }
  if (k.max > 0 && facts.size() > static_cast<std::size_t>(k.max)) facts.resize(static_cast<std::size_t>(k.max));
  for (std::size_t i = 0; i < facts.size(); ++i) {
    const auto& f = *facts[i];
    const bool numbered = k.bullet == "1.";
    const std::string mark = numbered ? fmt::format("{}.", i + 1) : k.bullet;
    const auto mark_span = span_for(ctx, fs, mark, f.pos);
    const double hang =
        std::max(typeset::natural_width(ctx.fonts, mark_span, ctx.art.meta.lang, ctx.words) + 4.0, fs.size);
    auto frows = set_rows(ctx, fs, {span_for(ctx, fs, f.text, f.pos)}, inner, "fact", hang);
    if (frows.empty()) continue;
    auto mrows = set_rows(ctx, fs, {mark_span}, hang, "fact-mark");
    if (!mrows.empty()) {
      append(frows.front().items, std::move(mrows.front().items));
    }
    for (auto& r : frows) r.break_before = false;
    append(rows, std::move(frows));
  }
  Row out = boxed(ctx, stack(rows), width, k.padding, k.fill, k.border, k.border_width, k.radius, "key-facts");
  out.space_after = k.space_after;
  out.label = "key-facts box";
  return out;
}

namespace {

std::string role_line(const article::Person& p, bool role, bool affiliation) {
  const std::string r = role ? p.role : "";
  if (!affiliation || p.affiliation.empty() || r.find(p.affiliation) != std::string::npos) return r;
  return r.empty() ? p.affiliation : r + ", " + p.affiliation;
}

}  // namespace

static Row who_title_now(Ctx& ctx, double width) {
  const auto& w = ctx.lay.who;
  const Style& ts = ctx.style("box-title");
  Row title = stack(set_rows(ctx, ts, {span_for(ctx, ts, w.title, {ctx.lay.path, 0, 0})}, width, "who-title"));
  frame::Rule rule;
  rule.x1 = 0, rule.x2 = width, rule.y1 = rule.y2 = title.height + 1;
  rule.width = 0.5;
  rule.colour = ctx.paints.at(static_cast<std::size_t>(ctx.paint(w.rule.empty() ? "black" : w.rule)));
  rule.role = "who-rule";
  if (!w.rule.empty()) title.items.push_back(rule);
  title.space_after = std::max(ts.def->space_after, 2.0) + 2;  // room below the rule
  title.label = "who-is-who title";
  return title;
}

static std::vector<Row> who_entries_now(Ctx& ctx, double width) {
  const auto& w = ctx.lay.who;
  const Style& ns = ctx.style("who-name");
  const Style& rs = ctx.style("who-role");
  std::vector<const article::Person*> people;
  for (const auto& id : ctx.art.mention_order)
    if (const auto* p = ctx.art.person(id)) people.push_back(p);
  if (w.order == layout::WhoOrder::declared) {
    people.clear();
    for (const auto& p : ctx.art.people) people.push_back(&p);
  } else if (w.order == layout::WhoOrder::surname) {
    std::stable_sort(people.begin(), people.end(), [](auto* a, auto* b) { return a->sort_key < b->sort_key; });
  }
  std::vector<Row> rows;
  for (const auto* p : people) {
    auto entry = set_rows(ctx, ns, {span_for(ctx, ns, p->name, p->pos)}, width, "who-name");
    const std::string line = role_line(*p, w.role, w.affiliation);
    if (!line.empty()) {
      auto role = set_rows(ctx, rs, {span_for(ctx, rs, line, p->pos)}, width, "who-role");
      entry.insert(entry.end(), role.begin(), role.end());
    }
    Row one = stack(entry);
    one.space_after = rs.def->space_after;
    one.label = "who-is-who entry";
    rows.push_back(std::move(one));
  }
  return rows;
}

std::vector<Row> body_rows(Ctx& ctx, double width, std::vector<std::size_t>& block_end) {
  std::vector<Row> rows;
  block_end.assign(ctx.art.blocks.size(), 0);
  bool after_heading = false;
  for (std::size_t b = 0; b < ctx.art.blocks.size(); ++b) {
    const auto& blk = ctx.art.blocks[b];
    const bool heading = blk.kind == article::Block::Kind::heading;
    const Style& st = ctx.style(heading ? "heading" : "body");
    auto r = set_rows(ctx, st, spans_for(ctx, st, blk.runs), width, heading ? "heading" : "body");
    if (!r.empty() && after_heading) r.front().break_before = false;
    after_heading = heading;
    append(rows, std::move(r));
    block_end[b] = rows.size();
  }
  return rows;
}

std::vector<Float> callout_rows(Ctx& ctx, double width, const std::vector<std::size_t>& block_end) {
  std::vector<Float> out;
  for (std::size_t qi : pick_callouts(ctx.art, ctx.lay.callouts)) {
    const auto& q = ctx.art.quotes[qi];
    if (q.block < 0 || block_end.empty()) continue;
    // Not adjacent to its own quotation: after the next paragraph, else before the previous one.
    const auto b = static_cast<std::size_t>(q.block);
    auto is_para = [&](std::size_t k) { return ctx.art.blocks[k].kind == article::Block::Kind::paragraph; };
    std::size_t anchor = block_end[b];
    bool found = false;
    for (std::size_t k = b + 1; k < block_end.size() && !found; ++k)
      if (is_para(k)) anchor = block_end[k], found = true;
    for (std::size_t k = b; k >= 2 && !found; --k)
      if (is_para(k - 2)) anchor = block_end[k - 2], found = true;
    out.push_back(
        {memo_row(ctx, {"callout", {static_cast<double>(qi), width}}, [&] { return callout(ctx, q, width); }), anchor});
  }
  std::stable_sort(out.begin(), out.end(), [](const Float& a, const Float& b) { return a.anchor < b.anchor; });
  return out;
}

static Row title_band_now(Ctx& ctx, double width, double reserve_right) {
  const auto& band = ctx.lay.band;
  const double inner = width - 2 * band.padding - reserve_right;
  const Style& ts = ctx.style("title");
  const Style& ss = ctx.style("standfirst");
  const auto& m = ctx.art.meta;
  std::vector<Row> rows = set_rows(ctx, ts, {span_for(ctx, ts, m.title, {ctx.art.path, 0, 0})}, inner, "title");
  if (!m.standfirst.empty()) {
    auto s = set_rows(ctx, ss, {span_for(ctx, ss, m.standfirst, {ctx.art.path, 0, 0})}, inner, "standfirst");
    if (!s.empty()) s.front().space_before = 4;
    append(rows, std::move(s));
  }
  std::string when = band.dateline ? human_date(m.date) : "";
  if (band.dateline && !m.place.empty()) when += (when.empty() ? "" : " \u00B7 ") + m.place;
  if (!when.empty()) {
    const Style& hs = ctx.style("header");
    auto s = set_rows(ctx, hs, {span_for(ctx, hs, when, {ctx.art.path, 0, 0})}, inner, "dateline");
    for (auto& r : s)
      for (auto& it : r.items)
        if (auto* g = std::get_if<frame::GlyphRun>(&it)) g->colour = ctx.paints.at(static_cast<std::size_t>(ss.paint));
    if (!s.empty()) s.front().space_before = 6;
    append(rows, std::move(s));
  }
  Row out = boxed(ctx, stack(rows), width, band.padding, band.fill, "", 0, 0, "title-band");
  out.space_after = band.space_after;
  out.label = "title band";
  return out;
}

// The blocks below use unscaled styles only, so the passes of one composition share them.

Row key_facts(Ctx& ctx, double width) {
  return memo_row(ctx, {"key-facts", {width}}, [&] { return key_facts_now(ctx, width); });
}

Row who_title(Ctx& ctx, double width) {
  return memo_row(ctx, {"who-title", {width}}, [&] { return who_title_now(ctx, width); });
}

std::vector<Row> who_entries(Ctx& ctx, double width) {
  return memo_rows(ctx, {"who-entries", {width}}, [&] { return who_entries_now(ctx, width); });
}

Row title_band(Ctx& ctx, double width, double reserve_right) {
  return memo_row(ctx, {"title-band", {width, reserve_right}},
                  [&] { return title_band_now(ctx, width, reserve_right); });
}

}  // namespace briefing::compose
