// Stream compression with libdeflate: zlib reads back exactly what went in, and every stream of a
// rendered PDF carries one /FlateDecode filter and inflates.
#include <zlib.h>
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "pdf/deflate.hpp"
#include "pdf_support.hpp"

using namespace briefing;

namespace {

/// zlib's inflate of a whole zlib stream whose size is known.
std::string inflate_all(const std::string& z, std::size_t size) {
  std::string out(size, '\0');
  uLongf len = size;
  if (uncompress(reinterpret_cast<Bytef*>(out.data()), &len, reinterpret_cast<const Bytef*>(z.data()), z.size()) !=
      Z_OK)
    return "(inflate failed)";
  out.resize(len);
  return out;
}

}  // namespace

TEST_CASE("flate output is a zlib stream that inflates to its input", "[pdf][deflate]") {
  std::string text;
  for (int i = 0; i < 3000; ++i)
    text += "BT /F1 9.5 Tf 0 0 0 rg 56.7 " + std::to_string(700 - i % 600) + " Td [<0041>] TJ ET\n";
  std::string binary;
  std::uint32_t x = 12345;
  for (int i = 0; i < 70000; ++i) binary.push_back(static_cast<char>((x = x * 1103515245u + 12345u) >> 24));
  for (const std::string& in : {std::string(), std::string("q"), text, binary, std::string(200000, '\0')}) {
    const std::string z = pdf::flate(in);
    REQUIRE(!z.empty());
    CHECK(inflate_all(z, in.size()) == in);
  }
  CHECK(pdf::flate(text).size() < text.size() / 5);
}

TEST_CASE("every stream of a rendered briefing has one FlateDecode filter and inflates", "[pdf][deflate]") {
  const test::TempDir tmp;
  std::string why;
  const auto r = test::render_seed(tmp.file("seed.pdf"), why);
  REQUIRE(r);
  std::ifstream f(r->pdf, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  const std::string pdf = ss.str();
  int streams = 0;
  for (std::size_t at = pdf.find("stream\r\n"); at != std::string::npos; at = pdf.find("stream\r\n", at + 1)) {
    if (at >= 3 && pdf.compare(at - 3, 3, "end") == 0) continue;
    const std::size_t dict = pdf.rfind("<<", at);
    const std::string head = pdf.substr(dict, at - dict);
    CAPTURE(head);
    std::size_t filters = 0;
    for (std::size_t p = head.find("/Filter"); p != std::string::npos; p = head.find("/Filter", p + 1)) ++filters;
    CHECK(filters == 1);
    CHECK(head.find("/FlateDecode") != std::string::npos);
    const std::size_t start = at + 8, end = pdf.find("endstream", start);
    REQUIRE(end != std::string::npos);
    std::string z = pdf.substr(start, end - start);
    if (!z.empty() && z.back() == '\n') z.pop_back();  // libharu writes "\nendstream"; the data may end in \n too
    std::string out(1 << 20, '\0');
    uLongf len = out.size();
    CHECK(uncompress(reinterpret_cast<Bytef*>(out.data()), &len, reinterpret_cast<const Bytef*>(z.data()), z.size()) ==
          Z_OK);
    ++streams;
  }
  CHECK(streams >= 9);  // the page, and per font its ToUnicode, CIDToGIDMap and FontFile2
}
