#include "base/diag.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace briefing::base {

namespace {
std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::note: return "note";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}
}  // namespace

std::string format(const Diagnostic& d) {
  if (d.pos.line <= 0) return fmt::format("{}: {}: {}", d.pos.file, severity_name(d.severity), d.message);
  return fmt::format("{}:{}:{}: {}: {}", d.pos.file, d.pos.line, std::max(d.pos.column, 1),
                     severity_name(d.severity), d.message);
}

void DiagSink::error(SourcePos pos, std::string message) {
  items_.push_back({std::move(pos), Severity::error, std::move(message)});
}

void DiagSink::warning(SourcePos pos, std::string message) {
  items_.push_back({std::move(pos), Severity::warning, std::move(message)});
}

void DiagSink::append(const DiagSink& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool DiagSink::has_errors() const { return error_count() > 0; }

std::size_t DiagSink::error_count() const {
  return static_cast<std::size_t>(std::count_if(
      items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + cost});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates) {
  std::string best;
  std::size_t best_d = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (auto c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_d) {
      best_d = d;
      best = std::string(c);
    }
  }
  return best;
}

}  // namespace briefing::base
