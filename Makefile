# farkas: one non-recursive GNU Makefile.
#   make             build build/farkas (and build/farkas-check, the checker alone)
#   make test        unit + CLI tests, then the same under ASan+UBSan  [MOD=solve]
#   make run         build, then verify every built-in theorem instance
#   make bench       speed against the peers (bench/run.sh; parts: netlib, netlib-large, kennington)
# Build output goes to $(B) (build/ by default, build/asan for the sanitizer run).

B        ?= build
CC       ?= cc
OPT      ?= -O2
WARN     := -std=c11 -pedantic -Wall -Wextra -Wshadow -Wmissing-prototypes \
            -Wstrict-prototypes -Wno-unused-parameter
CFLAGS   ?= $(OPT) -g
ifeq ($(SAN),1)
  # GCC 12 reports false stringop-overflow/-overread warnings on sanitizer-instrumented
  # code (cases/case_vcg.c, clean without -fsanitize); ASan itself checks
  # every access at run time in this build.
  CFLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
            -fno-sanitize-recover=undefined -Wno-stringop-overflow -Wno-stringop-overread
  LDFLAGS += -fsanitize=address,undefined
endif
ifeq ($(CI),true)
  WARN += -Werror
endif
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -Iexact/model -Iexact/solve -Iexact/param -Icertify -Iproofs -Icases -Itests
LDLIBS   += -lflint -lmpfr -lgmp -lm -lpthread

# The library: everything but the CLI, the checker and the tests.
LIB_SRC   := $(sort $(wildcard exact/model/*.c exact/solve/*.c exact/param/*.c certify/*.c proofs/*.c cases/*.c))
LIB_SRC   := $(filter-out %_tmpl.c,$(LIB_SRC))
CHECK_SRC := $(sort $(wildcard certify/check/*.c))
# The parametric checker (certify/pcheck/): as independent as the checker,
# and also free of FLINT, which the parametric solver uses (it takes the
# checker's one SHA-256 from check/chk.h).
PCHECK_SRC := $(sort $(wildcard certify/pcheck/*.c))
LIB_OBJ   := $(LIB_SRC:%.c=$(B)/%.o)
CHECK_OBJ := $(CHECK_SRC:%.c=$(B)/%.o) $(PCHECK_SRC:%.c=$(B)/%.o)

# Unit tests: tests/<mod>/t-*.c, each defining int test_<thing>(fk_rng *).
# The runner main is generated from the function names found.
TEST_MODS := $(sort $(notdir $(patsubst %/,%,$(dir $(wildcard tests/*/t-*.c)))))
TEST_BINS := $(TEST_MODS:%=$(B)/tests/%)

.PHONY: all test test-long unit cli-test run bench bench-check clean deps check-indep check-layers golden-update fuzz fuzz-bins
all: deps check-layers $(B)/farkas $(B)/farkas-check

# Install the system packages the build needs when they are missing
# (as root via apt on Debian), or say exactly what to install.
deps:
	@sh tests/deps.sh build

# Test sources compile under obj/ so that build/tests/<mod> can be a binary.
# Their test_* functions are found by name (tests/genmain.sh), so they need
# no prototypes.
$(B)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(WARN) -Wno-missing-prototypes $(CFLAGS) -MMD -MP -c $< -o $@

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -MMD -MP -c $< -o $@

$(B)/libfarkas.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/farkas: $(B)/farkas.o $(B)/libfarkas.a $(B)/libchk.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/libchk.a: $(CHECK_OBJ)
	@rm -f $@
	ar rcs $@ $^

# The checker alone, linked against GMP only: proof that it needs nothing else.
$(B)/farkas-check: certify/check-main.c $(B)/libchk.a | check-indep
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ $^ -lgmp

# The checker shares no code with the solver: it may include only <gmp.h>,
# the C library and its own headers, and must not touch floating point.
check-indep:
	@if grep -nE '#include *"|\b(double|float|mpfr|long double)\b' $(CHECK_SRC) certify/check/*.h certify/check-main.c \
	   | grep -vE '#include *"(chk|chk_[a-z0-9_]*)\.h"' ; then \
	   echo "certify/check must include only its own headers and use no floating point" >&2; exit 1; fi
	@if grep -nE '#include *"|#include *<flint|\b(double|float|mpfr|flint|fmpz|fmpq|long double)\b' $(PCHECK_SRC) certify/pcheck/*.h \
	   | grep -vE '#include *"(pchk|pchk_[a-z0-9_]*|check/chk)\.h"' ; then \
	   echo "certify/pcheck must include only its own headers, use no floating point and no FLINT" >&2; exit 1; fi

# The solver's engines are private to exact/solve/: everything else (the
# CLI, cases, certificates, proofs, the fuzzers and every test but the
# engines' own unit tests in tests/solve/) reaches them through solve.h
# and answer.h only.
ENGINE_H := spx|fast|flu|bsolve|beval
check-layers:
	@if grep -nE '#include *"($(ENGINE_H))\.h"' $$(find . -path ./build -prune -o \( -name '*.c' -o -name '*.h' \) -print \
	      | grep -vE '^\./(exact/solve|tests/solve)/') ; then \
	   echo "engine headers ($(ENGINE_H).h) are private to exact/solve/ (and its unit tests in tests/solve/)" >&2; exit 1; fi

$(B)/tests/%_main.c: $(wildcard tests/*/t-*.c)
	@mkdir -p $(dir $@)
	@sh tests/genmain.sh $* tests/$*/t-*.c > $@.tmp && mv $@.tmp $@

.SECONDEXPANSION:
$(TEST_BINS): $(B)/tests/%: $(B)/tests/%_main.o $$(addprefix $(B)/obj/,$$(addsuffix .o,$$(basename $$(wildcard tests/$$*/t-*.c)))) $(B)/tests/testlib.o $(B)/libfarkas.a $(B)/libchk.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/tests/%_main.o: $(B)/tests/%_main.c
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -c $< -o $@

# Unit and CLI tests for one build ($(B)); MOD=name runs one module only.
unit: all $(TEST_BINS)
	@sh tests/run.sh $(B) $(MOD)

# `make test`: the normal build, then everything again under ASan+UBSan.
test:
	@sh tests/deps.sh test
	@$(MAKE) --no-print-directory all $(TEST_BINS)
	@$(MAKE) --no-print-directory B=build/asan SAN=1 all $(TEST_MODS:%=build/asan/tests/%)
	@sh tests/run.sh all $(MOD)

# `make test-long`: make test plus the long items left out of its
# 15-minute budget (today: the pure rational simplex on the netlib
# instances it takes longer than the test's limit on, LONG_PURE in
# tests/solve/t-netlib.c).
test-long:
	@FK_NETLIB_LONG_LIMIT=400 $(MAKE) --no-print-directory test

run: all
	@sh cases/run.sh $(B)

bench: all
	@sh bench/run.sh $(B)

# `make bench-check [BEFORE=build-of-main]`: check time over solve time
# on netlib-large, certificate bytes per nonzero (bench/check.sh)
bench-check: all
	@sh bench/check.sh $(B) $(BEFORE)

# `make fuzz [FUZZ_SECONDS=60]`: build the libFuzzer harnesses
# tests/fuzz/fuzz_*.c with clang (ASan+UBSan) into build/fuzz/bin/ and run
# each for FUZZ_SECONDS on its seeds, tests/fuzz/corpus/NAME/ (new inputs
# go to build/fuzz/corpus/NAME/, crashes to build/fuzz/artifacts/).
# FUZZ=name runs one harness only.
FUZZ_SECONDS ?= 60
FUZZ_NAMES   := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_CFLAGS  := -O1 -g -fsanitize=fuzzer-no-link,address,undefined \
                -fno-omit-frame-pointer -fno-sanitize-recover=undefined
fuzz:
	@$(MAKE) --no-print-directory B=build/fuzz CC=clang CFLAGS="$(FUZZ_CFLAGS)" \
	    LDFLAGS="-fsanitize=address,undefined" fuzz-bins
	@sh tests/fuzz/run.sh build/fuzz $(FUZZ_SECONDS) $(or $(FUZZ),$(FUZZ_NAMES))

fuzz-bins: $(FUZZ_NAMES:%=$(B)/bin/%)

$(B)/bin/%: tests/fuzz/fuzz_%.c $(wildcard tests/fuzz/*.h) $(B)/libfarkas.a $(B)/libchk.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -fsanitize=fuzzer $(LDFLAGS) -o $@ $< $(B)/libfarkas.a $(B)/libchk.a $(LDLIBS)

clean:
	rm -rf build

-include $(shell find $(B) -name '*.d' 2>/dev/null)
