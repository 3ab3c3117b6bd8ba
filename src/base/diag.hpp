// Diagnostics as values: every problem the tool reports, with its source position.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace briefing::base {

/// How bad a diagnostic is; errors make the command fail, warnings do not.
enum class Severity { note, warning, error };

/// A position in a source file, 1-based; line 0 means "the file as a whole".
struct SourcePos {
  std::string file;
  int line = 0;
  int column = 0;
};

/// One reported problem: where, how bad, and a short lowercase message.
struct Diagnostic {
  SourcePos pos;
  Severity severity = Severity::error;
  std::string message;
};

/// Formats `file:line:col: error: message` (or `file: error: message` without a line).
[[nodiscard]] std::string format(const Diagnostic& d);

/// Collects diagnostics so that a stage can report every problem, not just the first.
class DiagSink {
 public:
  void error(SourcePos pos, std::string message);
  void warning(SourcePos pos, std::string message);
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void append(const DiagSink& other);
  /// Drops every diagnostic after the first `n` (to discard a trial pass's reports).
  void truncate(std::size_t n) {
    if (n < items_.size()) items_.resize(n);
  }
  [[nodiscard]] bool has_errors() const;
  [[nodiscard]] const std::vector<Diagnostic>& items() const { return items_; }
  [[nodiscard]] std::size_t error_count() const;

 private:
  std::vector<Diagnostic> items_;
};

/// The closest candidate to `word` within a small edit distance, or "" when nothing is close.
[[nodiscard]] std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

/// Levenshtein edit distance between two byte strings.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace briefing::base
