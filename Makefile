# Thin wrapper over Meson: the README's Quick start is `make demo` and `make test`.
BUILD ?= build
MESON ?= meson

.PHONY: all demo test test-sanitize test-valgrind test-tsan fuzz bench deps clean

all: $(BUILD)/build.ninja
	$(MESON) compile -C $(BUILD)

deps:
	@scripts/deps.sh test

$(BUILD)/build.ninja: | deps
	$(MESON) setup $(BUILD)

demo: all
	@scripts/demo.sh $(BUILD)

test: all
	$(MESON) test -C $(BUILD) --print-errorlogs

# The whole suite under AddressSanitizer + UndefinedBehaviorSanitizer, built with clang.
test-sanitize: deps
	@test -f $(BUILD)-sanitize/build.ninja || CC=clang CXX=clang++ $(MESON) setup $(BUILD)-sanitize \
		-Db_sanitize=address,undefined -Db_lundef=false
	$(MESON) compile -C $(BUILD)-sanitize
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 \
		$(MESON) test -C $(BUILD)-sanitize --print-errorlogs

# Every benchmark, one table of figures and ratios (docs/performance.md).
bench: all
	@scripts/bench.sh $(BUILD)

# The runtime's unit suite under valgrind memcheck: 0 errors, 0 leaks.
VALGRIND = valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect \
	--errors-for-leak-kinds=definite,indirect --error-exitcode=1
test-valgrind: all
	$(MESON) test -C $(BUILD) --suite unit --print-errorlogs --wrapper '$(VALGRIND)'

# The concurrency tests (meson suite 'threads': reference counts from many
# threads, the two-thread e2e test, the 8 x 1,000,000 stress test) under
# ThreadSanitizer, built with clang.
test-tsan: deps
	@test -f $(BUILD)-tsan/build.ninja || CC=clang CXX=clang++ $(MESON) setup $(BUILD)-tsan \
		-Db_sanitize=thread -Db_lundef=false
	$(MESON) compile -C $(BUILD)-tsan
	TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
		$(MESON) test -C $(BUILD)-tsan --suite threads --print-errorlogs

# The libFuzzer targets (tests/fuzz), each for FUZZ_SECONDS over its seed
# corpus; any crash, leak or sanitizer report fails.
FUZZ_SECONDS ?= 60
fuzz: deps
	@test -f $(BUILD)-fuzz/build.ninja || CC=clang CXX=clang++ $(MESON) setup $(BUILD)-fuzz \
		-Dfuzzing=enabled
	$(MESON) compile -C $(BUILD)-fuzz
	CCW_FUZZ_SECONDS=$(FUZZ_SECONDS) $(MESON) test -C $(BUILD)-fuzz --suite fuzz --print-errorlogs \
		--timeout-multiplier $$(( $(FUZZ_SECONDS) / 60 + 1 ))

clean:
	rm -rf $(BUILD) $(BUILD)-sanitize $(BUILD)-tsan $(BUILD)-fuzz
