#include "pdf/textrun.hpp"

#include <cmath>
#include <cstdlib>
#include <map>

#include <fmt/format.h>

namespace briefing::pdf {

namespace {

/// The drift (in 1/100 of a thousandth of an em) left uncorrected: half a thousandth of an em,
/// 0.005 pt at 10 pt; it never accumulates, since the pen is tracked from the values written.
constexpr long kMaxDrift = 50;

/// Tc is written to 1/100000 pt (libharu prints five decimals).
double round_tc(double v) {
  return std::round(v * 1e5) / 1e5;
}

/// The most frequent gap between one glyph's advance and the next glyph (gaps within 1/1000 em
/// count as one, which absorbs the widths' rounding; their mean is returned), or 0 when no gap
/// occurs at least twice and in a quarter of the pairs.
double usual_gap(const std::vector<frame::Glyph>& g, double size, const std::function<double(char32_t)>& width_of) {
  std::map<long, std::pair<int, double>> buckets;  // count and sum per 1/1000 em
  for (std::size_t i = 1; i < g.size(); ++i) {
    const double gap = g[i].x - g[i - 1].x - width_of(g[i - 1].cp) * size / 1000.0;
    auto& b = buckets[std::lround(gap * 1000.0 / size)];
    ++b.first, b.second += gap;
  }
  std::pair<int, double> best{0, 0.0};
  for (const auto& [key, b] : buckets)
    if (b.first > best.first) best = b;
  const double mean = best.first > 0 ? best.second / best.first : 0.0;
  // Below a third of a unit the "gap" is only the widths' rounding, which corrections handle.
  const bool usual =
      best.first >= 2 && 4 * best.first >= static_cast<int>(g.size() - 1) && std::fabs(mean) * 1000.0 / size >= 0.35;
  return usual ? round_tc(mean) : 0.0;
}

/// A TJ number in 1/1000 em with at most two decimals ("-12.5"); "" when it rounds to zero.
std::string number(long hundredths) {
  if (hundredths == 0) return {};
  const long a = std::labs(hundredths);
  std::string s = fmt::format("{}{}", hundredths < 0 ? "-" : "", a / 100);
  if (a % 100 != 0) s += a % 10 == 0 ? fmt::format(".{}", (a % 100) / 10) : fmt::format(".{:02d}", a % 100);
  return s;
}

}  // namespace

EncodedRun encode_run(const std::vector<frame::Glyph>& glyphs, double size,
                      const std::function<double(char32_t)>& width_of) {
  EncodedRun out;
  if (glyphs.empty() || size <= 0) return out;
  out.char_space = usual_gap(glyphs, size, width_of);
  std::string tj = "[<";
  double pen = glyphs.front().x;  // where the viewer's pen is, from the values actually written
  for (std::size_t i = 0; i < glyphs.size(); ++i) {
    if (i > 0) {
      long adj = std::lround((pen - glyphs[i].x) * 1000.0 / size * 100.0);
      if (std::labs(adj) <= kMaxDrift) adj = 0;
      if (const std::string n = number(adj); !n.empty()) tj += "> " + n + " <";
      pen -= static_cast<double>(adj) / 100.0 * size / 1000.0;
    }
    tj += fmt::format("{:04X}", static_cast<unsigned>(glyphs[i].cp));
    pen += width_of(glyphs[i].cp) * size / 1000.0 + out.char_space;
  }
  out.tj = tj + ">] TJ\n";
  return out;
}

std::vector<double> replay_run(const EncodedRun& run, double size, const std::function<double(char32_t)>& width_of) {
  std::vector<double> xs;
  double pen = 0;
  std::size_t i = run.tj.find('[') + 1;
  while (i < run.tj.size() && run.tj[i] != ']') {
    if (run.tj[i] == '<') {
      const std::size_t end = run.tj.find('>', i);
      for (std::size_t k = i + 1; k + 4 <= end; k += 4) {
        const auto cp = static_cast<char32_t>(std::stoul(run.tj.substr(k, 4), nullptr, 16));
        xs.push_back(pen);
        pen += width_of(cp) * size / 1000.0 + run.char_space;
      }
      i = end + 1;
    } else if (run.tj[i] == ' ') {
      ++i;
    } else {
      std::size_t used = 0;
      pen -= std::stod(run.tj.substr(i), &used) * size / 1000.0;
      i += used;
    }
  }
  return xs;
}

}  // namespace briefing::pdf
