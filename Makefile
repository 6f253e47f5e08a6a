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

test-asan:
	@cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DKREDO_SANITIZE=ON >/dev/null
	@ninja -C build-asan
	@./build-asan/unit_tests --gtest_brief=1 && ./build-asan/db_tests --gtest_brief=1 && ./build-asan/api_tests --gtest_brief=1

# Each fuzz target runs SECONDS seconds from its seed corpus; new interesting inputs go to build-fuzz/corpus-*.
fuzz:
	@CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKREDO_FUZZ=ON -DKREDO_WERROR=OFF >/dev/null
	@ninja -C build-fuzz $$(cd fuzz && ls *_fuzz.cpp | sed 's/.cpp$$//')
	@for f in fuzz/*_fuzz.cpp; do t=$$(basename $$f .cpp); c=$${t%_fuzz}; mkdir -p build-fuzz/corpus-$$c; \
	  echo "== $$t ($(SECONDS) s)"; ./build-fuzz/$$t -max_total_time=$(SECONDS) -print_final_stats=1 build-fuzz/corpus-$$c fuzz/corpus/$$c 2>&1 | grep -E "stat::number_of_executed_units|ERROR|SUMMARY" || exit 1; done

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
