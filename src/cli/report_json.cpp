// The reporter for machines: JSON lines.
#include <ostream>

#include "cli/json.hpp"
#include "cli/report.hpp"

namespace briefing::cli {

namespace {

/// The severity as JSON names it.
const char* severity_name(base::Severity s) {
  switch (s) {
    case base::Severity::note: return "note";
    case base::Severity::warning: return "warning";
    case base::Severity::error: return "error";
  }
  return "error";
}

/// A JSON array of diagnostics.
std::string diagnostics_json(const std::vector<base::Diagnostic>& diags) {
  std::string out = "[";
  for (const auto& d : diags) {
    if (out.size() > 1) out += ',';
    out += diagnostic_json(d);
  }
  return out + "]";
}

/// One JSON object per line.
class JsonReporter : public Reporter {
 public:
  explicit JsonReporter(std::ostream& out) : out_(out) {}

  void begin(std::size_t) override {}

  void document(const DocResult& r, std::size_t, std::size_t) override {
    JsonObject o;
    o.str("type", "document").str("status", status_name(r.status)).str("article", r.article);
    o.str("layout", r.layout).str("output", r.output).num("ms", r.ms);
    if (r.status == Status::built) o.integer("pages", static_cast<long long>(r.pages));
    out_ << o.raw("diagnostics", diagnostics_json(r.diags)).done() << '\n';
    out_.flush();
  }

  void end(const BatchSummary& s) override {
    JsonObject o;
    o.str("type", "summary").integer("total", static_cast<long long>(s.total));
    o.integer("built", static_cast<long long>(s.built)).integer("up_to_date", static_cast<long long>(s.up_to_date));
    o.integer("failed", static_cast<long long>(s.failed)).integer("skipped", static_cast<long long>(s.skipped));
    o.integer("warnings", static_cast<long long>(s.warnings));
    o.num("ms", s.ms).raw("interrupted", s.interrupted ? "true" : "false");
    if (!s.shard.empty()) o.str("shard", s.shard);
    out_ << o.raw("diagnostics", diagnostics_json(s.problems)).done() << '\n';
    out_.flush();
  }

 private:
  std::ostream& out_;
};

}  // namespace

std::string diagnostic_json(const base::Diagnostic& d) {
  JsonObject o;
  o.str("file", d.pos.file).integer("line", d.pos.line).integer("column", d.pos.column);
  return o.str("severity", severity_name(d.severity)).str("message", d.message).done();
}

std::unique_ptr<Reporter> json_reporter(std::ostream& out) {
  return std::make_unique<JsonReporter>(out);
}

}  // namespace briefing::cli
