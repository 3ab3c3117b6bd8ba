#include "stages/fixture.hpp"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <regex>

#include "article/load.hpp"
#include "base/fileio.hpp"
#include "base/text.hpp"
#include "compose/compose.hpp"

namespace briefing::bench {

namespace {

/// The seed's body repeated: copies after the first rename quotation ids and untag facts.
std::string repeat_body(const std::string& xml, int times) {
  const auto open = xml.find("<body>") + 6, close = xml.find("</body>");
  const std::string body = xml.substr(open, close - open);
  std::string all = body;
  for (int k = 2; k <= times; ++k) {
    std::string copy =
        std::regex_replace(body, std::regex(R"(\b(id|continues)="(q-[^"]*)\")"), "$1=\"$2-" + std::to_string(k) + "\"");
    all += std::regex_replace(copy, std::regex(R"(<fact\b[^>]*>([\s\S]*?)</fact>)"), "$1");
  }
  return xml.substr(0, open) + all + xml.substr(close);
}

}  // namespace

std::string source_path(const std::string& rel) {
  return std::string(BRIEFING_SOURCE_DIR) + "/" + rel;
}

layout::SearchPaths search_paths() {
  return {source_path("layouts"), source_path("fonts")};
}

void fail(const std::string& what, const base::DiagSink& diags) {
  std::fprintf(stderr, "bench fixture: %s\n", what.c_str());
  for (const auto& d : diags.items()) std::fprintf(stderr, "  %s\n", base::format(d).c_str());
  std::exit(1);
}

const std::string& article_xml(int times) {
  static std::map<int, std::string> cache;
  auto& slot = cache[times];
  if (slot.empty()) {
    std::string error;
    const auto seed = base::read_file(source_path("source/article.xml"), error);
    if (!seed) fail("cannot read the seed article: " + error, {});
    slot = times == 1 ? *seed : repeat_body(*seed, times);
  }
  return slot;
}

const article::Article& article(int times) {
  static std::map<int, article::Article> cache;
  if (const auto it = cache.find(times); it != cache.end()) return it->second;
  base::DiagSink diags;
  auto art = article::load_from_string(article_xml(times), source_path("source/article.xml"), diags);
  if (!art) fail("cannot load the article", diags);
  return cache.emplace(times, std::move(*art)).first->second;
}

const layout::Layout& layout(const std::string& rel) {
  static std::map<std::string, layout::Layout> cache;
  if (const auto it = cache.find(rel); it != cache.end()) return it->second;
  base::DiagSink diags;
  auto lay = layout::load_file(source_path(rel), search_paths(), diags);
  if (!lay) fail("cannot load the layout " + rel, diags);
  return cache.emplace(rel, std::move(*lay)).first->second;
}

typeset::FontBook& fonts() {
  static typeset::FontBook book;
  return book;
}

const frame::Document& document(int times, const std::string& layout_rel) {
  static std::map<std::pair<int, std::string>, frame::Document> cache;
  const auto key = std::pair{times, layout_rel};
  if (const auto it = cache.find(key); it != cache.end()) return it->second;
  base::DiagSink diags;
  auto doc = compose::compose(article(times), layout(layout_rel), fonts(), diags);
  if (!doc) fail("cannot compose " + layout_rel, diags);
  return cache.emplace(key, std::move(*doc)).first->second;
}

const typeset::Hyphenator* hyphenator() {
  std::string error;
  const auto* h = typeset::hyphenator_for("en-GB", error);
  if (!h) fail("no hyphenator: " + error, {});
  return h;
}

const std::vector<std::vector<typeset::Span>>& body_spans() {
  static const auto spans = [] {
    std::string error;
    const auto serif = fonts().load(source_path("fonts/LiberationSerif-Regular.ttf"), error);
    if (serif < 0) fail("cannot load the serif font: " + error, {});
    std::vector<std::vector<typeset::Span>> out;
    for (const auto& b : article(1).blocks) {
      if (b.kind != article::Block::Kind::paragraph) continue;
      typeset::Span s;
      s.text = base::utf8_decode(article::plain_text(b.runs));
      s.fonts = {serif};
      out.push_back({s});
    }
    return out;
  }();
  return spans;
}

}  // namespace briefing::bench
