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
