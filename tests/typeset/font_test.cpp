#include <catch2/catch.hpp>

#include <hb.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "support/run.hpp"
#include "typeset/font.hpp"

using namespace briefing;

namespace {

std::string bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// The bytes behind a font's whole-file face.
std::string file_face_bytes(const typeset::Font& font) {
  hb_blob_t* blob = hb_face_reference_blob(font.file_face());
  unsigned n = 0;
  const char* data = hb_blob_get_data(blob, &n);
  std::string out(data ? data : "", n);
  hb_blob_destroy(blob);
  return out;
}

}  // namespace

TEST_CASE("a mapped and a copied font file give the subsetter the same bytes", "[typeset][font]") {
  const std::string path = test::source_dir() + "/fonts/LiberationSerif-Regular.ttf";
  const std::string want = bytes_of(path);
  REQUIRE(want.size() > 100000);
  for (const auto files : {typeset::FontFiles::copied, typeset::FontFiles::mapped}) {
    typeset::FontBook book(files);
    std::string error;
    const auto id = book.load(path, error);
    REQUIRE(id >= 0);
    CHECK(file_face_bytes(book.get(id)) == want);
    CHECK(hb_face_get_glyph_count(book.get(id).file_face()) == hb_face_get_glyph_count(book.get(id).hb_face()));
  }
}

TEST_CASE("a mapped font whose file shrank after loading is not mapped", "[typeset][font]") {
  test::TempDir dir;
  const std::string path = dir.file("f.ttf");
  std::filesystem::copy_file(test::source_dir() + "/fonts/DejaVuSans.ttf", path);
  typeset::FontBook book(typeset::FontFiles::mapped);
  std::string error;
  const auto id = book.load(path, error);
  REQUIRE(id >= 0);
  std::filesystem::resize_file(path, 1000);  // pages past the end would fault if mapped
  CHECK(file_face_bytes(book.get(id)).empty());
  CHECK(hb_face_get_glyph_count(book.get(id).file_face()) == 0);
}
