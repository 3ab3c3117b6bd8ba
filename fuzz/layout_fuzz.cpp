// libFuzzer harness: layout (see fuzz/targets.hpp and scripts/fuzz).
#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  briefing::fuzz::layout_one(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
