# juan — see README.md and ARCHITECTURE.md.  `make run` and `make test` work
# on a fresh Debian machine: each installs what it is missing (as root) on
# first use.  `make` needs only the build libraries; `make test` also needs
# cmocka, tmux and the test tools.

PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man/man1
DATADIR = $(PREFIX)/share/juan

CC ?= cc
PKG_CONFIG ?= pkg-config

# What `make` needs, and what `make test` needs besides (by pkg-config name,
# by Debian package, by Homebrew formula).  TEST_TOOLS are full paths:
# `time` alone is a shell keyword.
BUILD_PKGS = ncursesw sqlite3 libutf8proc nettle liblz4
BUILD_DEB = pkg-config libncurses-dev libsqlite3-dev libutf8proc-dev nettle-dev liblz4-dev liblinear-dev
BUILD_BREW = pkg-config ncurses sqlite utf8proc nettle lz4 liblinear
# LIBLINEAR ships no pkg-config file: its header is looked for instead.
BUILD_HEADERS = linear.h
TEST_PKGS = cmocka
TEST_DEB = libcmocka-dev tmux sqlite3 python3 time
TEST_BREW = cmocka tmux python gnu-time
TEST_TOOLS = /usr/bin/tmux /usr/bin/sqlite3 /usr/bin/python3 /usr/bin/time

# -Werror for the sanitizer build `make test` runs and for CI; a user's
# `make` on a newer compiler still builds when it finds something new to warn
# about.
WARN = -std=c11 -Wall -Wextra -Wshadow
WERROR = $(if $(or $(CI),$(filter test,$(MAKECMDGOALS))),-Werror)
BASE_CFLAGS = $(WARN) -D_GNU_SOURCE -pthread -Iinclude -Istore -MMD -MP $(CPPFLAGS)
OPT_CFLAGS = -O2 -g $(WERROR)
SAN_CFLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	     -fno-sanitize-recover=undefined -Werror

STORE_SRC = $(wildcard store/*/*.c)
TUI_SRC = $(wildcard tui/cli/*.c tui/browser/*.c)
TEST_SRC = $(wildcard tests/unit/test_*.c)
GEN_SRC = build/gen/themes_default.c

# Two trees of objects: build/ (optimised, what `make` and `make install`
# ship) and build/asan/ (sanitizers, what `make test` runs).
OBJ = $(STORE_SRC:%.c=build/obj/%.o) $(GEN_SRC:build/gen/%.c=build/obj/gen/%.o)
SAN_OBJ = $(STORE_SRC:%.c=build/asan/obj/%.o) $(GEN_SRC:build/gen/%.c=build/asan/obj/gen/%.o)
TUI_OBJ = $(TUI_SRC:%.c=build/obj/%.o)
SAN_TUI_OBJ = $(TUI_SRC:%.c=build/asan/obj/%.o)
TESTS = $(TEST_SRC:tests/unit/%.c=build/asan/tests/%)

# Goals that build the tests read build/test-config.mk too (and so install
# cmocka and the test tools); every goal but clean reads build/config.mk.
TEST_GOALS = test bench fuzz fuzz-build $(TESTS)
ifeq ($(filter clean,$(MAKECMDGOALS)),)
-include build/config.mk
ifneq ($(filter $(TEST_GOALS),$(MAKECMDGOALS)),)
-include build/test-config.mk
endif
endif

.PHONY: all run test bench fuzz fuzz-build install uninstall clean FORCE
# Keep the objects of test programs: they are intermediate files to make.
.SECONDARY:
all: build/juan

# $(call require,PKG-CONFIG NAMES,TOOLS,DEBIAN PACKAGES,HOMEBREW FORMULAE,HEADERS):
# a shell snippet that installs what is missing on Debian and Ubuntu (as
# root; as another user it prints the apt-get line), prints the brew line
# on macOS, and fails with the list elsewhere.  HEADERS are those of
# libraries without a pkg-config file (liblinear's linear.h).
define require
missing=; for t in $(2); do [ -x $$t ] || missing=1; done; \
for h in $(5); do printf '#include <%s>\n' $$h | \
  $(CC) $(CPPFLAGS) -E -x c - >/dev/null 2>&1 || missing=1; done; \
if ! $(PKG_CONFIG) --exists $(1) 2>/dev/null || [ -n "$$missing" ]; then \
  if [ "$$(uname -s)" = Darwin ]; then \
    echo "juan: missing dependencies; install them with:" >&2; \
    echo "  brew install $(4)" >&2; exit 1; \
  elif ! command -v apt-get >/dev/null 2>&1; then \
    echo "juan: missing dependencies: pkg-config modules $(1), $(or $(2),no tools) and $(or $(5),no other headers)" >&2; exit 1; \
  elif [ "$$(id -u)" != 0 ]; then \
    echo "juan: missing dependencies; as root run:" >&2; \
    echo "  apt-get update && apt-get install -y $(3)" >&2; exit 1; \
  fi; \
  echo "juan: installing: $(3)"; \
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends $(3) >/dev/null || exit 1; \
fi
endef

# `juan sync` needs SQLite's session extension (SQLITE_ENABLE_SESSION, as
# Debian's and Homebrew's libsqlite3 are built): a program that calls
# sqlite3session_create() must link.
SESSION_PROBE = '\#define SQLITE_ENABLE_SESSION 1\n\#define SQLITE_ENABLE_PREUPDATE_HOOK 1\n\#include <sqlite3.h>\nint main(void) { sqlite3_session *s; return sqlite3session_create(0, "main", &s); }\n'

build/config.mk: Makefile
	@mkdir -p build
	@$(call require,$(BUILD_PKGS),,$(BUILD_DEB),$(BUILD_BREW),$(BUILD_HEADERS))
	@printf $(SESSION_PROBE) >build/session-probe.c; \
	if ! $(CC) $(CPPFLAGS) $$($(PKG_CONFIG) --cflags sqlite3) -o build/session-probe \
	     build/session-probe.c $$($(PKG_CONFIG) --libs sqlite3) >/dev/null 2>&1; then \
	  echo "juan: the SQLite found by pkg-config ($$($(PKG_CONFIG) --libs sqlite3)) lacks the session extension" >&2; \
	  echo "  (sqlite3session_create does not link): build SQLite with -DSQLITE_ENABLE_SESSION" >&2; \
	  echo "  -DSQLITE_ENABLE_PREUPDATE_HOOK, as Debian's libsqlite3-dev is; \`juan sync\` needs it." >&2; \
	  exit 1; fi
	@{ echo "STORE_CFLAGS := $$($(PKG_CONFIG) --cflags sqlite3 libutf8proc nettle liblz4)"; \
	   echo "STORE_LIBS := $$($(PKG_CONFIG) --libs sqlite3 libutf8proc nettle liblz4) -llinear -lm"; \
	   echo "CURSES_CFLAGS := $$($(PKG_CONFIG) --cflags ncursesw)"; \
	   echo "CURSES_LIBS := $$($(PKG_CONFIG) --libs ncursesw)"; } > $@.tmp && mv $@.tmp $@

build/test-config.mk: Makefile
	@mkdir -p build
	@$(call require,$(TEST_PKGS),$(TEST_TOOLS),$(TEST_DEB),$(TEST_BREW))
	@{ echo "CMOCKA_CFLAGS := $$($(PKG_CONFIG) --cflags cmocka)"; \
	   echo "CMOCKA_LIBS := $$($(PKG_CONFIG) --libs cmocka)"; } > $@.tmp && mv $@.tmp $@

# The default theme set is built into the program, so a new store always
# gets it, wherever juan is installed.
build/gen/themes_default.c: assets/themes/gov-topics.tsv
	@mkdir -p $(@D)
	{ echo '#include "juan/themes.h"'; \
	  echo 'const char *themes_default_tsv(void) { return'; \
	  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/	/\\t/g' -e 's/^/"/' -e 's/$$/\\n"/' $<; \
	  echo '; }'; } > $@.tmp && mv $@.tmp $@

build/obj/gen/%.o: build/gen/%.c
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(OPT_CFLAGS) $(CFLAGS) -c -o $@ $<
build/asan/obj/gen/%.o: build/gen/%.c
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(SAN_CFLAGS) $(CFLAGS) -c -o $@ $<

build/obj/store/%.o: store/%.c build/config.mk
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(STORE_CFLAGS) $(OPT_CFLAGS) $(CFLAGS) -c -o $@ $<
build/asan/obj/store/%.o: store/%.c build/config.mk
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(STORE_CFLAGS) $(SAN_CFLAGS) $(CFLAGS) -c -o $@ $<
# The browser finds the installed sample corpus under DATADIR (sample.h).
# build/datadir holds the DATADIR the objects were compiled with, so that a
# `make install PREFIX=...` after a plain `make` recompiles them.
TUI_CFLAGS = $(CURSES_CFLAGS) -DJUAN_DATADIR='"$(DATADIR)"'
build/datadir: FORCE
	@mkdir -p build
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' >$@
$(TUI_OBJ) $(SAN_TUI_OBJ) build/obj/tui/main.o build/asan/obj/tui/main.o: build/datadir
build/obj/tui/%.o: tui/%.c build/config.mk
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(TUI_CFLAGS) $(OPT_CFLAGS) $(CFLAGS) -c -o $@ $<
build/asan/obj/tui/%.o: tui/%.c build/config.mk
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(TUI_CFLAGS) $(SAN_CFLAGS) $(CFLAGS) -c -o $@ $<
build/asan/obj/tests/%.o: tests/unit/%.c build/config.mk build/test-config.mk
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(CURSES_CFLAGS) $(CMOCKA_CFLAGS) $(SAN_CFLAGS) $(CFLAGS) -c -o $@ $<

build/libjuan.a: $(OBJ)
	rm -f $@ && ar rcs $@ $^
build/asan/libjuan.a: $(SAN_OBJ)
	rm -f $@ && ar rcs $@ $^
build/libjuantui.a: $(TUI_OBJ)
	rm -f $@ && ar rcs $@ $^
build/asan/libjuantui.a: $(SAN_TUI_OBJ)
	rm -f $@ && ar rcs $@ $^

build/juan: build/obj/tui/main.o build/libjuantui.a build/libjuan.a
	$(CC) $(OPT_CFLAGS) $(LDFLAGS) -o $@ $^ $(CURSES_LIBS) $(STORE_LIBS) -pthread
build/asan/juan: build/asan/obj/tui/main.o build/asan/libjuantui.a build/asan/libjuan.a
	$(CC) $(SAN_CFLAGS) $(LDFLAGS) -o $@ $^ $(CURSES_LIBS) $(STORE_LIBS) -pthread

build/asan/tests/%: build/asan/obj/tests/%.o build/asan/obj/tests/util.o build/asan/libjuantui.a build/asan/libjuan.a
	@mkdir -p $(@D)
	$(CC) $(SAN_CFLAGS) $(LDFLAGS) -o $@ $^ $(CMOCKA_LIBS) $(CURSES_LIBS) $(STORE_LIBS) -pthread

# The sample corpus in a store of its own, then the browser on it.
RUN_DB = build/run/juan.db
run: build/juan
	@mkdir -p build/run
	build/juan --db $(RUN_DB) import assets/sample
	build/juan --db $(RUN_DB)

# The shell tests run `make install` (tests/cli/install.sh): build/juan
# first, so that a parallel make never builds it twice at once.
test: build/asan/juan build/juan $(TESTS) fuzz-build
	JUAN=build/asan/juan TESTS_DIR=build/asan/tests FUZZ_RUNS=$(FUZZ_RUNS) \
		sh tests/run.sh

bench: build/juan build/bench build/bench-suggest
	sh bench/run.sh
	sh bench/sync.sh
	sh bench/suggest.sh

build/bench: bench/bench.c bench/timing.h build/libjuan.a
	$(CC) $(BASE_CFLAGS) $(STORE_CFLAGS) $(OPT_CFLAGS) -o $@ bench/bench.c build/libjuan.a $(STORE_LIBS) -pthread
build/bench-suggest: bench/suggest.c bench/timing.h build/libjuan.a
	$(CC) $(BASE_CFLAGS) $(STORE_CFLAGS) $(OPT_CFLAGS) -o $@ bench/suggest.c build/libjuan.a $(STORE_LIBS) -pthread

# libFuzzer targets (tests/fuzz/fuzz_NAME.c), each with its seeds: import
# (decode + parse + wrap, seeded with the sample corpus), query (a query
# tokenized and matched by search_text_hits), themes (theme_set_parse) and
# config (the browser's keymap_read).  `make fuzz` runs each for FUZZ_TIME
# seconds (default 60); `make test` runs each for FUZZ_RUNS runs on its
# seeds (tests/cli/fuzz.sh) when clang links libFuzzer programs here, and
# reports them skipped when it does not.  Needs clang and its runtime
# (Debian: clang, libclang-rt-dev).
FUZZ_TIME ?= 60
FUZZ_RUNS ?= 2000
FUZZ_TARGETS = import query themes config
FUZZ_BINS = $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)
FUZZ_SEEDS_import = assets/sample
FUZZ_SEEDS_query = tests/fuzz/seeds/query
FUZZ_SEEDS_themes = assets/themes
FUZZ_SEEDS_config = tests/fuzz/seeds/config
FUZZ_CFLAGS = $(WARN) -D_GNU_SOURCE -Iinclude -Istore $(STORE_CFLAGS) -g -O1 \
	-fsanitize=fuzzer,address,undefined
fuzz: $(FUZZ_BINS)
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p build/fuzz/corpus/$$t; \
		case $$t in import) seeds="$(FUZZ_SEEDS_import)";; \
		query) seeds="$(FUZZ_SEEDS_query)";; \
		themes) seeds="$(FUZZ_SEEDS_themes)";; \
		config) seeds="$(FUZZ_SEEDS_config)";; esac; \
		echo "fuzz_$$t: $(FUZZ_TIME) seconds"; \
		build/fuzz/fuzz_$$t -max_total_time=$(FUZZ_TIME) -max_len=65536 \
			build/fuzz/corpus/$$t $$seeds || exit 1; \
	done

# "yes" when clang links a libFuzzer program on this machine, else "no".
build/fuzz/usable:
	@mkdir -p $(@D)
	@printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n);\nint LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' >$(@D)/probe.c
	@if clang -fsanitize=fuzzer -o $(@D)/probe $(@D)/probe.c >/dev/null 2>&1; \
	then echo yes; else echo no; fi >$@

# The targets `make test` runs, when they can be built.
fuzz-build: build/fuzz/usable
	@if [ "$$(cat build/fuzz/usable)" = yes ]; then \
		$(MAKE) --no-print-directory $(FUZZ_BINS); fi

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(STORE_SRC) $(GEN_SRC) build/config.mk
	@mkdir -p $(@D)
	clang $(FUZZ_CFLAGS) -o $@ $< $(STORE_SRC) $(GEN_SRC) $(STORE_LIBS) -pthread

# The config parser lives in the browser: its keymap and action table.
FUZZ_CONFIG_SRC = tui/browser/keymap.c tui/browser/action.c tui/browser/element.c
build/fuzz/fuzz_config: tests/fuzz/fuzz_config.c $(FUZZ_CONFIG_SRC) $(STORE_SRC) $(GEN_SRC) build/config.mk
	@mkdir -p $(@D)
	clang $(FUZZ_CFLAGS) $(CURSES_CFLAGS) -o $@ $< $(FUZZ_CONFIG_SRC) \
		$(STORE_SRC) $(GEN_SRC) $(CURSES_LIBS) $(STORE_LIBS) -pthread

install: build/juan
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(DATADIR)/themes $(DESTDIR)$(DATADIR)/sample
	install -m 755 build/juan $(DESTDIR)$(BINDIR)/juan
	sed 's|/usr/local/share/juan|$(DATADIR)|g' assets/juan.1 >$(DESTDIR)$(MANDIR)/juan.1
	chmod 644 $(DESTDIR)$(MANDIR)/juan.1
	install -m 644 assets/themes/*.tsv $(DESTDIR)$(DATADIR)/themes/
	install -m 644 assets/sample/*.txt $(DESTDIR)$(DATADIR)/sample/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/juan $(DESTDIR)$(MANDIR)/juan.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build

-include $(shell find build -name '*.d' 2>/dev/null)
