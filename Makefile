# The two commands: `make run` renders the seed with every layout; `make test` runs the suite.
BUILD ?= build
CMAKE_FLAGS ?=
JOBS ?= $(shell nproc)
LAYOUTS := $(basename $(notdir $(wildcard layouts/*.xml)))

.PHONY: all deps build run test clean

all: build

deps:
	@scripts/install-deps

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	@mkdir -p out
	@for l in $(LAYOUTS); do \
	  $(BUILD)/briefing render source/article.xml --layout $$l || exit 1; \
	done

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD) out

# `make test-asan`: the whole suite built with AddressSanitizer and UndefinedBehaviorSanitizer.
ASAN_BUILD ?= build-asan
SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
# GCC warns falsely about std::function inside <regex> when sanitizing.
SANITIZE_CXX := $(SANITIZE) -Wno-maybe-uninitialized
.PHONY: test-asan
test-asan: deps
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS="$(SANITIZE_CXX)" \
	  -DCMAKE_EXE_LINKER_FLAGS="$(SANITIZE)" $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j $(JOBS)
