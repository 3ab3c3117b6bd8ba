// Entry points of the layout loader: files, names, and the `extends` chain.
#include "layout/load.hpp"

#include <fmt/format.h>

#include "base/fileio.hpp"
#include "layout/loader.hpp"

namespace briefing::layout {

namespace {

constexpr std::size_t kMaxChain = 16;

std::optional<Layout> load_chain(std::string_view xml, const std::string& path, const SearchPaths& paths,
                                 base::DiagSink& diags, std::vector<std::string>& chain);

/// Reads and loads a parent layout named in `extends`, guarding against cycles and runaway chains.
std::optional<Layout> load_parent(const std::string& name, const base::SourcePos& where, const std::string& child,
                                  const SearchPaths& paths, base::DiagSink& diags, std::vector<std::string>& chain) {
  const bool by_path = name.find('/') != std::string::npos || name.ends_with(".xml");
  const std::string file = by_path ? (name.front() == '/' ? name : detail::dir_of(child) + "/" + name)
                                   : paths.layouts_dir + "/" + name + ".xml";
  if (!base::is_regular_file(file)) {
    diags.error(where, fmt::format("cannot find the layout '{}' that this layout extends (looked for {})", name, file));
    return std::nullopt;
  }
  for (const auto& seen : chain)
    if (base::same_file(seen, file)) {
      std::string cycle;
      for (const auto& c : chain) cycle += c + " -> ";
      diags.error(where, fmt::format("layouts extend each other in a cycle: {}{}", cycle, file));
      return std::nullopt;
    }
  if (chain.size() >= kMaxChain) {
    diags.error(where, fmt::format("layouts extend each other more than {} deep", kMaxChain));
    return std::nullopt;
  }
  std::string err;
  const auto text = base::read_file(file, err, kMaxBytes);
  if (!text) {
    diags.error(where, fmt::format("cannot read the layout '{}' that this layout extends: {}", file, err));
    return std::nullopt;
  }
  return load_chain(*text, file, paths, diags, chain);
}

std::optional<Layout> load_chain(std::string_view xml, const std::string& path, const SearchPaths& paths,
                                 base::DiagSink& diags, std::vector<std::string>& chain) {
  if (xml.size() > kMaxBytes) {
    diags.error({path, 0, 0}, base::too_large(xml.size(), kMaxBytes));
    return std::nullopt;
  }
  if (xml.starts_with("\xEF\xBB\xBF")) xml.remove_prefix(3);
  if (const auto bad = base::utf8_first_invalid(xml); bad != std::string_view::npos) {
    const auto [l, c] = base::LineMap(xml).locate(bad);
    diags.error({path, l, c}, "invalid utf-8");
    return std::nullopt;
  }
  chain.push_back(path);
  auto parent = [&](const std::string& name, base::SourcePos where) {
    return load_parent(name, where, path, paths, diags, chain);
  };
  auto out = detail::Loader(xml, path, paths, diags).run(parent);
  chain.pop_back();
  return out;
}

}  // namespace

std::string resolve_layout(const std::string& name_or_path, const SearchPaths& paths) {
  if (name_or_path.find('/') != std::string::npos || name_or_path.ends_with(".xml")) return name_or_path;
  return paths.layouts_dir + "/" + name_or_path + ".xml";
}

std::optional<Layout> load_from_string(std::string_view xml, const std::string& path, const SearchPaths& paths,
                                       base::DiagSink& diags) {
  std::vector<std::string> chain;
  return load_chain(xml, path, paths, diags, chain);
}

std::optional<Layout> load_file(const std::string& path, const SearchPaths& paths, base::DiagSink& diags) {
  if (const auto size = base::file_size(path); size && *size > kMaxBytes) {
    diags.error({path, 0, 0}, base::too_large(*size, kMaxBytes));
    return std::nullopt;
  }
  std::string err;
  const auto text = base::read_file(path, err, kMaxBytes);
  if (!text) {
    diags.error({path, 0, 0}, fmt::format("cannot read file: {}", err));
    return std::nullopt;
  }
  return load_from_string(*text, path, paths, diags);
}

}  // namespace briefing::layout
