// Test support for the PDF backend: rendering in-process and reading PDFs back with mupdf and qpdf.
#pragma once

#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "article/load.hpp"
#include "base/text.hpp"
#include "compose/compose.hpp"
#include "layout/load.hpp"
#include "pdf/write.hpp"
#include "support/run.hpp"

namespace briefing::test {

/// A composed document and the PDF it renders to.
struct Rendered {
  frame::Document doc;
  std::string pdf;  ///< path of the written file
  std::size_t bytes = 0;
};

/// Composes `article` with `layout` in-process and writes the PDF to `out`; nothing on failure.
inline std::optional<Rendered> render_file(const std::string& article, const std::string& layout,
                                           const std::string& out, std::string& why) {
  base::DiagSink diags;
  const auto art = article::load_file(article, diags);
  const auto lay = layout::load_file(layout, {source_dir() + "/layouts", source_dir() + "/fonts"}, diags);
  if (!art || !lay) return why = "cannot load the article or the layout", std::nullopt;
  typeset::FontBook fonts;
  auto doc = compose::compose(*art, *lay, fonts, diags);
  if (!doc) return why = "composition failed", std::nullopt;
  std::string bytes;
  if (!pdf::render(*doc, fonts, {}, bytes, why)) return std::nullopt;
  write_text(out, bytes);
  return Rendered{std::move(*doc), out, bytes.size()};
}

/// The seed article with layouts/a4-briefing.xml, through render_file().
inline std::optional<Rendered> render_seed(const std::string& out, std::string& why) {
  return render_file(source_dir() + "/source/article.xml", source_dir() + "/layouts/a4-briefing.xml", out, why);
}

/// One character of `mutool draw -F stext`: its page (1-based), origin (pt, y down) and text.
struct StextChar {
  int page = 0;
  double x = 0, y = 0;
  std::u32string c;
};

/// Unescapes what mupdf writes in attribute values: the XML entities and "&#xNN;" for non-ASCII.
inline std::u32string unescape_xml(const std::string& s) {
  static const std::vector<std::pair<std::string, char32_t>> named = {
      {"&quot;", U'"'}, {"&apos;", U'\''}, {"&lt;", U'<'}, {"&gt;", U'>'}, {"&amp;", U'&'}};
  std::u32string out;
  const std::u32string text = base::utf8_decode(s);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto semi = text.find(U';', i);
    if (text[i] != U'&' || semi == std::u32string::npos) {
      out += text[i];
      continue;
    }
    const std::string entity = base::utf8_encode(text.substr(i, semi - i + 1));
    char32_t c = 0;
    for (const auto& [name, value] : named)
      if (entity == name) c = value;
    if (entity.rfind("&#x", 0) == 0) c = static_cast<char32_t>(std::stoul(entity.substr(3), nullptr, 16));
    if (entity.rfind("&#", 0) == 0 && entity[2] != 'x') c = static_cast<char32_t>(std::stoul(entity.substr(2)));
    out += c;
    i = semi;
  }
  return out;
}

/// Every character mupdf finds in a PDF, in its order.
inline std::vector<StextChar> stext_chars(const std::string& pdf) {
  const auto r = run("mutool draw -q -F stext -o - '" + pdf + "' 2>/dev/null");
  std::vector<StextChar> out;
  const std::regex token(R"re(<page id="page(\d+)"|<char [^>]*?x="([-0-9.]+)" y="([-0-9.]+)"[^>]*? c="([^"]*)")re");
  int page = 0;
  for (auto it = std::sregex_iterator(r.out.begin(), r.out.end(), token); it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    if (m[1].matched) {
      page = std::stoi(m[1]);
      continue;
    }
    out.push_back({page, std::stod(m[2]), std::stod(m[3]), unescape_xml(m[4])});
  }
  return out;
}

/// The tool's standard error for the file, with the lines it prints for every file whatever the
/// content (measured on a minimal hand-made PDF) removed: what is left is about this file.
inline std::string own_stderr(const std::string& tool_cmd, const std::string& pdf, const std::string& minimal_pdf) {
  const auto base = run(tool_cmd + " '" + minimal_pdf + "' 2>&1 >/dev/null").out;
  auto err = run(tool_cmd + " '" + pdf + "' 2>&1 >/dev/null").out;
  std::string left;
  std::size_t at = 0;
  while (at < err.size()) {
    const auto end = err.find('\n', at);
    const std::string line = err.substr(at, end == std::string::npos ? std::string::npos : end - at + 1);
    if (base.find(line) == std::string::npos) left += line;
    at = end == std::string::npos ? err.size() : end + 1;
  }
  return left;
}

/// A minimal valid one-page PDF (no fonts, no content), written to `path`.
inline void write_minimal_pdf(const std::string& path) {
  const std::vector<std::string> objs = {"<< /Type /Catalog /Pages 2 0 R >>",
                                         "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                         "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"};
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objs.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 4\n0000000000 65535 f \n";
  for (std::size_t o : offsets) {
    std::string n = std::to_string(o);
    pdf += std::string(10 - n.size(), '0') + n + " 00000 n \n";
  }
  pdf += "trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  write_text(path, pdf);
}

}  // namespace briefing::test
