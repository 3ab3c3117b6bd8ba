#include "pdf/fontembed.hpp"

#include <hb-subset.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include <fmt/format.h>

namespace briefing::pdf {

namespace {

/// Subsets with hb-subset, without the cache.
std::string subset_now(const typeset::Font& font, const std::set<char32_t>& cps, std::string& error) {
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  if (!input) {
    error = "cannot create a font subset";
    return {};
  }
  hb_set_t* unicodes = hb_subset_input_unicode_set(input);
  for (char32_t c : cps) hb_set_add(unicodes, c);
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
  // The subset is embedded as it is: viewers draw from glyf, loca, head, hhea, hmtx, maxp and
  // cmap, and libharu reads name, OS/2, post and cmap for the descriptor. The layout tables
  // (the text is shaped already) would be subset at most of the cost and embedded for nothing,
  // and their closure would add glyphs (small capitals, alternates) that no code point shows.
  hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* tag : {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "morx", "mort", "kerx", "feat",
                          "DSIG", "LTSH", "VDMX", "hdmx", "gasp", "PCLT"})
    hb_set_add(drop, hb_tag_from_string(tag, -1));
  hb_face_t* sub = hb_subset_or_fail(font.file_face(), input);
  hb_subset_input_destroy(input);
  if (!sub) {
    error = fmt::format("cannot subset font '{}'", font.path());
    return {};
  }
  hb_blob_t* blob = hb_face_reference_blob(sub);
  unsigned len = 0;
  const char* data = hb_blob_get_data(blob, &len);
  std::string out(data, len);
  hb_blob_destroy(blob);
  hb_face_destroy(sub);
  return out;
}

/// Subsets already made in this process, by font serial and code points (a batch shows the
/// same characters in the same fonts again and again).
class SubsetCache {
 public:
  using Key = std::pair<std::uint64_t, std::vector<char32_t>>;

  /// The cached bytes, or null.
  std::shared_ptr<const std::string> find(const Key& key) {
    std::lock_guard lock(mutex_);
    const auto it = map_.find(key);
    return it == map_.end() ? nullptr : it->second;
  }

  /// Remembers bytes; starts afresh past a bound, so that a long watch session stays small.
  void add(Key key, std::shared_ptr<const std::string> bytes) {
    std::lock_guard lock(mutex_);
    if (map_.size() >= kMaxEntries) map_.clear();
    map_.emplace(std::move(key), std::move(bytes));
  }

 private:
  static constexpr std::size_t kMaxEntries = 256;
  std::mutex mutex_;
  std::map<Key, std::shared_ptr<const std::string>> map_;
};

SubsetCache& subset_cache() {
  static SubsetCache cache;
  return cache;
}

}  // namespace

std::string subset_font(const typeset::Font& font, const std::set<char32_t>& cps, std::string& error) {
  SubsetCache::Key key{font.serial(), {cps.begin(), cps.end()}};
  if (const auto hit = subset_cache().find(key)) return *hit;
  auto bytes = std::make_shared<const std::string>(subset_now(font, cps, error));
  if (!bytes->empty()) subset_cache().add(std::move(key), bytes);
  return *bytes;
}

namespace {
std::u32string decompose(char32_t c) {
  switch (c) {
    case 0xFB00: return U"ff";
    case 0xFB01: return U"fi";
    case 0xFB02: return U"fl";
    case 0xFB03: return U"ffi";
    case 0xFB04: return U"ffl";
    case 0xFB05:
    case 0xFB06: return U"st";
    default: return std::u32string(1, c);
  }
}
}  // namespace

namespace {
/// Appends a code as four upper-case hex digits.
void append_hex4(std::string& s, char32_t v) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  for (int shift = 12; shift >= 0; shift -= 4) s += kDigits[(v >> shift) & 0xF];
}
}  // namespace

std::string to_unicode_cmap(const std::set<char32_t>& cps) {
  std::string s =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::vector<char32_t> list;
  for (char32_t c : cps)
    if (c <= 0xFFFF) list.push_back(c);
  s.reserve(s.size() + list.size() * 24 + 160);
  for (std::size_t i = 0; i < list.size(); i += 100) {
    const std::size_t n = std::min<std::size_t>(100, list.size() - i);
    s += std::to_string(n);
    s += " beginbfchar\n";
    for (std::size_t k = i; k < i + n; ++k) {
      s += '<';
      append_hex4(s, list[k]);
      s += "> <";
      for (char32_t u : decompose(list[k])) append_hex4(s, u);
      s += ">\n";
    }
    s += "endbfchar\n";
  }
  s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return s;
}

std::string cid_to_gid_map(const std::vector<char32_t>& codes, const std::function<unsigned(char32_t)>& gid_of) {
  char32_t top = 0;
  for (char32_t c : codes)
    if (c <= 0xFFFF) top = std::max(top, c);
  std::string out(codes.empty() ? 0 : 2 * (static_cast<std::size_t>(top) + 1), '\0');
  for (char32_t c : codes) {
    if (c > 0xFFFF) continue;
    const unsigned gid = gid_of(c);
    out[2 * c] = static_cast<char>((gid >> 8) & 0xFF);
    out[2 * c + 1] = static_cast<char>(gid & 0xFF);
  }
  return out;
}

}  // namespace briefing::pdf
