# Thin wrapper over Meson: the README's Quick start is `make demo` and `make test`.
BUILD ?= build
MESON ?= meson

.PHONY: all demo test test-sanitize test-valgrind deps clean

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

# The runtime's unit suite under valgrind memcheck: 0 errors, 0 leaks.
VALGRIND = valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect \
	--errors-for-leak-kinds=definite,indirect --error-exitcode=1
test-valgrind: all
	$(MESON) test -C $(BUILD) --suite unit --print-errorlogs --wrapper '$(VALGRIND)'

clean:
	rm -rf $(BUILD) $(BUILD)-sanitize
