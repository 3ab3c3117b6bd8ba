#include "compose/memo.hpp"

#include <algorithm>
#include <cstring>

namespace briefing::compose {

namespace {

/// Appends the bytes of a plain value.
template <typename T>
void put(std::string& key, const T& v) {
  key.append(reinterpret_cast<const char*>(&v), sizeof v);
}

/// Appends a string with its length, so that concatenations stay unambiguous.
void put_text(std::string& key, std::string_view s) {
  put(key, s.size());
  key.append(s);
}

}  // namespace

std::vector<Row> RowMemo::get(Ctx& ctx, const std::string& key, const std::function<std::vector<Row>()>& make) {
  if (const auto it = entries_.find(key); it != entries_.end()) {
    for (const typeset::FontId id : it->second.fonts) ctx.doc_font(id);
    for (const auto& d : it->second.diags) ctx.diags.add(d);
    return it->second.rows;
  }
  Entry e;
  const std::size_t before = ctx.diags.items().size();
  std::vector<typeset::FontId>* outer = ctx.font_log;
  ctx.font_log = &e.fonts;
  e.rows = make();
  ctx.font_log = outer;
  // An enclosing answer being made numbers these fonts too, in this order, after its own so far.
  if (outer)
    for (const typeset::FontId id : e.fonts)
      if (std::find(outer->begin(), outer->end(), id) == outer->end()) outer->push_back(id);
  e.diags.assign(ctx.diags.items().begin() + static_cast<std::ptrdiff_t>(before), ctx.diags.items().end());
  return entries_.emplace(key, std::move(e)).first->second.rows;
}

std::string row_key(const Style& st, const std::vector<typeset::Span>& spans, double width, const std::string& role,
                    double indent, bool force_left) {
  std::string key;
  put(key, st.def);
  put(key, st.size), put(key, st.leading);
  const auto& chain = st.chains[static_cast<std::size_t>(st.def->face)];
  put(key, chain.empty() ? -1 : chain.front());
  put(key, width), put(key, indent), put(key, force_left);
  put_text(key, role);
  for (const auto& s : spans) {
    put_text(key, {reinterpret_cast<const char*>(s.text.data()), s.text.size() * sizeof(char32_t)});
    put_text(key, {reinterpret_cast<const char*>(s.fonts.data()), s.fonts.size() * sizeof(typeset::FontId)});
    put(key, s.size), put(key, s.letter_spacing), put(key, s.tag), put(key, s.hyphenate);
    put_text(key, s.pos.file);
    put(key, s.pos.line), put(key, s.pos.column);
  }
  return key;
}

namespace {

/// A block's memo key as bytes.
std::string spelled(const BlockKey& k) {
  std::string key;
  put_text(key, k.name);
  for (const double v : k.numbers) put(key, v);
  for (const std::string_view t : k.texts) put_text(key, t);
  return key;
}

}  // namespace

std::vector<Row> memo_rows(Ctx& ctx, const BlockKey& key, const std::function<std::vector<Row>()>& make) {
  return ctx.memo ? ctx.memo->get(ctx, spelled(key), make) : make();
}

Row memo_row(Ctx& ctx, const BlockKey& key, const std::function<Row()>& make) {
  if (!ctx.memo) return make();
  auto rows = ctx.memo->get(ctx, spelled(key), [&] { return std::vector<Row>{make()}; });
  return rows.empty() ? Row{} : std::move(rows.front());
}

}  // namespace briefing::compose
