// The layout loader's internals: one Loader per file, applying its elements over a base layout.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/diag.hpp"
#include "base/text.hpp"
#include "layout/load.hpp"

namespace briefing::layout::detail {

/// One attribute an element accepts and how to store its value.
struct AttrSpec {
  std::string_view name;
  std::function<bool(std::string_view)> set;  ///< false when the value is invalid
  std::string expected;                       ///< description for the error message
};

/// Loads a parent layout by name or path for `extends`; nothing when it failed (already reported).
using ParentLoader = std::function<std::optional<Layout>(const std::string& name, base::SourcePos where)>;

/// Parses one layout file over a base (the defaults or the parent layout).
class Loader {
 public:
  Loader(std::string_view xml, const std::string& path, const SearchPaths& paths, base::DiagSink& diags)
      : xml_(xml), lines_(xml), path_(path), paths_(paths), diags_(diags) {}

  /// Parses, loads the parent through `parent`, applies the elements and checks the result.
  std::optional<Layout> run(const ParentLoader& parent);

 private:
  // positions and errors
  base::SourcePos at(std::size_t offset) const;
  base::SourcePos pos(const pugi::xml_node& n) const;
  base::SourcePos pos(const pugi::xml_node& n, std::string_view attr) const;
  void error(base::SourcePos p, std::string msg) { diags_.error(std::move(p), std::move(msg)); }
  void unknown(const pugi::xml_node& n, std::string_view what, std::string_view parent,
               const std::vector<std::string_view>& known);

  // attribute specs (loader.cpp)
  void apply(const pugi::xml_node& n, const std::vector<AttrSpec>& specs);
  AttrSpec length(std::string_view name, double& v, bool positive = false);
  AttrSpec number(std::string_view name, int& v, int min, int max);
  AttrSpec flag(std::string_view name, bool& v);
  AttrSpec text(std::string_view name, std::string& v);
  AttrSpec colour_ref(std::string_view name, std::string& v, const pugi::xml_node& n);
  template <typename E>
  AttrSpec choice(std::string_view name, E& v, std::vector<std::pair<std::string_view, E>> options);
  std::string resolve_file(std::string_view file, const std::string& fallback_dir) const;
  /// False (with an error at `where`) when `resolved` lies outside the layout's folder and the fonts
  /// folder and the user has not allowed that; `what` is "font" or "image", `given` the attribute value.
  bool confined(const std::string& resolved, std::string_view given, std::string_view what,
                const base::SourcePos& where);
  /// `path` with symbolic links resolved (std::filesystem::weakly_canonical), null on failure.
  std::optional<std::filesystem::path> real_path(const std::string& path);
  /// The same for a folder, resolved once per layout: every file a layout names lies in one of two.
  const std::optional<std::filesystem::path>& real_dir(const std::string& dir);

  // elements (elements.cpp)
  void element(const pugi::xml_node& n);
  void page(const pugi::xml_node& n);
  void palette(const pugi::xml_node& n);
  void fonts(const pugi::xml_node& n);
  void styles(const pugi::xml_node& n);
  void style(const pugi::xml_node& n);
  void boxes(const pugi::xml_node& n);
  void running(const pugi::xml_node& n, Running& r);
  void image(const pugi::xml_node& n);
  void children_none(const pugi::xml_node& n);
  void check_fields(const pugi::xml_node& n, const std::string& tmpl, const std::vector<std::string_view>& known);

  // checks (loader.cpp)
  void check_references();
  void check_geometry(const pugi::xml_node& root);
  void check_placements(const pugi::xml_node& root);

  std::string_view xml_;
  base::LineMap lines_;
  std::string path_;
  SearchPaths paths_;
  base::DiagSink& diags_;
  Layout layout_;
  std::vector<std::pair<std::string, base::SourcePos>> colour_uses_;
  pugi::xml_node page_node_;
  std::vector<std::pair<std::string, base::SourcePos>> element_pos_;  ///< where each top-level element is
  std::unordered_map<std::string, std::optional<std::filesystem::path>> real_dirs_;
};

template <typename E>
inline AttrSpec Loader::choice(std::string_view name, E& v, std::vector<std::pair<std::string_view, E>> options) {
  std::string expected;
  for (std::size_t i = 0; i < options.size(); ++i)
    expected += (i == 0 ? "" : i + 1 == options.size() ? " or " : ", ") + std::string(options[i].first);
  return {name,
          [&v, options](std::string_view s) {
            for (const auto& [k, e] : options)
              if (k == s) return v = e, true;
            return false;
          },
          std::move(expected)};
}

/// The folder part of a path ("." when none).
std::string dir_of(const std::string& path);

}  // namespace briefing::layout::detail
