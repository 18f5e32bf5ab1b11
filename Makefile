# chitieu — plain make.  `make`, `make check`, `make clean`,
# `make check SANITIZE=1`, `make leakcheck`, `make bench`, `make fuzz`, `make format`,
# `make install` / `make uninstall` (PREFIX, DESTDIR), `make dist`, `make distcheck`,
# `make po` (the message catalogue from the code).
CC      ?= cc
PKGS     = libcmark-gfm icu-uc icu-i18n nettle fontconfig zlib libzip libxml-2.0 xlsxwriter
# += keeps a CPPFLAGS from the environment (dpkg-buildflags' -D_FORTIFY_SOURCE).
CPPFLAGS += -D_GNU_SOURCE -MMD -MP $(shell pkg-config --cflags $(PKGS))
CFLAGS  ?= -O2 -g
WARN     = -std=c11 -Wall -Wextra -Wpedantic -Wstrict-prototypes -Wvla -Wshadow -Wformat=2
LDLIBS   = -lcsv -lhpdf -lcmark-gfm-extensions $(shell pkg-config --libs $(PKGS)) -lm
ifeq ($(SANITIZE),1)
CFLAGS  += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
B        = build/san
else
B        = build/rel
endif

VERSION  = $(shell cat VERSION)

# Where `make install` puts things.  The data folder is compiled into
# main.o, so that an installed chitieu finds its templates from any
# folder; $(B)/datadir holds the last one, and a new PREFIX rebuilds main.o.
PREFIX  ?= /usr/local
BINDIR   = $(PREFIX)/bin
DATADIR  = $(PREFIX)/share/chitieu
MANDIR   = $(PREFIX)/share/man
LOCALEDIR = $(PREFIX)/share/locale
DOCDIR   = $(PREFIX)/share/doc/chitieu
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
# gen/ is read in layers, one folder each, lowest first (docs/GLOSSARY.md
# maps the files; tests/e2e/test_layers.sh holds the rules between them).
# Includes name a header alone ("buf.h"): every layer is on the path.
LAYERS   = base model read eval chart builder write
vpath %.c gen $(LAYERS:%=gen/%)
CPPFLAGS += $(LAYERS:%=-Igen/%) -Igen
# gen/*.c beside main.c wire builders to writers and files (xuat.c).
LIB_SRC  = $(wildcard $(LAYERS:%=gen/%/*.c)) $(filter-out gen/main.c,$(wildcard gen/*.c))
# The compiled catalogue, under $(B) (see `make po` below).
MO       = locale/vi/LC_MESSAGES/chitieu.mo
# msg_vi.o: the Vietnamese messages, a table generated from po/vi.po.
LIB_OBJ  = $(patsubst %.c,$(B)/%.o,$(notdir $(LIB_SRC))) $(B)/msg_vi.o
TEST_SRC = $(wildcard tests/unit/test_*.c)
TEST_BIN = $(TEST_SRC:tests/unit/%.c=$(B)/tests/%)
# Fuzz harnesses (tests/fuzz/fuzz_<name>.c).  `make fuzz` builds them with
# clang's libFuzzer and runs each for FUZZ_SECONDS; `make check` replays
# their seeds and kept crash inputs through tests/fuzz/replay.c, built like
# a unit test (so SANITIZE=1 and leakcheck cover them too).
FUZZ_NAMES = $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_REPLAY = $(FUZZ_NAMES:%=$(B)/tests/test_fuzz_%)
FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all

# ./chitieu is always the release build: a sanitizer build stays in
# build/san/ (the tests run it from there).
ifeq ($(SANITIZE),1)
TOP_BIN =
else
TOP_BIN = chitieu
chitieu: $(B)/chitieu
	cp $(B)/chitieu $@.tmp && mv -f $@.tmp $@
endif

all: $(B)/chitieu $(TOP_BIN) $(B)/$(MO)

# the catalogue beside it: a checkout's binary speaks its own messages
$(B)/chitieu: $(B)/main.o $(B)/libchitieu.a | $(B)/$(MO)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/libchitieu.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(B)/%.o: %.c VERSION
	@mkdir -p $(B)
	$(CC) $(CPPFLAGS) -DCHITIEU_VERSION='"$(VERSION)"' $(CFLAGS) $(WARN) -c -o $@ $<

$(B)/main.o: CPPFLAGS += -DCHITIEU_DATADIR='"$(DATADIR)"' -DCHITIEU_LOCALEDIR='"$(LOCALEDIR)"'
$(B)/main.o: $(B)/datadir
$(B)/datadir: FORCE
	@mkdir -p $(B)
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' > $@

# Messages (GNU gettext).  Each message's English text is its msgid in
# the code; po/vi.po holds the Vietnamese, sorted by msgid (merges stay
# simple).  `make po` extracts po/chitieu.pot and merges it into
# po/vi.po; tests/e2e/test_locale.sh fails when either is behind the
# code or a message has no Vietnamese.  The build compiles vi.po twice:
# to $(B)/locale/vi/LC_MESSAGES/chitieu.mo for gettext (the command
# line's language; a checkout's binary finds it there, `make install`
# puts it under LOCALEDIR) and to build/po/msg_vi.c, the table behind the
# always-Vietnamese data-quality page (tools/mo2c.c).
XGETTEXT_FLAGS = --language=C --from-code=UTF-8 --add-comments=TRANSLATORS: \
	--keyword=_ --keyword=N_ --keyword=msg_error:5 --keyword=msg_warn:5 --keyword=msg_add:6 --keyword=msg_add_args:6 \
	--keyword=S_warn_at:3 --keyword=S_encoding_error:3 --keyword=S_fail:4 \
	--flag=msg_error:5:c-format --flag=msg_warn:5:c-format --flag=msg_add:6:c-format --flag=msg_add_args:6:c-format \
	--flag=S_warn_at:3:c-format --flag=S_encoding_error:3:c-format --flag=S_fail:4:c-format \
	--flag=_:1:pass-c-format --flag=N_:1:pass-c-format \
	--sort-output --add-location=file --package-name=chitieu --package-version=$(VERSION) \
	--msgid-bugs-address= --copyright-holder="the chitieu authors"
PO_SRC   = $(sort $(LIB_SRC) gen/main.c)

build/po/vi.mo: po/vi.po
	@mkdir -p build/po
	msgfmt -c -o $@.tmp $< && mv -f $@.tmp $@

$(B)/$(MO): build/po/vi.mo
	@mkdir -p $(dir $@)
	cp $< $@

build/po/mo2c: tools/mo2c.c
	@mkdir -p build/po
	$(CC) -std=c11 -O2 -Wall -Wextra -o $@ $<

build/po/msg_vi.c: build/po/vi.mo build/po/mo2c
	build/po/mo2c build/po/vi.mo > $@.tmp && mv -f $@.tmp $@

$(B)/msg_vi.o: build/po/msg_vi.c
	@mkdir -p $(B)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) -c -o $@ $<

# po/chitieu.pot from the code, then po/vi.po brought up to it (a new
# message arrives untranslated, a changed one fuzzy: translate them).
po:
	xgettext $(XGETTEXT_FLAGS) -o po/chitieu.pot $(PO_SRC)
	msgmerge --quiet --update --backup=none --sort-output --add-location=file po/vi.po po/chitieu.pot
	@msgfmt -c --statistics -o /dev/null po/vi.po

# The catalogue against the code, written under PO_CHECK (a folder):
# the fresh extraction (chitieu.pot) and vi.po merged with it (vi.po),
# then msgfmt -c --statistics on that (tests/e2e/test_locale.sh reads it).
PO_CHECK ?= build/po/check
po-check:
	@mkdir -p $(PO_CHECK)
	xgettext $(XGETTEXT_FLAGS) -o $(PO_CHECK)/chitieu.pot $(PO_SRC)
	msgmerge --quiet --sort-output --add-location=file -o $(PO_CHECK)/vi.po po/vi.po $(PO_CHECK)/chitieu.pot
	msgfmt -c --statistics -o /dev/null $(PO_CHECK)/vi.po

$(B)/tests/%: tests/unit/%.c $(B)/libchitieu.a
	@mkdir -p $(B)/tests
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) -Wno-unused-parameter -Wno-missing-field-initializers $(LDFLAGS) -o $@ $< $(B)/libchitieu.a $(LDLIBS) -lcmocka

$(B)/tests/test_fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz_folder.h tests/fuzz/fuzz_file.h $(B)/libchitieu.a
	@mkdir -p $(B)/tests
	$(CC) $(CPPFLAGS) -DFUZZ_NAME='"$*"' $(CFLAGS) -std=c11 -Wall -Wextra $(LDFLAGS) -o $@ $< tests/fuzz/replay.c $(B)/libchitieu.a $(LDLIBS)

FUZZ_OBJ = $(patsubst %.c,build/fuzz/obj/%.o,$(notdir $(LIB_SRC))) build/fuzz/obj/msg_vi.o
.SECONDARY: $(FUZZ_OBJ)
build/fuzz/obj/%.o: %.c VERSION
	@mkdir -p build/fuzz/obj
	$(FUZZ_CC) $(CPPFLAGS) -DCHITIEU_VERSION='"$(VERSION)"' $(FUZZ_FLAGS) -c -o $@ $<

build/fuzz/obj/msg_vi.o: build/po/msg_vi.c
	@mkdir -p build/fuzz/obj
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_FLAGS) -c -o $@ $<

build/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz_folder.h tests/fuzz/fuzz_file.h $(FUZZ_OBJ)
	$(FUZZ_CC) $(filter-out -MMD -MP,$(CPPFLAGS)) $(FUZZ_FLAGS) -o $@ $< $(FUZZ_OBJ) $(LDLIBS)

tests-bin: $(TEST_BIN) $(FUZZ_REPLAY) $(B)/chitieu $(B)/$(MO)

# TESTS="tests/e2e/test_x.sh …" runs only those (tests/run.sh).
check: tests-bin $(TOP_BIN)
	CHITIEU=$(CURDIR)/$(B)/chitieu TEST_BIN=$(CURDIR)/$(B)/tests sh tests/run.sh $(TESTS)

leakcheck: tests-bin $(TOP_BIN)
	CHITIEU_VALGRIND=1 CHITIEU=$(CURDIR)/$(B)/chitieu TEST_BIN=$(CURDIR)/$(B)/tests sh tests/run.sh

# Each harness runs FUZZ_SECONDS on a copy of its seeds (new inputs stay
# in build/fuzz/corpus-<name>); a crash input lands in build/fuzz/ as
# crash-<sha1>: move it into tests/fuzz/regress/<name>/ with the fix.
fuzz: $(FUZZ_NAMES:%=build/fuzz/fuzz_%)
	@for n in $(FUZZ_NAMES); do \
		mkdir -p build/fuzz/corpus-$$n && \
		echo "fuzz_$$n: $(FUZZ_SECONDS) s" && \
		build/fuzz/fuzz_$$n -max_total_time=$(FUZZ_SECONDS) -max_len=200000 -timeout=20 \
			-rss_limit_mb=2048 -print_final_stats=1 \
			-artifact_prefix=build/fuzz/ -dict=tests/fuzz/csv.dict \
			build/fuzz/corpus-$$n tests/fuzz/corpus/$$n \
			$$(ls -d tests/fuzz/regress/$$n 2>/dev/null) \
			2>build/fuzz/fuzz_$$n.log || { tail -n 40 build/fuzz/fuzz_$$n.log; exit 1; }; \
		grep -E '^stat::(number_of_executed_units|new_units_added)' build/fuzz/fuzz_$$n.log; \
	done

site: chitieu
	./chitieu -q -i input -o output

bench: chitieu
	sh tools/bench.sh

format:
	clang-format -i gen/*.c gen/*/*.c gen/*/*.h tests/unit/*.c

# The files of a folder, one a line, for installing them one by one.
S_files = $(shell cd $(1) && find . -type f | LC_ALL=C sort)

install: $(B)/chitieu $(B)/$(MO)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(DOCDIR)
	install -m 755 $(B)/chitieu $(DESTDIR)$(BINDIR)/chitieu
	install -D -m 644 $(B)/$(MO) $(DESTDIR)$(LOCALEDIR)/vi/LC_MESSAGES/chitieu.mo
	for f in $(call S_files,templates); do \
		install -D -m 644 templates/$$f $(DESTDIR)$(DATADIR)/templates/$$f || exit 1; done
	for f in $(call S_files,input); do \
		install -D -m 644 input/$$f $(DESTDIR)$(DOCDIR)/examples/input/$$f || exit 1; done
	install -m 644 man/chitieu.1 $(DESTDIR)$(MANDIR)/man1/chitieu.1
	install -m 644 man/chitieu-input.5 $(DESTDIR)$(MANDIR)/man5/chitieu-input.5
	install -m 644 completion/chitieu $(DESTDIR)$(BASHCOMPDIR)/chitieu
	install -m 644 README.md docs/INPUT.md docs/SITE.md $(DESTDIR)$(DOCDIR)/
	install -m 644 LICENSE $(DESTDIR)$(DOCDIR)/copyright

# Removes what install put there; the folders that are chitieu's alone go too.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/chitieu $(DESTDIR)$(MANDIR)/man1/chitieu.1 \
		$(DESTDIR)$(MANDIR)/man5/chitieu-input.5 $(DESTDIR)$(BASHCOMPDIR)/chitieu \
		$(DESTDIR)$(LOCALEDIR)/vi/LC_MESSAGES/chitieu.mo
	rm -rf $(DESTDIR)$(DATADIR) $(DESTDIR)$(DOCDIR)

# The release tarball: the committed tree (git archive of HEAD), so no
# build/, no output/ and nothing uncommitted; it must carry the licence
# (a tarball without it may not be redistributed).  distcheck unpacks it,
# runs the README's two commands in it, and stages an install to see the
# licence land where Debian puts it.
DIST = chitieu-$(VERSION)
DIST_MUST = LICENSE debian/copyright README.md
dist:
	@git diff --quiet HEAD 2>/dev/null || echo "make dist: uncommitted changes are not in $(DIST).tar.gz" >&2
	git archive --format=tar --prefix=$(DIST)/ HEAD | gzip -n9 > $(DIST).tar.gz.tmp
	@tar -tzf $(DIST).tar.gz.tmp > $(DIST).tar.gz.list && \
	for f in $(DIST_MUST); do grep -qx "$(DIST)/$$f" $(DIST).tar.gz.list || \
		{ echo "make dist: $$f is not in the tarball (not committed?)" >&2; rm -f $(DIST).tar.gz.tmp $(DIST).tar.gz.list; exit 1; }; done
	rm -f $(DIST).tar.gz.list
	mv -f $(DIST).tar.gz.tmp $(DIST).tar.gz
	@echo "$(DIST).tar.gz"

distcheck: dist
	rm -rf build/distcheck && mkdir -p build/distcheck
	tar -xzf $(DIST).tar.gz -C build/distcheck
	cd build/distcheck/$(DIST) && ./build.sh -q && $(MAKE) check
	$(MAKE) -C build/distcheck/$(DIST) PREFIX=/usr DESTDIR=$(CURDIR)/build/distcheck/stage install >/dev/null
	cmp build/distcheck/$(DIST)/LICENSE build/distcheck/stage/usr/share/doc/chitieu/copyright
	rm -rf build/distcheck
	@echo "$(DIST).tar.gz: ./build.sh and make check pass when unpacked; make install puts LICENSE as share/doc/chitieu/copyright"

clean:
	rm -rf build chitieu

FORCE:

.PHONY: po po-check all check leakcheck fuzz site bench format clean tests-bin install uninstall dist distcheck FORCE

# A source moved to another folder leaves its old path in the objects'
# .d files (-MP covers headers, not the source): nothing to make for it,
# and the object is rebuilt from where the source is now.
gen/%.c: ;

-include $(LIB_OBJ:.o=.d) $(B)/main.d $(wildcard build/fuzz/obj/*.d) $(TEST_BIN:=.d)
