#include "frame/dump.hpp"

#include <fmt/format.h>

namespace briefing::frame {

namespace {
std::string colour(const Colour& c) {
  switch (c.space) {
    case Colour::Space::grey: return fmt::format("grey({:.3f})", c.c[0]);
    case Colour::Space::rgb: return fmt::format("rgb({:.3f},{:.3f},{:.3f})", c.c[0], c.c[1], c.c[2]);
    case Colour::Space::cmyk: return fmt::format("cmyk({:.3f},{:.3f},{:.3f},{:.3f})", c.c[0], c.c[1], c.c[2], c.c[3]);
  }
  return "";
}

struct Dumper {
  const Document& doc;
  std::string& out;
  void operator()(const GlyphRun& r) const {
    const std::string& font = doc.fonts.at(static_cast<std::size_t>(r.font));
    const auto slash = font.rfind('/');
    out += fmt::format("  text {:.2f} {:.2f} {} {:.2f} {} [{}] {}\n", r.x, r.y,
                       slash == std::string::npos ? font : font.substr(slash + 1), r.size, colour(r.colour), r.role,
                       r.text);
  }
  void operator()(const Rect& r) const {
    out += fmt::format("  rect {:.2f} {:.2f} {:.2f} {:.2f} fill={} stroke={} radius={:.2f} [{}]\n", r.x, r.y, r.w,
                       r.h, r.fill ? colour(r.fill_colour) : "none",
                       r.stroke ? fmt::format("{}/{:.2f}", colour(r.stroke_colour), r.stroke_width) : "none",
                       r.radius, r.role);
  }
  void operator()(const Image& i) const {
    const auto slash = i.file.rfind('/');
    out += fmt::format("  image {:.2f} {:.2f} {:.2f} {:.2f} {} [{}]\n", i.x, i.y, i.w, i.h,
                       slash == std::string::npos ? i.file : i.file.substr(slash + 1), i.role);
  }
  void operator()(const Rule& r) const {
    out += fmt::format("  rule {:.2f} {:.2f} {:.2f} {:.2f} {:.2f} {} [{}]\n", r.x1, r.y1, r.x2, r.y2, r.width,
                       colour(r.colour), r.role);
  }
};
}  // namespace

std::string dump(const Document& doc) {
  std::string out;
  for (std::size_t i = 0; i < doc.pages.size(); ++i) {
    const Page& p = doc.pages[i];
    out += fmt::format("page {} {:.2f}x{:.2f}", i + 1, p.width, p.height);
    if (p.bleed > 0 || p.crop_marks) out += fmt::format(" bleed {:.2f}{}", p.bleed, p.crop_marks ? " crop-marks" : "");
    out += '\n';
    for (const auto& item : p.items) std::visit(Dumper{doc, out}, item);
  }
  return out;
}

}  // namespace briefing::frame
