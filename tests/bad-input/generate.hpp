// Inputs of the bad-input catalogue too large to keep in the repository, written at test time.
#pragma once

#include <fstream>
#include <stdexcept>
#include <string>

namespace briefing::test::bad_input {

/// An article whose paragraph holds <em> elements nested `depth` deep.
inline std::string deep_article(int depth) {
  std::string s =
      "<?xml version=\"1.0\"?>\n<article id=\"deep\">\n<meta><title>Deep</title><date when=\"2024-01-01\"/></meta>\n"
      "<body><section>\n<p>Text ";
  for (int i = 0; i < depth; ++i) s += "<em>";
  s += "deep";
  for (int i = 0; i < depth; ++i) s += "</em>";
  return s + "</p>\n</section></body>\n</article>\n";
}

/// A layout whose <page> holds unknown elements nested `depth` deep.
inline std::string deep_layout(int depth) {
  std::string s = "<?xml version=\"1.0\"?>\n<layout name=\"deep\">\n<page size=\"A4\">";
  for (int i = 0; i < depth; ++i) s += "<x>";
  for (int i = 0; i < depth; ++i) s += "</x>";
  return s + "</page>\n</layout>\n";
}

/// A well-formed article of about `bytes` bytes: the same paragraph over and over.
inline std::string huge_article(std::size_t bytes) {
  const std::string head =
      "<?xml version=\"1.0\"?>\n<article id=\"huge\">\n<meta><title>Huge</title><date when=\"2024-01-01\"/></meta>\n"
      "<body><section>\n";
  const std::string para =
      "<p>The delegates met in Glasgow to discuss international policing and the smuggling of people across "
      "borders, and agreed to share what they know.</p>\n";
  const std::string tail = "</section></body>\n</article>\n";
  std::string s = head;
  s.reserve(bytes + para.size());
  while (s.size() + para.size() + tail.size() <= bytes) s += para;
  return s + tail;
}

/// A valid layout of about `bytes` bytes on a single line: the same <page> element over and over.
inline std::string one_line_layout(std::size_t bytes) {
  std::string s = "<layout name=\"one-line\">";
  while (s.size() < bytes) s += "<page size=\"A4\" margin=\"20mm\"/>";
  return s + "</layout>\n";
}

/// Writes the generated input `kind` to `path`.
inline void generate(const std::string& kind, const std::string& path) {
  std::string text;
  if (kind == "deep-article")
    text = deep_article(100000);
  else if (kind == "deep-layout")
    text = deep_layout(100000);
  else if (kind == "huge-article")
    text = huge_article(50u * 1024 * 1024);
  else if (kind == "one-line-layout")
    text = one_line_layout(1000 * 1000);
  else if (kind == "huge-layout")
    text = one_line_layout(2 * 1024 * 1024);
  else
    throw std::runtime_error("unknown generated input '" + kind + "'");
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace briefing::test::bad_input
