// One document, in process: where inputs are found, what the output is called, and rendering an
// article with a layout to PDF bytes. Shared by render, check, build and watch.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "article/model.hpp"
#include "base/diag.hpp"
#include "cli/options.hpp"
#include "layout/load.hpp"
#include "layout/model.hpp"
#include "pdf/write.hpp"
#include "typeset/font.hpp"

namespace briefing::cli {

/// The layouts and fonts folders: the options, else ./layouts (or one next to the program) and the
/// folder 'fonts' beside it.
[[nodiscard]] layout::SearchPaths search_paths(const Options& o, const std::string& program);

/// SOURCE_DATE_EPOCH as seconds; nothing when unset, with a warning in `diags` when malformed.
[[nodiscard]] std::optional<std::int64_t> source_date_epoch(base::DiagSink& diags);

/// The article's id: its id attribute, else its file name without extension.
[[nodiscard]] std::string article_id(const article::Article& art);

/// The layout's name: its name attribute, else its file name without extension.
[[nodiscard]] std::string layout_name(const layout::Layout& lay);

/// The default output file name, `<article-id>-<layout-name>.pdf`.
[[nodiscard]] std::string output_name(const article::Article& art, const layout::Layout& lay);

/// True when `name` (a layout argument) is a bare name rather than a path.
[[nodiscard]] bool is_layout_name(const std::string& name);

/// A rendered document.
struct Rendered {
  std::string bytes;
  std::size_t pages = 0;
};

/// Composes and renders one document. Problems go to `diags` (a PDF backend failure is reported
/// against `target`); nothing when any is an error.
[[nodiscard]] std::optional<Rendered> render_document(const article::Article& art, const layout::Layout& lay,
                                                      typeset::FontBook& fonts, const pdf::Options& options,
                                                      const std::string& target, base::DiagSink& diags);

/// Prints each diagnostic as `file:line:col: severity: message` (errors only when `quiet`).
void print_diagnostics(const base::DiagSink& diags, bool quiet, std::ostream& err);

}  // namespace briefing::cli
