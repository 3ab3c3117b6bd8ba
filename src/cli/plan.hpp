// Which documents a batch makes: the articles × layouts the user selected (or a manifest lists),
// sorted, and cut to one shard.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diag.hpp"
#include "cli/options.hpp"
#include "layout/load.hpp"

namespace briefing::cli {

/// One document to make: an article with a layout.
struct JobSpec {
  std::string article;  ///< article file, as given (lexically normalised)
  std::string layout;   ///< layout file, as given or resolved from a name
  std::string output;   ///< relative to the output folder; empty: <article-id>-<layout-name>.pdf
  friend auto operator<=>(const JobSpec&, const JobSpec&) = default;
};

/// The selected documents and what was scanned to find them.
struct Plan {
  std::vector<JobSpec> jobs;              ///< sorted; only this shard's
  std::size_t unsharded_count = 0;        ///< documents in all shards together
  std::vector<std::string> scanned_dirs;  ///< article and layout folders listed (watch sees new files there)
  std::string manifest;                   ///< the manifest file, if any
};

/// Selects the documents; every problem (missing article, unknown layout, bad manifest line) goes
/// to `diags` and makes the result empty. `shard` cuts the sorted list when set.
[[nodiscard]] std::optional<Plan> make_plan(const BatchOptions& b, const layout::SearchPaths& paths,
                                            const std::optional<Shard>& shard, base::DiagSink& diags);

/// The `.xml` files directly inside `dir`, sorted.
[[nodiscard]] std::vector<std::string> xml_files_in(const std::string& dir);

/// Resolves a layout argument (a name or a path) to an existing file; reports unknown names with a
/// suggestion. `where` positions the diagnostic.
[[nodiscard]] std::optional<std::string> find_layout(const std::string& arg, const layout::SearchPaths& paths,
                                                     const base::SourcePos& where, base::DiagSink& diags);

/// Every layout in the layouts folder; reports an empty folder.
[[nodiscard]] std::vector<std::string> all_layouts(const layout::SearchPaths& paths, base::DiagSink& diags);

/// The jobs of one shard: job i (counting from 0) belongs to shard (i mod N) + 1.
[[nodiscard]] std::vector<JobSpec> take_shard(const std::vector<JobSpec>& sorted, const Shard& shard);

}  // namespace briefing::cli
