# Thin wrappers: the logic lives in scripts/ and CMake.
BUILD ?= build
DB ?= sqlite:var/kredo.db
LISTEN ?= 127.0.0.1:8080

.PHONY: run test bench deps build web migrate demo fmt lint test-asan fuzz clean crash-test soak

SECONDS ?= 60

run: deps build web
	@mkdir -p var
	@./$(BUILD)/kredo migrate --db $(DB)
	@echo "Demo logins (password Demo-heslo-2026):"
	@./$(BUILD)/kredo demo --db $(DB)
	@echo "Open http://$(LISTEN) in your browser."
	@./$(BUILD)/kredo serve --db $(DB) --listen $(LISTEN) --web-root web/dist

test:
	@bash scripts/test.sh

bench: deps build
	@bash scripts/bench.sh

deps:
	@bash scripts/install-deps.sh

build:
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	@ninja -C $(BUILD)

web:
	@cd web && npm run --silent build

# AddressSanitizer + UBSan (Debug, build-asan): the unit, db (SQLite; PostgreSQL too when KREDO_TEST_PG is set) and api
# suites; any sanitizer report fails the run.
test-asan:
	@bash scripts/test-asan.sh

# Each fuzz target runs SECONDS seconds from its seed corpus (clang-14 + libFuzzer, ASan + UBSan, in build-fuzz);
# prints executions and exec/s per target and fails on any crash, timeout or OOM (reproducers in build-fuzz/artifacts).
fuzz:
	@bash scripts/fuzz.sh $(SECONDS)

# SIGKILL crash consistency on SQLite and PostgreSQL (KILLS per database).
KILLS ?= 20
crash-test: build
	@bash scripts/crash-test.sh --kills $(KILLS)

# Mixed workload at 64 connections on the national demo dataset (SOAK_SECONDS, default 600).
SOAK_SECONDS ?= 600
soak: build
	@SOAK_SECONDS=$(SOAK_SECONDS) bash scripts/soak.sh

fmt:
	@git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'bench/*.cpp' | xargs clang-format -i

lint:
	@git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' | xargs clang-format --dry-run --Werror

clean:
	@rm -rf $(BUILD) build-asan web/dist
