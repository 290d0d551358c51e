# lockscope — static checker for Linux kernel lock and lifetime bugs.
#
#   make                 build ./lockscope (fetches and builds libsparse first)
#   make check           the whole test suite (testcases, ASan/UBSan, real kernel)
#   make demo            run lockscope on the bundled example
#   make bench           sparse vs lockscope on real kernel files
#   make install PREFIX=/usr/local

VERSION   := 0.1.0
PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
DATADIR   ?= $(PREFIX)/share/lockscope
MANDIR    ?= $(PREFIX)/share/man/man1
BUILD     ?= build
SPARSE    := $(BUILD)/sparse
LIBSPARSE := $(SPARSE)/libsparse.a

CC        ?= cc
WARNINGS  := -Wall -Wextra -Werror -Wno-unused-parameter
CFLAGS    ?= -O2 -g
ALL_CFLAGS = $(CFLAGS) $(WARNINGS) -std=gnu11 -Iinclude -I$(SPARSE) \
	     -DLOCKSCOPE_VERSION='"$(VERSION)"' \
	     -DLOCKSCOPE_DATADIR='"$(DATADIR)"' -pthread
SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	     -fno-sanitize-recover=undefined

# libclang reads compile_commands.json for "lockscope ci"; without it the
# rest of lockscope builds and "lockscope ci" says what it needs.
LLVM_HDR   = $(lastword $(sort $(wildcard /usr/lib/llvm-*/include/clang-c/CXCompilationDatabase.h)))
ifeq ($(LLVM_HDR),)
$(shell sh -c '. ci/need-packages.sh && want_packages clang' >&2)
endif
LLVM      ?= $(patsubst %/include/clang-c/CXCompilationDatabase.h,%,$(LLVM_HDR))
ifneq ($(LLVM),)
# opened with dlopen() when "lockscope ci" needs it (see libclang.h)
ALL_CFLAGS += -DHAVE_LIBCLANG -I$(LLVM)/include \
	      -DLIBCLANG_SO='"$(firstword $(wildcard $(LLVM)/lib/libclang.so.1 $(LLVM)/lib/libclang.so))"'
LIBS      += -ldl
endif

# lock-order and other checks run on threads of their own (report.c)
LIBS      += -pthread

SRCS := $(sort $(wildcard checkers/*.c))
HDRS := $(wildcard include/lockscope/*.h)
OBJS := $(SRCS:checkers/%.c=$(BUILD)/obj/%.o)
SAN_OBJS := $(SRCS:checkers/%.c=$(BUILD)/san/%.o)
TSAN_OBJS := $(SRCS:checkers/%.c=$(BUILD)/tsan/%.o)
TSAN_FLAGS := -O1 -g -fsanitize=thread

all: lockscope spatch

$(LIBSPARSE):
	@sh ci/fetch-sparse.sh $(BUILD)

$(BUILD)/obj/%.o: checkers/%.c $(HDRS) $(LIBSPARSE) | $(BUILD)/obj
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/san/%.o: checkers/%.c $(HDRS) $(LIBSPARSE) | $(BUILD)/san
	@echo "  CC [san] $<"
	@$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) -c -o $@ $<

$(BUILD)/tsan/%.o: checkers/%.c $(HDRS) $(LIBSPARSE) | $(BUILD)/tsan
	@echo "  CC [tsan] $<"
	@$(CC) $(ALL_CFLAGS) $(TSAN_FLAGS) -c -o $@ $<

$(BUILD)/obj $(BUILD)/san $(BUILD)/tsan:
	@mkdir -p $@

lockscope: $(OBJS) $(LIBSPARSE)
	@echo "  LD      $@"
	@$(CC) $(CFLAGS) -o $@ $(OBJS) $(LIBSPARSE) $(LIBS)

# Coccinelle, for "lockscope fix" (rules/cocci/): installed as root, named
# otherwise; lockscope itself builds and runs without it.
spatch:
	@sh -c '. ci/need-packages.sh; need_packages cocci' || \
		echo "lockscope: without spatch, lockscope fix cannot make patches" >&2

# The same program built with AddressSanitizer and UBSan, for the tests.
$(BUILD)/lockscope-san: $(SAN_OBJS) $(LIBSPARSE)
	@echo "  LD      $@"
	@$(CC) $(SAN_FLAGS) -o $@ $(SAN_OBJS) $(LIBSPARSE) $(LIBS)

# ... and with ThreadSanitizer: the whole-tree checks run on three threads.
$(BUILD)/lockscope-tsan: $(TSAN_OBJS) $(LIBSPARSE)
	@echo "  LD      $@"
	@$(CC) $(TSAN_FLAGS) -o $@ $(TSAN_OBJS) $(LIBSPARSE) $(LIBS)

check: lockscope spatch $(BUILD)/lockscope-san $(BUILD)/lockscope-tsan
	@sh ci/check.sh

demo: lockscope
	@sh ci/demo/demo.sh

bench: lockscope
	@sh ci/bench.sh

install: lockscope spatch
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/rules $(DESTDIR)$(DATADIR)/ci $(DESTDIR)$(MANDIR)
	install -m 755 lockscope $(DESTDIR)$(BINDIR)/lockscope
	cp -R rules/. $(DESTDIR)$(DATADIR)/rules/
	install -m 644 ci/lockscope-ci.sh $(DESTDIR)$(DATADIR)/ci/lockscope-ci.sh
	install -m 644 lockscope.1 $(DESTDIR)$(MANDIR)/lockscope.1

clean:
	rm -rf lockscope $(BUILD)/obj $(BUILD)/san $(BUILD)/tsan $(BUILD)/lockscope-san \
		$(BUILD)/lockscope-tsan $(BUILD)/tests

distclean: clean
	rm -rf $(BUILD)

.PHONY: all spatch check demo bench install clean distclean
