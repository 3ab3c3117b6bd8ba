// Reading files with a size limit, and lowercase reasons when reading or writing fails.
#include <catch2/catch.hpp>

#include "base/fileio.hpp"
#include "support/run.hpp"

using namespace briefing;

TEST_CASE("a file over the limit is not read, and the reason gives its size", "[base]") {
  test::TempDir dir;
  test::write_text(dir.file("a.txt"), std::string(3 * 1024 * 1024, 'x'));
  std::string error;
  CHECK_FALSE(base::read_file(dir.file("a.txt"), error, 2 * 1024 * 1024));
  CHECK(error == "the file is 3.0 MB; at most 2 MB is accepted");
  REQUIRE(base::read_file(dir.file("a.txt"), error, 4 * 1024 * 1024));
  CHECK(base::file_size(dir.file("a.txt")) == 3u * 1024 * 1024);
  CHECK_FALSE(base::file_size(dir.path()));
}

TEST_CASE("a stream without a size is read only up to the limit", "[base]") {
  std::string error;
  CHECK_FALSE(base::read_file("/dev/zero", error, 1024 * 1024));  // endless: the reader must give up
  CHECK(error == "the file is larger than 1 MB, the most that is accepted");
}

TEST_CASE("reasons for failing to read or write are lowercase", "[base]") {
  test::TempDir dir;
  std::string error;
  CHECK_FALSE(base::read_file(dir.file("missing"), error));
  CHECK(error == "no such file or directory");
  CHECK_FALSE(base::read_file(dir.path(), error));
  CHECK(error == "is a directory");
  test::write_text(dir.file("file"), "x");
  CHECK_FALSE(base::write_atomic(dir.file("file") + "/out.pdf", "data", error));
  CHECK(error == "not a directory");
}
