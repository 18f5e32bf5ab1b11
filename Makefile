# chitieu — plain make.  `make`, `make check`, `make clean`,
# `make check SANITIZE=1`, `make leakcheck`, `make bench`, `make fuzz`, `make format`.
CC      ?= cc
PKGS     = libcmark-gfm icu-uc icu-i18n nettle fontconfig
CPPFLAGS = -D_GNU_SOURCE -MMD -MP $(shell pkg-config --cflags $(PKGS))
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
LIB_SRC  = $(filter-out gen/main.c,$(wildcard gen/*.c))
LIB_OBJ  = $(LIB_SRC:gen/%.c=$(B)/%.o)
TEST_SRC = $(wildcard tests/unit/test_*.c)
TEST_BIN = $(TEST_SRC:tests/unit/%.c=$(B)/tests/%)

all: chitieu

chitieu: $(B)/chitieu
	cp $(B)/chitieu $@.tmp && mv -f $@.tmp $@

$(B)/chitieu: $(B)/main.o $(B)/libchitieu.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/libchitieu.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(B)/%.o: gen/%.c VERSION
	@mkdir -p $(B)
	$(CC) $(CPPFLAGS) -DCHITIEU_VERSION='"$(VERSION)"' $(CFLAGS) $(WARN) -c -o $@ $<

$(B)/tests/%: tests/unit/%.c $(B)/libchitieu.a
	@mkdir -p $(B)/tests
	$(CC) $(CPPFLAGS) -Igen $(CFLAGS) $(WARN) -Wno-unused-parameter $(LDFLAGS) -o $@ $< $(B)/libchitieu.a $(LDLIBS) -lcmocka

tests-bin: $(TEST_BIN) $(B)/chitieu

check: tests-bin chitieu
	CHITIEU=$(CURDIR)/$(B)/chitieu TEST_BIN=$(CURDIR)/$(B)/tests sh tests/run.sh

leakcheck: tests-bin chitieu
	CHITIEU_VALGRIND=1 CHITIEU=$(CURDIR)/$(B)/chitieu TEST_BIN=$(CURDIR)/$(B)/tests sh tests/run.sh

site: chitieu
	./chitieu -q -i input -o output

bench: chitieu
	sh tools/bench.sh

format:
	clang-format -i gen/*.c gen/*.h tests/unit/*.c

clean:
	rm -rf build chitieu

.PHONY: all check leakcheck site bench format clean tests-bin

-include $(LIB_OBJ:.o=.d) $(B)/main.d
