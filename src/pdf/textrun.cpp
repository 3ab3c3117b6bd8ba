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
/// occurs at least twice and in a quarter of the pairs. Ties go to the smallest gap.
double usual_gap(const std::vector<frame::Glyph>& g, const std::vector<double>& widths, double size) {
  std::vector<std::pair<long, double>> gaps;  // 1/1000 em bucket and the gap itself
  gaps.reserve(g.size());
  for (std::size_t i = 1; i < g.size(); ++i) {
    const double gap = g[i].x - g[i - 1].x - widths[i - 1] * size / 1000.0;
    gaps.emplace_back(std::lround(gap * 1000.0 / size), gap);
  }
  // Buckets in order of their key; the sum runs in glyph order within a bucket, as it always has.
  std::stable_sort(gaps.begin(), gaps.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::pair<int, double> best{0, 0.0};
  for (std::size_t i = 0; i < gaps.size();) {
    std::pair<int, double> b{0, 0.0};
    std::size_t j = i;
    for (; j < gaps.size() && gaps[j].first == gaps[i].first; ++j) ++b.first, b.second += gaps[j].second;
    if (b.first > best.first) best = b;
    i = j;
  }
  const double mean = best.first > 0 ? best.second / best.first : 0.0;
  // Below a third of a unit the "gap" is only the widths' rounding, which corrections handle.
  const bool usual =
      best.first >= 2 && 4 * best.first >= static_cast<int>(g.size() - 1) && std::fabs(mean) * 1000.0 / size >= 0.35;
  return usual ? round_tc(mean) : 0.0;
}

/// Appends a TJ number in 1/1000 em with at most two decimals ("-12.5"); nothing when zero.
void append_number(std::string& s, long hundredths) {
  if (hundredths == 0) return;
  const long a = std::labs(hundredths);
  if (hundredths < 0) s += '-';
  s += std::to_string(a / 100);
  if (a % 100 == 0) return;
  s += '.';
  s += static_cast<char>('0' + (a % 100) / 10);
  if (a % 10 != 0) s += static_cast<char>('0' + a % 10);
}

/// Appends a code as four upper-case hex digits.
void append_hex4(std::string& s, unsigned v) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  for (int shift = 12; shift >= 0; shift -= 4) s += kDigits[(v >> shift) & 0xF];
}

}  // namespace

EncodedRun encode_run(const std::vector<frame::Glyph>& glyphs, double size,
                      const std::function<double(char32_t)>& width_of) {
  EncodedRun out;
  if (glyphs.empty() || size <= 0) return out;
  std::vector<double> widths(glyphs.size());
  for (std::size_t i = 0; i < glyphs.size(); ++i) widths[i] = width_of(glyphs[i].cp);
  out.char_space = usual_gap(glyphs, widths, size);
  std::string& tj = out.tj;
  tj.reserve(8 + glyphs.size() * 6);
  tj = "[<";
  double pen = glyphs.front().x;  // where the viewer's pen is, from the values actually written
  for (std::size_t i = 0; i < glyphs.size(); ++i) {
    if (i > 0) {
      long adj = std::lround((pen - glyphs[i].x) * 1000.0 / size * 100.0);
      if (std::labs(adj) <= kMaxDrift) adj = 0;
      if (adj != 0) {
        tj += "> ";
        append_number(tj, adj);
        tj += " <";
      }
      pen -= static_cast<double>(adj) / 100.0 * size / 1000.0;
    }
    append_hex4(tj, static_cast<unsigned>(glyphs[i].cp));
    pen += widths[i] * size / 1000.0 + out.char_space;
  }
  tj += ">] TJ\n";
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
