#include "cli/plan.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "base/fileio.hpp"
#include "cli/document.hpp"
#include "cli/manifest.hpp"

namespace briefing::cli {

namespace {

namespace fs = std::filesystem;

/// A lexically normal path.
std::string normal(const std::string& p) {
  return fs::path(p).lexically_normal().string();
}

/// The article files named on the command line (a folder stands for its *.xml), else source/*.xml.
std::vector<std::string> select_articles(const BatchOptions& b, Plan& plan, base::DiagSink& diags) {
  const std::vector<std::string> args = b.articles.empty() ? std::vector<std::string>{"source"} : b.articles;
  std::vector<std::string> out;
  for (const auto& a : args) {
    if (base::is_directory(a)) {
      const auto found = xml_files_in(a);
      if (found.empty()) diags.error({a, 0, 0}, "no articles (*.xml) in this folder");
      out.insert(out.end(), found.begin(), found.end());
      plan.scanned_dirs.push_back(normal(a));
    } else if (base::is_regular_file(a)) {
      out.push_back(normal(a));
    } else {
      diags.error({a, 0, 0},
                  b.articles.empty() ? "no such folder; name the articles or give --manifest" : "no such article");
    }
  }
  return out;
}

/// The layout files named on the command line, else every layout in the layouts folder.
std::vector<std::string> select_layouts(const BatchOptions& b, const layout::SearchPaths& paths, Plan& plan,
                                        base::DiagSink& diags) {
  if (b.layouts.empty()) {
    plan.scanned_dirs.push_back(normal(paths.layouts_dir));
    return all_layouts(paths, diags);
  }
  std::vector<std::string> out;
  for (const auto& l : b.layouts)
    if (auto p = find_layout(l, paths, {l, 0, 0}, diags)) out.push_back(*p);
  return out;
}

/// Every article with every layout, without duplicates, sorted.
std::vector<JobSpec> cross(const std::vector<std::string>& articles, const std::vector<std::string>& layouts) {
  std::set<JobSpec> jobs;
  for (const auto& a : articles)
    for (const auto& l : layouts) jobs.insert({a, l, ""});
  return {jobs.begin(), jobs.end()};
}

}  // namespace

std::vector<std::string> xml_files_in(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".xml" && e.is_regular_file(ec)) out.push_back(normal(e.path().string()));
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<std::string> find_layout(const std::string& arg, const layout::SearchPaths& paths,
                                       const base::SourcePos& where, base::DiagSink& diags) {
  const std::string path = normal(layout::resolve_layout(arg, paths));
  if (base::is_regular_file(path)) return path;
  if (!is_layout_name(arg)) {
    diags.error(where, fmt::format("no such layout file '{}'", arg));
    return std::nullopt;
  }
  std::vector<std::string> names;
  for (const auto& f : xml_files_in(paths.layouts_dir)) names.push_back(fs::path(f).stem().string());
  const auto hint = base::did_you_mean(arg, {names.begin(), names.end()});
  diags.error(where, fmt::format("no layout named '{}' in {}{}", arg, paths.layouts_dir,
                                 hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
  return std::nullopt;
}

std::vector<std::string> all_layouts(const layout::SearchPaths& paths, base::DiagSink& diags) {
  auto found = xml_files_in(paths.layouts_dir);
  if (found.empty()) diags.error({paths.layouts_dir, 0, 0}, "no layouts (*.xml) in this folder");
  return found;
}

std::vector<JobSpec> take_shard(const std::vector<JobSpec>& sorted, const Shard& shard) {
  std::vector<JobSpec> out;
  for (std::size_t i = shard.index - 1; i < sorted.size(); i += shard.count) out.push_back(sorted[i]);
  return out;
}

std::optional<Plan> make_plan(const BatchOptions& b, const layout::SearchPaths& paths,
                              const std::optional<Shard>& shard, base::DiagSink& diags) {
  Plan plan;
  std::vector<JobSpec> jobs;
  const std::size_t errors = diags.error_count();
  if (!b.manifest.empty()) {
    plan.manifest = normal(b.manifest);
    if (auto listed = read_manifest(b.manifest, paths, diags)) jobs = std::move(*listed);
  } else {
    const auto articles = select_articles(b, plan, diags);
    const auto layouts = select_layouts(b, paths, plan, diags);
    jobs = cross(articles, layouts);
  }
  if (diags.error_count() > errors) return std::nullopt;
  plan.unsharded_count = jobs.size();
  plan.jobs = shard ? take_shard(jobs, *shard) : std::move(jobs);
  return plan;
}

}  // namespace briefing::cli
