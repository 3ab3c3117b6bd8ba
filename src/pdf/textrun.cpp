#include "pdf/textrun.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

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

/// std::lround for the small values written here (|v| < 2^52), without the library call: the
/// integer part and the fraction are exact, so the rounding (half away from zero) is the same.
long round_half_away(double v) {
  long t = static_cast<long>(v);
  const double f = v - static_cast<double>(t);
  if (f >= 0.5) ++t;
  if (f <= -0.5) --t;
  return t;
}

/// The most frequent gap between one glyph's advance and the next glyph (gaps within 1/1000 em
/// count as one, which absorbs the widths' rounding; their mean is returned), or 0 when no gap
/// occurs at least twice and in a quarter of the pairs. Ties go to the smallest gap.
double usual_gap(const std::vector<frame::Glyph>& g, std::span<const double> widths, double size) {
  // Buckets by 1/1000 em, each summed in glyph order (as a stable sort by bucket then a sum
  // would); a run has few distinct buckets, so a short list searched from its last hit will do.
  struct Bucket {
    long key;
    int count;
    double sum;
  };
  thread_local std::vector<Bucket> buckets;  // its memory serves every run
  buckets.clear();
  std::size_t last = 0;
  for (std::size_t i = 1; i < g.size(); ++i) {
    const double gap = g[i].x - g[i - 1].x - widths[i - 1] * size / 1000.0;
    const long key = round_half_away(gap * 1000.0 / size);
    if (last >= buckets.size() || buckets[last].key != key) {
      last = 0;
      while (last < buckets.size() && buckets[last].key != key) ++last;
      if (last == buckets.size()) buckets.push_back({key, 0, 0.0});
    }
    ++buckets[last].count;
    buckets[last].sum += gap;
  }
  std::sort(buckets.begin(), buckets.end(), [](const Bucket& a, const Bucket& b) { return a.key < b.key; });
  std::pair<int, double> best{0, 0.0};
  for (const Bucket& b : buckets)
    if (b.count > best.first) best = {b.count, b.sum};
  const double mean = best.first > 0 ? best.second / best.first : 0.0;
  // Below a third of a unit the "gap" is only the widths' rounding, which corrections handle.
  const bool usual =
      best.first >= 2 && 4 * best.first >= static_cast<int>(g.size() - 1) && std::fabs(mean) * 1000.0 / size >= 0.35;
  return usual ? round_tc(mean) : 0.0;
}

/// Writes a two-byte code at `p` as it goes in a literal string: the bytes themselves, with a
/// backslash before '(', ')' and '\\', and CR and LF escaped (a reader turns a raw end of line
/// into LF). Half the bytes of hexadecimal, so half the page content to compress.
char* put_code(char* p, unsigned v) {
  const auto plain = [](unsigned b) { return b != '(' && b != ')' && b != '\\' && b != '\r' && b != '\n'; };
  if (plain((v >> 8) & 0xFFu) && plain(v & 0xFFu)) {  // nearly every code
    *p++ = static_cast<char>((v >> 8) & 0xFFu);
    *p++ = static_cast<char>(v & 0xFFu);
    return p;
  }
  for (const unsigned b : {(v >> 8) & 0xFFu, v & 0xFFu}) {
    if (b == '(' || b == ')' || b == '\\') {
      *p++ = '\\';
      *p++ = static_cast<char>(b);
    } else if (b == '\r' || b == '\n') {
      *p++ = '\\';
      *p++ = b == '\r' ? 'r' : 'n';
    } else {
      *p++ = static_cast<char>(b);
    }
  }
  return p;
}

/// Copies a literal at `p`.
template <std::size_t N>
char* put(char* p, const char (&text)[N]) {
  for (std::size_t i = 0; i + 1 < N; ++i) *p++ = text[i];
  return p;
}

}  // namespace

char* put_decimal(char* p, long long v, int decimals) {
  if (v < 0) *p++ = '-', v = -v;
  long long unit = 1;
  for (int i = 0; i < decimals; ++i) unit *= 10;
  char digits[24];
  int n = 0;
  for (long long whole = v / unit; n == 0 || whole > 0; whole /= 10) digits[n++] = static_cast<char>('0' + whole % 10);
  while (n > 0) *p++ = digits[--n];
  long long frac = v % unit;
  if (frac == 0) return p;
  *p++ = '.';
  for (long long scale = unit / 10; frac > 0; scale /= 10) {
    *p++ = static_cast<char>('0' + frac / scale);
    frac %= scale;
  }
  return p;
}

EncodedRun encode_run(const std::vector<frame::Glyph>& glyphs, double size,
                      const std::function<double(char32_t)>& width_of) {
  std::vector<double> widths(glyphs.size());
  for (std::size_t i = 0; i < glyphs.size(); ++i) widths[i] = width_of(glyphs[i].cp);
  EncodedRun out;
  encode_run(glyphs, widths, size, out);
  return out;
}

void encode_run(const std::vector<frame::Glyph>& glyphs, std::span<const double> widths, double size, EncodedRun& out) {
  out.char_space = 0;
  out.tj.clear();
  if (glyphs.empty() || size <= 0) return;
  out.char_space = usual_gap(glyphs, widths, size);
  // At most ") -" and 20 digits, ".dd", " (" and a code's two bytes, both escaped, per glyph, and
  // the brackets, written into a scratch buffer that only ever grows (no zero-filling per run).
  thread_local std::string scratch;
  if (scratch.size() < 16 + glyphs.size() * 34) scratch.resize(16 + glyphs.size() * 34);
  char* p = put(scratch.data(), "[(");
  double pen = glyphs.front().x;  // where the viewer's pen is, from the values actually written
  for (std::size_t i = 0; i < glyphs.size(); ++i) {
    if (i > 0) {
      long adj = round_half_away((pen - glyphs[i].x) * 1000.0 / size * 100.0);
      if (std::labs(adj) <= kMaxDrift) adj = 0;
      if (adj != 0) {
        p = put(p, ") ");
        p = put_decimal(p, adj, 2);  // in 1/1000 em, adj != 0
        p = put(p, " (");
        pen -= static_cast<double>(adj) / 100.0 * size / 1000.0;
      }
    }
    p = put_code(p, static_cast<unsigned>(glyphs[i].cp));
    pen += widths[i] * size / 1000.0 + out.char_space;
  }
  p = put(p, ")] TJ\n");
  out.tj.assign(scratch.data(), static_cast<std::size_t>(p - scratch.data()));
}

std::vector<double> replay_run(const EncodedRun& run, double size, const std::function<double(char32_t)>& width_of) {
  std::vector<double> xs;
  double pen = 0;
  const std::string& tj = run.tj;
  std::size_t i = tj.find('[') + 1;
  while (i < tj.size() && tj[i] != ']') {
    if (tj[i] == '(') {  // a literal string of two-byte codes
      std::string bytes;
      for (++i; i < tj.size() && tj[i] != ')'; ++i) {
        if (tj[i] != '\\') {
          bytes += tj[i];
          continue;
        }
        const char e = tj[++i];
        bytes += e == 'r' ? '\r' : e == 'n' ? '\n' : e;
      }
      for (std::size_t k = 0; k + 1 < bytes.size(); k += 2) {
        const auto cp =
            static_cast<char32_t>(static_cast<unsigned char>(bytes[k]) << 8 | static_cast<unsigned char>(bytes[k + 1]));
        xs.push_back(pen);
        pen += width_of(cp) * size / 1000.0 + run.char_space;
      }
      ++i;
    } else if (tj[i] == ' ') {
      ++i;
    } else {
      std::size_t used = 0;
      pen -= std::stod(tj.substr(i), &used) * size / 1000.0;
      i += used;
    }
  }
  return xs;
}

}  // namespace briefing::pdf
