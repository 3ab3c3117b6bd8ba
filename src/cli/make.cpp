// Making one document: the up-to-date check against the cache, else render and write atomically.
#include <chrono>
#include <filesystem>

#include <fmt/format.h>

#include "base/fileio.hpp"
#include "cli/document.hpp"
#include "cli/engine_internal.hpp"
#include "typeset/hyphenate.hpp"

namespace briefing::cli::detail {

namespace {

namespace fs = std::filesystem;

/// The key of a document: the tool, the options that change the bytes, and every input's content.
std::optional<Hash128> document_key(const Job& job, const std::vector<std::string>& extras, const MakeContext& ctx) {
  Hasher h;
  h.add_field("document v1");
  h.add_hash(tool_id());
  const auto& epoch = ctx.settings.pdf.source_date_epoch;
  h.add_field(epoch ? fmt::format("SOURCE_DATE_EPOCH={}", *epoch) : "SOURCE_DATE_EPOCH unset");
  h.add_hash(job.article->hash());
  h.add_hash(job.layout->hash);
  for (const auto& x : extras) {
    std::string error;
    const auto xh = ctx.hashes.get(x, error);
    if (!xh) return std::nullopt;
    h.add_hash(*xh);
  }
  return h.digest();
}

/// The output as `old` describes it: untouched (same stat) or with the same bytes. Sets `resigned`
/// when only the stat signature differs.
bool output_intact(const std::string& path, const CacheEntry& old, bool& resigned) {
  const auto sig = file_sig(path);
  if (!sig) return false;
  if (*sig == old.output_sig) return true;
  std::string error;
  const auto bytes = base::read_file(path, error);
  resigned = bytes && hash_bytes(*bytes) == old.output_hash;
  return resigned;
}

/// Files found while rendering: the hyphenation dictionary of the article's language.
std::vector<std::string> found_inputs(const article::Article& art) {
  std::string error;
  const auto* hyph = typeset::hyphenator_for(art.meta.lang.empty() ? "en" : art.meta.lang, error);
  if (!hyph) return {};
  return {absolute_path(hyph->path())};
}

/// Lists the document's inputs: the article, the layout's files and those found while rendering.
void set_deps(Job& job, const std::vector<std::string>& extras) {
  auto& deps = job.result.deps;
  deps = {job.article->path()};
  deps.insert(deps.end(), job.layout->deps.begin(), job.layout->deps.end());
  deps.insert(deps.end(), extras.begin(), extras.end());
}

/// Marks the job failed with one more error.
void fail(Job& job, const std::string& file, std::string message) {
  job.result.diags.push_back(file_diag(file, std::move(message)));
  job.result.status = Status::failed;
}

/// Renders and writes the document; the new entry on success.
std::optional<CacheEntry> build(Job& job, const MakeContext& ctx, const std::string& out_path) {
  set_deps(job, {});
  const article::Article* art = job.article->parsed();
  append(job.result.diags, job.article->diags());
  job.result.status = Status::failed;  // until written; the article's or layout's errors say why
  if (!art || !job.layout->layout) return std::nullopt;
  base::DiagSink diags;
  const auto r = render_document(*art, *job.layout->layout, ctx.fonts, ctx.settings.pdf, out_path, diags);
  append(job.result.diags, diags);
  if (!r) return std::nullopt;
  std::error_code ec;
  fs::create_directories(fs::path(out_path).parent_path(), ec);
  std::string error;
  if (!base::write_atomic(out_path, r->bytes, error)) {
    fail(job, out_path, fmt::format("cannot write the output: {}", error));
    return std::nullopt;
  }
  const auto extras = found_inputs(*art);
  const auto key = document_key(job, extras, ctx);
  set_deps(job, extras);
  job.result.status = Status::built;
  job.result.pages = r->pages;
  if (!key) return std::nullopt;  // a dictionary vanished meanwhile: rebuild next time
  return CacheEntry{job.rel,
                    *key,
                    hash_bytes(r->bytes),
                    file_sig(out_path).value_or(FileSig{}),
                    job.article->absolute(),
                    job.article->hash(),
                    article_id(*art),
                    absolute_path(job.layout->path),
                    extras};
}

}  // namespace

void append(std::vector<base::Diagnostic>& to, const base::DiagSink& from) {
  to.insert(to.end(), from.items().begin(), from.items().end());
}

std::optional<CacheEntry> make_document(Job& job, const MakeContext& ctx) {
  const auto start = std::chrono::steady_clock::now();
  const std::string out_path = job.result.output;
  std::optional<CacheEntry> entry;
  const CacheEntry* old = ctx.cache.find(job.rel);
  bool resigned = false;
  append(job.result.diags, job.layout->diags);
  if (!ctx.settings.force && old && !job.layout->diags.has_errors() &&
      document_key(job, old->extras, ctx) == old->key && output_intact(out_path, *old, resigned)) {
    job.result.diags.clear();  // nothing was done, so nothing to report
    job.result.status = Status::up_to_date;
    set_deps(job, old->extras);
    if (resigned) entry = *old, entry->output_sig = file_sig(out_path).value_or(FileSig{});
  } else {
    entry = build(job, ctx, out_path);
  }
  job.result.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return entry;
}

}  // namespace briefing::cli::detail
