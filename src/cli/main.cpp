// The briefing executable: a thin shell over cli::run.
#include <iostream>

#include "cli/job.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  return briefing::cli::run(std::vector<std::string>(argv + 1, argv + argc), argc > 0 ? argv[0] : "briefing", std::cout,
                            std::cerr);
}
