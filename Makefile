# The two commands: `make run` and `make test`. Both install what is missing, configure and build.
.PHONY: deps web-deps web build run test test-release test-asan test-api test-web bench format lint clean

JOBS ?= $(shell nproc)

deps:
	@scripts/install-deps

# The front end's packages, exactly as web/package-lock.json records them (Node.js 20.19 or later).
web-deps: deps
	@node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a==20&&b<19)) { console.error("rcc: the web front end needs Node.js 20.19 or later, found "+process.version); process.exit(1) }'
	@npm ci --prefix web --no-audit --no-fund --loglevel=error

# The dashboard's assets (web/dist), which `rcc serve` serves.
web: web-deps
	@npm run --silent build --prefix web

build: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

# Plans the sample center, then serves it as a living center with the dashboard (scripts/demo).
run: build web
	./build/rcc plan --data data/sample --out var/plan
	@scripts/demo

test-release: build
	ctest --preset release

test-asan: deps
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS)
	ctest --preset asan

# The API description the front end's types come from: Redocly's recommended rules, and the
# TypeScript types generated from it (web/src/api/schema.d.ts) up to date and compiling.
test-api: web-deps
	cd web && node_modules/.bin/redocly lint ../docs/openapi.json --config redocly.yaml
	@mkdir -p web/node_modules/.cache
	@cd web && npm run --silent check:api || \
	  { echo "rcc: web/src/api/schema.d.ts is stale: npm run gen:api --prefix web"; exit 1; }

# The dashboard in Debian's chromium against the real server (web/tests/run.sh); screenshots and
# measurements land in build/web-test.
test-web: build web
	web/tests/run.sh build/rcc

test: test-release test-asan test-api test-web

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
