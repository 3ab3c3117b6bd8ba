// Line and column look-ups: exact on multi-byte text, and fast on a file written as one huge line.
#include <catch2/catch.hpp>

#include <chrono>

#include "base/text.hpp"

using briefing::base::LineMap;

TEST_CASE("columns count code points, lines count newlines", "[base]") {
  const std::string text = "ab\n\xC3\xA9t\xC3\xA9\nxyz";
  const LineMap map(text);
  CHECK(map.locate(0) == std::pair{1, 1});
  CHECK(map.locate(2) == std::pair{1, 3});
  CHECK(map.locate(3) == std::pair{2, 1});
  CHECK(map.locate(5) == std::pair{2, 2});  // after "é"
  CHECK(map.locate(8) == std::pair{2, 4});  // after "été"
  CHECK(map.locate(11) == std::pair{3, 3});
  CHECK(map.locate(999) == std::pair{3, 4});  // clamped to the end
}

TEST_CASE("positions on one huge line agree with counting and cost little", "[base]") {
  std::string text;
  while (text.size() < 8 * 1024 * 1024) text += "<colour name=\"\xC3\xA9\"/>";
  const LineMap map(text);
  for (const std::size_t at :
       {std::size_t{0}, std::size_t{1023}, std::size_t{1024}, std::size_t{2500}, text.size() - 1}) {
    int naive = 1;
    for (std::size_t i = 0; i < at; ++i) naive += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    CHECK(map.locate(at) == std::pair{1, naive});
  }
  const auto start = std::chrono::steady_clock::now();
  long sum = 0;
  for (std::size_t at = 0; at < text.size(); at += 97) sum += map.locate(at).second;  // tens of thousands of look-ups
  CHECK(sum > 0);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
}

TEST_CASE("UTF-8 encodes and decodes every length, and marks what is broken", "[base]") {
  const std::u32string points = {U'a',   0x7F,   0x80,    0xE9,    0x7FF,    0x800, 0x2014,
                                 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF, U'z'};
  const std::string bytes = briefing::base::utf8_encode(points);
  CHECK(bytes ==
        "a\x7F\xC2\x80\xC3\xA9\xDF\xBF\xE0\xA0\x80\xE2\x80\x94\xEF\xBF\xBD\xEF\xBF\xBF\xF0\x90\x80\x80\xF0\x9F\x98\x80"
        "\xF4\x8F\xBF\xBFz");
  std::string appended;
  for (const char32_t c : points) briefing::base::utf8_append(appended, c);
  CHECK(appended == bytes);
  bool valid = false;
  CHECK(briefing::base::utf8_decode(bytes, &valid) == points);
  CHECK(valid);
  CHECK(briefing::base::utf8_decode("").empty());
  // A stray continuation byte, a truncated sequence, an overlong form and a surrogate.
  for (const std::string bad : {"a\x80z", "a\xE2\x80", "\xC0\xAFz", "\xED\xA0\x80z"}) {
    const std::u32string got = briefing::base::utf8_decode(bad, &valid);
    INFO(bad.size());
    CHECK_FALSE(valid);
    CHECK(got.find(U'\uFFFD') != std::u32string::npos);
  }
}
