// The one test binary's main: Catch2 provides it.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
