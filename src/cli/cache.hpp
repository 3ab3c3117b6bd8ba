// The build cache: for every output, the hash of everything it was made from and of its bytes, so a
// later build can tell what is up to date. Stored as `<outdir>/.briefing-cache`, a tab-separated
// text file written atomically.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cli/filehash.hpp"
#include "cli/hash.hpp"

namespace briefing::cli {

/// What the cache knows about one output.
struct CacheEntry {
  std::string output;  ///< relative to the output folder; the entry's key
  Hash128 key;         ///< hash of the tool, the options and every input's content
  Hash128 output_hash;
  FileSig output_sig;   ///< stat() of the output as written; equal means untouched
  std::string article;  ///< absolute path
  Hash128 article_hash;
  std::string article_id;           ///< saves parsing an unchanged article to name its outputs
  std::string layout;               ///< absolute path
  std::vector<std::string> extras;  ///< inputs found while rendering (the hyphenation dictionary)
};

/// The entries by output, as read from or written to the cache file.
class Cache {
 public:
  /// The file name inside the output folder.
  static constexpr const char* file_name = ".briefing-cache";

  /// Reads the cache file; an absent, foreign or damaged file gives an empty cache (a full build).
  static Cache load(const std::string& path);
  /// The file's text.
  [[nodiscard]] std::string serialise() const;
  /// Parses a cache file's text; lines that do not parse are dropped.
  static Cache parse(std::string_view text);

  [[nodiscard]] const CacheEntry* find(const std::string& output) const;
  void put(CacheEntry e) { entries_[e.output] = std::move(e); }
  void erase(const std::string& output) { entries_.erase(output); }
  [[nodiscard]] const std::map<std::string, CacheEntry>& entries() const { return entries_; }
  /// The id recorded for an article whose content still hashes to `hash`; nothing otherwise.
  [[nodiscard]] std::optional<std::string> known_id(const std::string& article, const Hash128& hash) const;

 private:
  std::map<std::string, CacheEntry> entries_;
  std::map<std::pair<std::string, std::string>, std::string> ids_;  ///< (article, content hash) → id
};

}  // namespace briefing::cli
