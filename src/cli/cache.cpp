#include "cli/cache.hpp"

#include <sstream>

#include <fmt/format.h>

#include "base/fileio.hpp"
#include "cli/args.hpp"

namespace briefing::cli {

namespace {

constexpr std::string_view header = "briefing-cache 1";

/// Escapes a field so that it holds no tab or newline.
std::string escape(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '\t')
      out += "\\t";
    else if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else
      out.push_back(c);
  }
  return out;
}

/// Undoes escape().
std::string unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out.push_back(s[i]);
      continue;
    }
    const char c = s[++i];
    out.push_back(c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c);
  }
  return out;
}

/// The unescaped tab-separated fields of a line.
std::vector<std::string> split_tabs(std::string_view line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t tab; (tab = line.find('\t', start)) != std::string_view::npos; start = tab + 1)
    out.push_back(unescape(line.substr(start, tab - start)));
  out.push_back(unescape(line.substr(start)));
  return out;
}

std::optional<std::int64_t> integer(const std::string& s) {
  const bool negative = !s.empty() && s[0] == '-';
  const auto v = parse_whole(negative ? s.substr(1) : s);
  if (!v) return std::nullopt;
  return negative ? -static_cast<std::int64_t>(*v) : static_cast<std::int64_t>(*v);
}

/// Parses one entry line: output, key, output hash, size, mtime, ctime, inode, article, article
/// hash, article id, layout, extras...
std::optional<CacheEntry> parse_entry(std::string_view line) {
  const auto f = split_tabs(line);
  if (f.size() < 11) return std::nullopt;
  CacheEntry e;
  const auto key = Hash128::from_hex(f[1]), out = Hash128::from_hex(f[2]), art = Hash128::from_hex(f[8]);
  const auto size = integer(f[3]), mtime = integer(f[4]), ctime = integer(f[5]), inode = integer(f[6]);
  if (!key || !out || !art || !size || !mtime || !ctime || !inode || f[0].empty()) return std::nullopt;
  e.output = f[0], e.key = *key, e.output_hash = *out, e.article_hash = *art;
  e.output_sig = {*size, *mtime, *ctime, static_cast<std::uint64_t>(*inode)};
  e.article = f[7], e.article_id = f[9], e.layout = f[10];
  e.extras.assign(f.begin() + 11, f.end());
  return e;
}

/// One entry as a line, in parse_entry()'s field order.
std::string format_entry(const CacheEntry& e) {
  std::string line =
      fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}", escape(e.output), e.key.hex(), e.output_hash.hex(),
                  e.output_sig.size, e.output_sig.mtime_ns, e.output_sig.ctime_ns, e.output_sig.inode,
                  escape(e.article), e.article_hash.hex(), escape(e.article_id), escape(e.layout));
  for (const auto& x : e.extras) line.append(1, '\t').append(escape(x));
  return line;
}

}  // namespace

Cache Cache::load(const std::string& path) {
  std::string error;
  const auto text = base::read_file(path, error);
  return text ? parse(*text) : Cache{};
}

Cache Cache::parse(std::string_view text) {
  Cache c;
  std::istringstream in{std::string(text)};
  std::string line;
  if (!std::getline(in, line) || line != header) return c;
  while (std::getline(in, line))
    if (auto e = parse_entry(line)) {
      c.ids_[{e->article, e->article_hash.hex()}] = e->article_id;
      c.put(std::move(*e));
    }
  return c;
}

std::string Cache::serialise() const {
  std::string out = std::string(header) + "\n";
  for (const auto& [_, e] : entries_) out += format_entry(e) + "\n";
  return out;
}

const CacheEntry* Cache::find(const std::string& output) const {
  const auto it = entries_.find(output);
  return it == entries_.end() ? nullptr : &it->second;
}

std::optional<std::string> Cache::known_id(const std::string& article, const Hash128& hash) const {
  const auto it = ids_.find({article, hash.hex()});
  if (it == ids_.end()) return std::nullopt;
  return it->second;
}

}  // namespace briefing::cli
