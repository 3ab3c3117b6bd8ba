// Sharding: shards 1..N of the sorted document list cover every document exactly once, however the
// index arrives (--shard K/N, or an environment variable counting from 1 or from 0).
#include <catch2/catch.hpp>

#include "cli/fixture.hpp"

using namespace briefing::test;

namespace {

/// Every output a --json run names, with how many times.
std::map<std::string, int> named(const std::string& json) {
  std::map<std::string, int> out;
  for (const char* status : {"built", "up-to-date", "failed"})
    for (const auto& n : batch::with_status(json, status)) ++out[n];
  return out;
}

}  // namespace

TEST_CASE("shards 1..N cover every document exactly once", "[cli][batch]") {
  batch::Project p(4);
  std::filesystem::remove(p.file("layouts/plain.xml"));  // 4 articles x 2 layouts = 8 documents
  const auto plan_all = p.briefing("build --json -j 2 -o all");
  REQUIRE(plan_all.status == 0);
  const auto every = named(plan_all.out);
  REQUIRE(every.size() == 8);

  for (const int n : {1, 3, 8, 11}) {
    std::map<std::string, int> seen;
    for (int k = 1; k <= n; ++k) {
      const auto r = n == 3 ? p.briefing("build --json --shard-env TASK --shard-count 3 --shard-base 0 -o s3",
                                         fmt::format("TASK={}", k - 1))
                            : p.briefing(fmt::format("build --json --shard {}/{} -o s{}", k, n, n));
      INFO("shard " << k << "/" << n << "\n" << r.out);
      REQUIRE(r.status == 0);
      for (const auto& [name, count] : named(r.out)) seen[name] += count;
    }
    INFO(n << " shards");
    CHECK(seen == every);  // each document once, none missing, none extra
    CHECK(p.pdfs(fmt::format("s{}", n)) == p.pdfs("all"));
  }

  CHECK(p.briefing("build --shard 0/3").status == 2);
  CHECK(p.briefing("build --shard 4/3").status == 2);
  CHECK(p.briefing("build --shard-env TASK --shard-count 3", "TASK=4").status == 2);
  CHECK(p.briefing("build --shard-env TASK --shard-count 3", "TASK=0").status == 2);  // counts from 1 by default
  CHECK(p.briefing("build --shard-env NOT_SET_ANYWHERE --shard-count 3").status == 2);
}
