# Thin wrapper: `make run` and `make test` work on a fresh Debian 12 machine.
BUILD ?= build
JOBS ?= 2

.PHONY: deps configure build run test clean format

deps:
	@bash packaging/install-deps.sh

configure: deps
	@cmake --preset default >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	$(BUILD)/app/poplar/poplar

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD)
