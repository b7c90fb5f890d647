# Two commands on a fresh Debian machine:
#   make demo   build, then analyse the bundled example article (and the seed
#               article when ../shared is present); writes their HTML reports
#   make test   build, then run every test (C++ unit, C ABI as C99, CLI,
#               Python, examples)
BUILD ?= build
BUILD_TYPE ?= Release
JOBS ?= 2
CMAKE_FLAGS ?=
SEED := ../shared/data/seed/000_b04bb81440cff18e.txt

.PHONY: all deps configure build demo test test-sanitizers fuzz abi-check abi-update bench compare-names clean

all: build

deps:
	@scripts/install-deps.sh

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS)

configure: deps $(BUILD)/CMakeCache.txt

build: configure
	cmake --build $(BUILD) -j$(JOBS)

demo: build
	@echo
	$(BUILD)/skaz analyze --format text examples/data/article.txt
	@mkdir -p $(BUILD)/report
	@$(BUILD)/skaz analyze --format html examples/data/article.txt > $(BUILD)/report/article.html
	@if [ -f "$(SEED)" ]; then \
	  echo; echo "$(BUILD)/skaz analyze --format text --lang en $(SEED)"; \
	  $(BUILD)/skaz analyze --format text --lang en "$(SEED)"; \
	  $(BUILD)/skaz analyze --format html --lang en "$(SEED)" > $(BUILD)/report/seed.html; \
	else echo "(../shared/data not found: the seed article is skipped)"; fi
	@echo
	@echo "HTML reports (open in a browser):"
	@for f in $(BUILD)/report/article.html $(BUILD)/report/seed.html; do \
	  [ -f "$$f" ] && echo "  $$(cd "$$(dirname "$$f")" && pwd)/$$(basename "$$f")"; done; true

test: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

# The unit and conformance suites and the CLI contract under ASan+UBSan, then
# the unit suite under TSan (its thread tests share one pipeline among 8).
test-sanitizers: deps
	cmake --preset asan-ubsan
	cmake --build build-asan -j$(JOBS) --target skaz_unit_tests skaz_conformance_tests skaz_cli
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 build-asan/tests/skaz_unit_tests --gtest_brief=1
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 build-asan/tests/skaz_conformance_tests --gtest_brief=1
	cd build-asan && ctest --output-on-failure -R cli_contract
	cmake --preset tsan
	cmake --build build-tsan -j$(JOBS) --target skaz_unit_tests
	TSAN_OPTIONS=halt_on_error=1 build-tsan/tests/skaz_unit_tests --gtest_brief=1

# libFuzzer (clang) on every C ABI entry point, FUZZ_SECONDS per target, from
# a seed corpus of the data sets; a finding stops it with the crashing input.
FUZZ_SECONDS ?= 60
DATA ?= ../shared/data
fuzz:
	SKAZ_EXTRA_PACKAGES="clang libclang-rt-14-dev" scripts/install-deps.sh
	cmake --preset fuzz
	cmake --build build-fuzz -j$(JOBS) --target fuzz_analyze fuzz_text
	fuzz/seed_corpus.py build-fuzz/corpus/analyze --lines examples/data/corpus.jsonl \
	  examples/data/article.txt examples/data/article.ru.txt $(DATA)/seed/000_b04bb81440cff18e.txt \
	  $(DATA)/quotes/adaq_ru.jsonl $(DATA)/quotes/dev_en_news.jsonl $(DATA)/segment/golden_en.jsonl \
	  $(DATA)/segment/golden_ru.jsonl
	fuzz/seed_corpus.py build-fuzz/corpus/text --lines examples/data/corpus.jsonl \
	  $(DATA)/translit/iuliia_samples.jsonl $(DATA)/translit/mojibake_words.jsonl \
	  $(DATA)/translit/ftfy_cases.jsonl $(DATA)/names/surname_inflection.jsonl
	build-fuzz/fuzz/fuzz_analyze -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=30 \
	  -print_final_stats=1 build-fuzz/corpus/analyze
	build-fuzz/fuzz/fuzz_text -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -timeout=10 \
	  -print_final_stats=1 build-fuzz/corpus/text

# libskaz's ABI against abi/libskaz.abi (abidiff, abigail-tools): fails on any
# change but added functions; abi-update writes a new baseline.
abi-check:
	JOBS=$(JOBS) scripts/abi-check.sh
abi-update:
	JOBS=$(JOBS) scripts/abi-check.sh --update

bench: build
	benchmarks/ratios.py $(BUILD)/benchmarks/bench_segment --benchmark_min_time=0.5
	benchmarks/ratios.py $(BUILD)/benchmarks/bench_translit --benchmark_min_time=0.5
	$(BUILD)/benchmarks/bench_repair
	$(BUILD)/benchmarks/bench_pipeline
	$(BUILD)/benchmarks/bench_names
	$(BUILD)/benchmarks/bench_hostile
	benchmarks/batch_scaling.py $(BUILD)/skaz
	benchmarks/hostile_scaling.py $(BUILD)/skaz

# skaz's name key beside Beider-Morse and Daitch-Mokotoff (Apache Commons
# Codec on a JVM, installed when missing) on the name variant set
compare-names: build
	tools/phonetic/compare.py --skaz $(BUILD)/skaz --data $(DATA)

clean:
	rm -rf $(BUILD)
