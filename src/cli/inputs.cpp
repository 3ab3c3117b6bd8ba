#include "cli/inputs.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "article/load.hpp"
#include "base/fileio.hpp"

namespace briefing::cli {

namespace {

namespace fs = std::filesystem;

/// The image files a layout shows, each once.
std::vector<std::string> image_files(const layout::Layout& lay) {
  std::vector<std::string> out;
  for (const auto& image : lay.images)
    if (std::find(out.begin(), out.end(), image.file) == out.end()) out.push_back(image.file);
  return out;
}

/// A lexically normal path.
std::string normal(const std::string& p) {
  return fs::path(p).lexically_normal().string();
}

/// Adds dependencies of one role.
void add_deps(LayoutInput& in, const std::vector<std::string>& files, const char* role) {
  for (const auto& f : files) {
    in.deps.push_back(normal(f));
    in.roles.emplace_back(role);
  }
}

}  // namespace

LayoutInput load_layout_input(const std::string& path, const layout::SearchPaths& paths) {
  LayoutInput in;
  in.path = path;
  in.name = fs::path(path).stem().string();
  in.layout = layout::load_file(path, paths, in.diags);
  if (!in.layout) {
    add_deps(in, {path}, "file");
    return in;
  }
  if (!in.layout->name.empty()) in.name = in.layout->name;
  add_deps(in, in.layout->sources.empty() ? std::vector<std::string>{path} : in.layout->sources, "source");
  add_deps(in, in.layout->font_files(), "font");
  add_deps(in, image_files(*in.layout), "image");
  return in;
}

void hash_layout_input(LayoutInput& in, FileHashes& hashes) {
  Hasher h;
  for (std::size_t i = 0; i < in.deps.size(); ++i) {
    std::string error;
    const auto fh = hashes.get(in.deps[i], error);
    if (!fh)
      in.diags.error({in.deps[i], 0, 0},
                     fmt::format("cannot read this {} of layout '{}': {}", in.roles[i], in.name, error));
    h.add_field(in.roles[i]);
    h.add_hash(fh.value_or(Hash128{}));
  }
  in.hash = h.digest();
}

ArticleInput::ArticleInput(std::string path) : path_(std::move(path)), absolute_(absolute_path(path_)) {}

void ArticleInput::read(FileHashes& hashes) {
  std::string error;
  auto data = hashes.read(path_, error);
  if (!data) {
    diags_.error({path_, 0, 0}, fmt::format("cannot read the article: {}", error));
    return;
  }
  hash_ = data->hash;
  bytes_ = std::move(data->bytes);
}

const article::Article* ArticleInput::parsed() {
  std::call_once(parse_once_, [this] {
    if (!bytes_) return;
    article_ = article::load_from_string(*bytes_, path_, diags_);
    bytes_->clear();  // hashed and parsed: the text is no longer needed (readable() stays true)
    bytes_->shrink_to_fit();
  });
  return article_ ? &*article_ : nullptr;
}

void ArticleInput::release() {
  if (--users_ == 0) article_.reset();
}

const Hash128& tool_id() {
  static const Hash128 id = [] {
    Hasher h;
    h.add_field("briefing " BRIEFING_VERSION);
    std::string error;
    const auto exe = base::read_file("/proc/self/exe", error);
    h.add_field(exe ? *exe : std::string("unknown executable"));
    return h.digest();
  }();
  return id;
}

std::string absolute_path(const std::string& p) {
  std::error_code ec;
  const fs::path a = fs::absolute(p, ec);
  return (ec ? fs::path(p) : a).lexically_normal().string();
}

}  // namespace briefing::cli
