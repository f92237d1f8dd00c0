# Everyday commands. On a fresh Debian machine: `make serve` and `make test` (each installs what is
# missing first). See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PORT ?= 8080
FUZZ_SECONDS ?= 60
JOBS ?= 2
EMENV := . ./emsdk-env.sh >/dev/null &&

.PHONY: help deps deps-native deps-web thirdparty native web serve test test-native test-sanitize fuzz test-e2e report bench clean

help:
	@echo "make serve   build the web app and serve dist/ on http://127.0.0.1:$(PORT)"
	@echo "make test    build everything and run all tests (native, sanitizers + fuzz corpus replay, browser)"
	@echo "make fuzz    fuzz campaigns, FUZZ_SECONDS per target (FUZZ_TARGETS=\"fuzz_json ...\" for some)"
	@echo "make web     build the deployable site into dist/"
	@echo "make native  build the core, the digiready CLI and the test suites (build/native)"
	@echo "make report  sizes, load time, idle frames, benchmarks (incl. 100,000-result CLI import, docs/scale.md)"

deps: ; @tools/deps.sh all
deps-native: ; @tools/deps.sh native
deps-web: ; @tools/deps.sh web

# Dear ImGui; libxlsxwriter and zlib for the page's spreadsheet module (the native build's
# copy is made by CMake's configure step, tools/xlsxwriter.sh native).
thirdparty: deps-web
	@$(EMENV) tools/thirdparty.sh
	@$(EMENV) tools/xlsxwriter.sh wasm

native: deps-native
	@cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	@ninja -C build/native -j$(JOBS)

web: thirdparty
	@$(EMENV) [ -f build/web/build.ninja ] || emcmake cmake -S . -B build/web -G Ninja -DCMAKE_BUILD_TYPE=Release \
	  -DDIGIREADY_HEADERS_DIR=$(CURDIR)/build/web-headers >/dev/null
	@mkdir -p build/web-headers && ln -sfn /usr/include/rapidjson build/web-headers/rapidjson && ln -sfn /usr/include/cereal build/web-headers/cereal
	@$(EMENV) ninja -C build/web -j$(JOBS)
	@echo "web: site ready in dist/"

serve: web
	@echo "Serving dist/ on http://127.0.0.1:$(PORT)  (Ctrl+C to stop)"
	@node tools/serve.mjs dist $(PORT)

test-native: native
	@ctest --test-dir build/native --output-on-failure -j$(JOBS)

test-sanitize: deps-native
	@cmake -S . -B build/sanitize -G Ninja -DCMAKE_BUILD_TYPE=Debug -DDIGIREADY_SANITIZE=ON >/dev/null
	@ninja -C build/sanitize -j$(JOBS)
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --test-dir build/sanitize --output-on-failure -j$(JOBS)

fuzz: deps-native
	@CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=Release -DDIGIREADY_FUZZ=ON >/dev/null
	@ninja -C build/fuzz -j$(JOBS)
	@tools/run-fuzzers.sh build/fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

test-e2e: web
	@node --test --test-concurrency=1 tests/e2e/

# Deterministic: the sanitizer suite replays every fuzz corpus and past crash (ctest replay_*);
# campaigns, which find new inputs at random, are `make fuzz` only.
test: test-native test-sanitize test-e2e
	@echo "make test: all suites passed"

bench: native
	@build/native/bench/digiready_bench

# Times are printed against their targets; an exceeded byte budget (or a failing scale test) makes
# the report fail, after every figure has been printed (docs/size.md).
report: web native
	@rc=0; node tools/report.mjs || rc=$$?; \
	node tools/report-import.mjs; \
	build/native/bench/digiready_bench --benchmark_min_time=0.5 2>/dev/null || true; \
	echo "== National path: DuckDB over the CLI's NDJSON export, 100,000 results (docs/scale.md) =="; \
	SCALE_RECORDS=100000 node --test tests/scale/duckdb.test.mjs || rc=1; \
	exit $$rc

clean:
	rm -rf build/native build/sanitize build/fuzz build/web dist test-artifacts
