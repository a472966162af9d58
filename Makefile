# juan — see README.md.  `make run` and `make test` work on a fresh Debian
# machine: build/config.mk installs what is missing (as root) on first use.

PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man/man1
DATADIR = $(PREFIX)/share/juan

CC ?= cc
PKGS = ncursesw sqlite3 libutf8proc cmocka nettle
DEB_PKGS = pkg-config libncurses-dev libsqlite3-dev libutf8proc-dev \
	   libcmocka-dev nettle-dev tmux sqlite3 python3 time
# Programs the tests and the benchmark run besides juan (tmux drives the
# browser; sqlite3 and python3 check the store and the output; time
# measures peak memory).  Full paths: `time` alone is a shell keyword.
TEST_TOOLS = /usr/bin/tmux /usr/bin/sqlite3 /usr/bin/python3 /usr/bin/time

WARN = -std=c11 -Wall -Wextra -Wshadow -Werror
BASE_CFLAGS = $(WARN) -D_GNU_SOURCE -pthread -Iinclude -Istore -MMD -MP
OPT_CFLAGS = -O2 -g
SAN_CFLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	     -fno-sanitize-recover=undefined

STORE_SRC = $(wildcard store/*.c)
TUI_SRC = $(filter-out tui/main.c,$(wildcard tui/*.c))
TEST_SRC = $(wildcard tests/test_*.c)
GEN_SRC = build/gen/themes_default.c

# Two trees of objects: build/ (optimised, what `make` and `make install`
# ship) and build/asan/ (sanitizers, what `make test` runs).
OBJ = $(STORE_SRC:%.c=build/obj/%.o) $(GEN_SRC:build/gen/%.c=build/obj/gen/%.o)
SAN_OBJ = $(STORE_SRC:%.c=build/asan/obj/%.o) $(GEN_SRC:build/gen/%.c=build/asan/obj/gen/%.o)
TUI_OBJ = $(TUI_SRC:%.c=build/obj/%.o)
SAN_TUI_OBJ = $(TUI_SRC:%.c=build/asan/obj/%.o)
TESTS = $(TEST_SRC:tests/%.c=build/asan/tests/%)

ifeq ($(filter clean,$(MAKECMDGOALS)),)
-include build/config.mk
endif

.PHONY: all run test bench fuzz install uninstall clean FORCE
# Keep the objects of test programs: they are intermediate files to make.
.SECONDARY:
all: build/juan

# Finds the libraries with pkg-config, installing the Debian packages first
# when any is missing (apt-get update once, then a non-interactive install).
build/config.mk: Makefile
	@mkdir -p build
	@missing=; for t in $(TEST_TOOLS); do [ -x $$t ] || missing=1; done; \
	if ! pkg-config --exists $(PKGS) 2>/dev/null || [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" != 0 ]; then \
	    echo "juan: missing build dependencies; as root run:" >&2; \
	    echo "  apt-get update && apt-get install -y $(DEB_PKGS)" >&2; exit 1; \
	  fi; \
	  echo "juan: installing build dependencies: $(DEB_PKGS)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq --no-install-recommends $(DEB_PKGS) >/dev/null || exit 1; \
	fi
	@{ echo "STORE_CFLAGS := $$(pkg-config --cflags sqlite3 libutf8proc nettle)"; \
	   echo "STORE_LIBS := $$(pkg-config --libs sqlite3 libutf8proc nettle)"; \
	   echo "CURSES_CFLAGS := $$(pkg-config --cflags ncursesw)"; \
	   echo "CURSES_LIBS := $$(pkg-config --libs ncursesw)"; \
	   echo "CMOCKA_CFLAGS := $$(pkg-config --cflags cmocka)"; \
	   echo "CMOCKA_LIBS := $$(pkg-config --libs cmocka)"; } > $@

# The default theme set is built into the program, so a new store always
# gets it, wherever juan is installed.
build/gen/themes_default.c: assets/themes/gov-topics.tsv
	@mkdir -p $(@D)
	{ echo '#include "juan/themes.h"'; \
	  echo 'const char *themes_default_tsv(void) { return'; \
	  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/	/\\t/g' -e 's/^/"/' -e 's/$$/\\n"/' $<; \
	  echo '; }'; } > $@

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
# The browser finds the installed sample corpus under DATADIR (tui/sample.h).
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
build/asan/obj/tests/%.o: tests/%.c build/config.mk
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) -Itui $(CURSES_CFLAGS) $(CMOCKA_CFLAGS) $(SAN_CFLAGS) $(CFLAGS) -c -o $@ $<

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

test: build/asan/juan $(TESTS)
	JUAN=build/asan/juan TESTS_DIR=build/asan/tests sh tests/run.sh

bench: build/juan build/bench
	sh bench/run.sh

build/bench: bench/bench.c build/libjuan.a
	$(CC) $(BASE_CFLAGS) $(STORE_CFLAGS) $(OPT_CFLAGS) -o $@ bench/bench.c build/libjuan.a $(STORE_LIBS) -pthread

# The man page names the directory of the theme sets and the samples.
# libFuzzer on decode + parse + wrap (tests/fuzz_import.c), seeded with the
# sample corpus; FUZZ_TIME seconds (default 60).  Needs clang and its
# runtime (Debian: clang, libclang-rt-dev).
FUZZ_TIME ?= 60
fuzz: build/fuzz/fuzz_import
	@mkdir -p build/fuzz/corpus
	build/fuzz/fuzz_import -max_total_time=$(FUZZ_TIME) -max_len=65536 \
		build/fuzz/corpus assets/sample

build/fuzz/fuzz_import: tests/fuzz_import.c $(STORE_SRC) $(GEN_SRC) build/config.mk
	@mkdir -p $(@D)
	clang $(WARN) -D_GNU_SOURCE -Iinclude -Istore $(STORE_CFLAGS) -g -O1 \
		-fsanitize=fuzzer,address,undefined -o $@ tests/fuzz_import.c \
		$(STORE_SRC) $(GEN_SRC) $(STORE_LIBS) -pthread

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
