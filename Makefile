# The two commands: `make run` and `make test`. Both install what is missing, configure and build.
.PHONY: deps build run test test-release test-asan bench format lint clean

JOBS ?= $(shell nproc)

deps:
	@scripts/install-deps

build: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

run: build
	./build/rcc plan --data data/sample

test-release: build
	ctest --preset release

test-asan: deps
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS)
	ctest --preset asan

test: test-release test-asan

bench: build
	scripts/install-deps --bench
	bench/generate
	bench/sim
	bench/dispatch
	bench/server
	bench/staffing
	bench/roster --time 60

format:
	find src tests bench -name '*.h' -o -name '*.cpp' | xargs clang-format -i

lint: build
	find src -name '*.cpp' | xargs clang-tidy -p build --quiet \
	  --extra-arg=-Wno-unknown-warning-option --extra-arg=-Wno-ignored-optimization-argument

clean:
	rm -rf build build-debug build-asan
