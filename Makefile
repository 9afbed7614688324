# Convenience targets around CMake. The README's two commands:
#   ./scripts/install-deps.sh && make demo     install, build, run on the fixtures
#   make test                                  the whole test suite
BUILD ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps build demo test unit asan fuzz-smoke fuzz clean

all: build

deps:
	@sh scripts/install-deps.sh

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

# The main job on the bundled fixtures. claimcheck exits 1 when it finds
# conflicts (the seeds have one), which is the expected outcome here.
demo: build
	@$(BUILD)/claimcheck check fixtures/articles; rc=$$?; \
	 if [ $$rc -le 1 ]; then echo "(claimcheck exit status $$rc: 0 no conflicts, 1 conflicts found)"; else exit $$rc; fi

# The whole suite: ctest on the normal build (with valgrind on the golden
# run), the same suite built with ASan and UBSan, and a short fuzz run of
# every target (docs/robustness.md).
test: unit asan fuzz-smoke

unit: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# Each libFuzzer target for FUZZ_SECONDS (two at a time).
FUZZ_SECONDS ?= 60
fuzz-smoke: deps
	FUZZ_PARALLEL=2 sh scripts/fuzz.sh $(FUZZ_SECONDS)

# The suite under AddressSanitizer and UndefinedBehaviorSanitizer (but the
# held-out set's score: the development set's already runs every stage on
# real text under the sanitizers, and CI stays under 15 minutes).
asan: deps
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCC_SANITIZE=ON -DCC_DEBUG_ARENA=ON >/dev/null
	cmake --build build-asan -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --test-dir build-asan --output-on-failure -j $(JOBS) -E '^real\.(heldout|discover|discover_heldout)$$'

clean:
	rm -rf $(BUILD) build-asan build-fuzz
