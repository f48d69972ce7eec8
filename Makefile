# Thin wrapper: `make run` and `make test` work on a fresh Debian 12 machine.
BUILD ?= build
JOBS ?= 2

.PHONY: deps configure build run demo test fuzz clean format

deps:
	@bash packaging/install-deps.sh

configure: deps
	@cmake --preset default >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	$(BUILD)/app/poplar/poplar

# Poplar on a private Dovecot with sample mail; closing the window stops the server.
demo: build
	$(BUILD)/packaging/demo/poplar-demo

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# Bounded fuzzing of what Poplar reads from outside (clang, libFuzzer): POP3 replies, CAPA,
# UIDL and LIST listings, SASL challenges, mbox and Maildir imports, and the renderer.
# FUZZ_SECONDS per target; -timeout makes an input that runs for 10 s a failure.
FUZZ_SECONDS ?= 60
FUZZ_CORPORA = pop3 mime layout capabilities listing sasl mbox maildir sieve import-mbox
fuzz: deps
	@CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPOPLAR_FUZZ=ON >/dev/null
	@cmake --build build-fuzz -j $(JOBS)
	@mkdir -p $(addprefix build-fuzz/corpus/,$(FUZZ_CORPORA))
	build-fuzz/tests/fuzz/fuzz-pop3-parser -max_total_time=$(FUZZ_SECONDS) -timeout=10 -print_final_stats=1 build-fuzz/corpus/pop3 tests/fuzz/corpus/pop3
	build-fuzz/tests/fuzz/fuzz-message-renderer -max_total_time=$(FUZZ_SECONDS) -timeout=10 -max_len=65536 -print_final_stats=1 build-fuzz/corpus/mime tests/fuzz/corpus/mime
	LSAN_OPTIONS=suppressions=tests/fuzz/lsan.supp build-fuzz/tests/fuzz/fuzz-sanitizer-layout -max_total_time=$(FUZZ_SECONDS) -timeout=10 -max_len=16384 -print_final_stats=1 build-fuzz/corpus/layout tests/fuzz/corpus/mime
	build-fuzz/tests/fuzz/fuzz-pop3-capabilities -max_total_time=$(FUZZ_SECONDS) -timeout=10 -print_final_stats=1 build-fuzz/corpus/capabilities tests/fuzz/corpus/capabilities
	build-fuzz/tests/fuzz/fuzz-pop3-listing -max_total_time=$(FUZZ_SECONDS) -timeout=10 -print_final_stats=1 build-fuzz/corpus/listing tests/fuzz/corpus/listing
	build-fuzz/tests/fuzz/fuzz-sasl-session -max_total_time=$(FUZZ_SECONDS) -timeout=10 -print_final_stats=1 build-fuzz/corpus/sasl tests/fuzz/corpus/sasl
	build-fuzz/tests/fuzz/fuzz-mbox-reader -max_total_time=$(FUZZ_SECONDS) -timeout=10 -print_final_stats=1 build-fuzz/corpus/mbox tests/fuzz/corpus/mbox
	build-fuzz/tests/fuzz/fuzz-maildir-reader -max_total_time=$(FUZZ_SECONDS) -timeout=10 -print_final_stats=1 build-fuzz/corpus/maildir tests/fuzz/corpus/maildir
	build-fuzz/tests/fuzz/fuzz-sieve-filters -max_total_time=$(FUZZ_SECONDS) -timeout=10 -max_len=16384 -print_final_stats=1 build-fuzz/corpus/sieve tests/fuzz/corpus/sieve
	build-fuzz/tests/fuzz/fuzz-import-mbox -max_total_time=$(FUZZ_SECONDS) -timeout=10 -max_len=65536 -print_final_stats=1 build-fuzz/corpus/import-mbox tests/fuzz/corpus/import-mbox

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD)
