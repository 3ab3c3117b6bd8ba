// The inputs of a batch, each read once: layouts (loaded, with the hash of every file they read) and
// articles (read and hashed up front, parsed only when a document needs it).
#pragma once

#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "article/model.hpp"
#include "base/diag.hpp"
#include "cli/filehash.hpp"
#include "layout/load.hpp"
#include "layout/model.hpp"

namespace briefing::cli {

/// A layout loaded once for the whole batch.
struct LayoutInput {
  std::string path;  ///< as selected
  std::string name;  ///< the layout's name, or the file's stem when it did not load
  std::optional<layout::Layout> layout;
  base::DiagSink diags;            ///< the loader's reports, and unreadable dependencies
  std::vector<std::string> deps;   ///< every file it reads: its sources, fonts and images
  std::vector<std::string> roles;  ///< what each dependency is: "source", "font", "image"
  Hash128 hash;                    ///< of the content of every dependency, in order
};

/// Loads a layout and lists everything it depends on (hash_layout_input() hashes them).
[[nodiscard]] LayoutInput load_layout_input(const std::string& path, const layout::SearchPaths& paths);

/// Sets `in.hash` from the content of every dependency; unreadable ones become errors.
void hash_layout_input(LayoutInput& in, FileHashes& hashes);

/// An article read once for the batch; parsed at most once, on first need, from any thread.
class ArticleInput {
 public:
  explicit ArticleInput(std::string path);
  /// Reads and hashes the file; an unreadable file becomes an error in diags().
  void read(FileHashes& hashes);
  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] const std::string& absolute() const { return absolute_; }
  [[nodiscard]] bool readable() const { return bytes_.has_value(); }
  [[nodiscard]] const Hash128& hash() const { return hash_; }
  /// The parsed article (parsed on the first call, from the bytes that were hashed); null when it
  /// has errors, which diags() then holds.
  const article::Article* parsed();
  /// Problems reading or parsing; complete once parsed() has returned.
  [[nodiscard]] const base::DiagSink& diags() const { return diags_; }
  /// Counts one more document that uses the article.
  void add_user() { ++users_; }
  /// One document is done with the article; the last one frees the parsed article (large batches
  /// then hold only the articles in use).
  void release();

 private:
  std::string path_;
  std::string absolute_;
  std::optional<std::string> bytes_;
  Hash128 hash_;
  std::once_flag parse_once_;
  std::optional<article::Article> article_;
  base::DiagSink diags_;
  std::atomic<int> users_{0};
};

/// Identifies the tool: its version and the bytes of the running executable, so a rebuilt tool
/// never trusts outputs of the previous one.
[[nodiscard]] const Hash128& tool_id();

/// An absolute, lexically normal path (the form the cache records).
[[nodiscard]] std::string absolute_path(const std::string& p);

}  // namespace briefing::cli
