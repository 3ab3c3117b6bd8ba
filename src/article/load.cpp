// The article loader's public entry points: size limits, reading the file, and turning anything
// the loader throws into a diagnostic. The loader itself is in loader.hpp and its parts.
#include "article/load.hpp"

#include <exception>
#include <new>

#include "article/loader.hpp"
#include "base/fileio.hpp"

namespace briefing::article {

using detail::Loader;

std::optional<Article> load_from_string(std::string_view xml, const std::string& path, base::DiagSink& diags) {
  if (xml.size() > kMaxBytes) {
    diags.error({path, 0, 0}, base::too_large(xml.size(), kMaxBytes));
    return std::nullopt;
  }
  try {
    Loader loader(xml, path);
    return loader.run(diags);
  } catch (const std::bad_alloc&) {
    diags.error({path, 0, 0}, "out of memory while reading the article");
  } catch (const std::exception& e) {
    diags.error({path, 0, 0}, fmt::format("internal error while reading the article: {}", e.what()));
  } catch (...) {
    diags.error({path, 0, 0}, "internal error while reading the article");
  }
  return std::nullopt;
}

std::optional<Article> load_file(const std::string& path, base::DiagSink& diags) {
  if (const auto size = base::file_size(path); size && *size > kMaxBytes) {
    diags.error({path, 0, 0}, base::too_large(*size, kMaxBytes));
    return std::nullopt;
  }
  std::string reason;
  std::optional<std::string> text;
  try {
    text = base::read_file(path, reason, kMaxBytes);
  } catch (const std::exception& e) {
    reason = e.what();
  }
  if (!text) {
    if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(reason[0])));
    diags.error({path, 0, 0}, "cannot read file: " + reason);
    return std::nullopt;
  }
  return load_from_string(*text, path, diags);
}

}  // namespace briefing::article
