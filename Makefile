# huace — see README.md. `make demo` sets up and builds the example site; `make test` runs every test.
CC      ?= cc
# (libmicrohttpd is not linked: `huace serve` loads it with dlopen, see src/serve/http.h; linked,
# it would load GnuTLS and a dozen more libraries at every start, a third of a no-op build's time.
# Its header comes from libmicrohttpd-dev, in /usr/include.)
PKGS     = libcmark yaml-0.1 gdlib libwebp cairo pangocairo fontconfig libqrencode libqpdf zlib vips libjpeg gdal lcms2 harfbuzz-subset pangoft2
# A missing library stops make here, naming it, rather than at a later compile error.
# (`clean`, `deps` and `demo`, which installs them first, need no libraries to start.)
ifneq ($(filter-out clean deps demo,$(or $(MAKECMDGOALS),all)),)
# Each pkg-config name with the Debian 12 package that installs it.
PKG_DEB  = libcmark:libcmark-dev yaml-0.1:libyaml-dev gdlib:libgd-dev libwebp:libwebp-dev \
           cairo:libcairo2-dev pangocairo:libpango1.0-dev fontconfig:libfontconfig-dev \
           libqrencode:libqrencode-dev libqpdf:libqpdf-dev zlib:zlib1g-dev vips:libvips-dev \
           libjpeg:libjpeg-dev gdal:libgdal-dev lcms2:liblcms2-dev \
           harfbuzz-subset:libharfbuzz-dev pangoft2:libpango1.0-dev
PKG_MISSING := $(shell for p in $(PKGS); do pkg-config --exists $$p || echo $$p; done)
ifneq ($(PKG_MISSING),)
PKG_MISSING_DEB := $(foreach p,$(PKG_MISSING),$(or $(patsubst $(p):%,%,$(filter $(p):%,$(PKG_DEB))),$(p)))
$(error pkg-config does not find: $(PKG_MISSING); install the Debian package(s) $(PKG_MISSING_DEB) (./scripts/install-deps.sh as root installs everything, or `make deps`))
endif
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   := $(shell pkg-config --libs $(PKGS))
endif
# CFLAGS is the user's (optimisation, debug info): `make CFLAGS=-O0` replaces it and keeps
# what the code needs, which `override` adds even to a command-line value.
CFLAGS  ?= -O2 -g
override CFLAGS += -std=c11 -D_GNU_SOURCE -DHC_WITH_LIBWEBP -Wall -Wextra -pthread -Isrc $(PKG_CFLAGS)
override LDFLAGS += -Wl,--as-needed
override LDLIBS  += $(PKG_LIBS) -lm -pthread

SRC      := $(sort $(shell find src -name '*.c'))
LIBSRC   := $(filter-out src/main.c,$(SRC))
OBJ      := $(SRC:src/%.c=build/obj/%.o)
LIBOBJ   := $(LIBSRC:src/%.c=build/obj/%.o)

# Each build lives in its own folder: build/obj/ (./huace), build/asan/ (make asan),
# build/ubsan/ (make ubsan), build/tsan/ (make tsan), build/fuzz/ (make fuzz).
# `make asan`: ASan+UBSan, build/asan/huace (the one tests/run.sh's second pass uses).
SAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
SAN_OBJ  := $(SRC:src/%.c=build/asan/obj/%.o)

UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=build/tests/%)
UNIT_SAN := $(UNIT_SRC:tests/unit/%.c=build/tests-san/%)
SPEC_DIR ?= tests/spec/mustache

# `make ubsan`: UBSan alone, which runs at close to full speed: build/ubsan/huace.
UBSAN_FLAGS = -O1 -g -fsanitize=undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
UBSAN_OBJ := $(SRC:src/%.c=build/ubsan/obj/%.o)
# `make tsan`: ThreadSanitizer, build/tsan/huace, for the stages that run on several
# threads (images, maps, PDF). Not part of `make test`: it is slow and sees races
# inside uninstrumented libraries only where our code calls them.
TSAN_FLAGS = -O1 -g -fsanitize=thread -fno-omit-frame-pointer
TSAN_OBJ  := $(SRC:src/%.c=build/tsan/obj/%.o)

# libFuzzer targets (tests/fuzz/fuzz_<name>.c), built with clang: `make fuzz`,
# `make fuzz-run [FUZZ_TIME=seconds] [FUZZ_RUN="names"]`; see tests/fuzz/README.md.
FUZZ_CC      ?= $(if $(shell command -v clang-14),clang-14,clang)
FUZZ_FLAGS    = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_TARGETS := yamlv frontmatter mustache markdown image http pdfcontent
FUZZ_OBJ     := $(LIBSRC:src/%.c=build/fuzz/obj/%.o)
FUZZ_BIN     := $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)
FUZZ_TIME    ?= 600
FUZZ_RUN     ?= $(FUZZ_TARGETS)

.PHONY: all demo deps test test-fast test-bins asan ubsan tsan fuzz fuzz-run clean bench mutants FORCE
all: huace

# Objects rebuild when the flags change: each object folder has a file `flags`
# holding the compiler and flags its objects are made with, rewritten (so newer
# than every object) only when they differ from the last make's, and every
# object and program depends on it. `make CFLAGS=-O0` after `make` rebuilds all.
build/obj/flags:      STAMP = $(CC) $(CFLAGS)
build/asan/obj/flags: STAMP = $(CC) $(CFLAGS) $(SAN_FLAGS)
build/ubsan/obj/flags: STAMP = $(CC) $(CFLAGS) $(UBSAN_FLAGS)
build/tsan/obj/flags: STAMP = $(CC) $(CFLAGS) $(TSAN_FLAGS)
build/fuzz/obj/flags: STAMP = $(FUZZ_CC) $(CFLAGS) $(FUZZ_FLAGS)
%/flags: FORCE
	@mkdir -p $(@D)
	@printf '%s\n' '$(subst ','\'',$(STAMP) | $(LDFLAGS) $(LDLIBS))' >$@.new; \
	if cmp -s $@.new $@; then rm -f $@.new; else mv -f $@.new $@; fi

huace: $(OBJ) build/obj/flags
	$(CC) $(CFLAGS) -o $@ $(OBJ) $(LDFLAGS) $(LDLIBS)

build/obj/%.o: src/%.c build/obj/flags
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

asan: build/asan/huace
ubsan: build/ubsan/huace
tsan: build/tsan/huace

build/asan/obj/%.o: src/%.c build/asan/obj/flags
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(SAN_FLAGS) -MMD -MP -c -o $@ $<

build/asan/huace: $(SAN_OBJ) build/asan/obj/flags
	$(CC) $(CFLAGS) $(SAN_FLAGS) -o $@ $(SAN_OBJ) $(LDFLAGS) $(LDLIBS)

build/ubsan/obj/%.o: src/%.c build/ubsan/obj/flags
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(UBSAN_FLAGS) -MMD -MP -c -o $@ $<

build/ubsan/huace: $(UBSAN_OBJ) build/ubsan/obj/flags
	$(CC) $(CFLAGS) $(UBSAN_FLAGS) -o $@ $(UBSAN_OBJ) $(LDFLAGS) $(LDLIBS)

build/tsan/obj/%.o: src/%.c build/tsan/obj/flags
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(TSAN_FLAGS) -MMD -MP -c -o $@ $<

build/tsan/huace: $(TSAN_OBJ) build/tsan/obj/flags
	$(CC) $(CFLAGS) $(TSAN_FLAGS) -o $@ $(TSAN_OBJ) $(LDFLAGS) $(LDLIBS)

# the names these programs had before (scripts and notes that still use them)
build/huace-san: build/asan/huace
	ln -sf asan/huace $@
build/huace-ubsan: build/ubsan/huace
	ln -sf ubsan/huace $@
build/huace-tsan: build/tsan/huace
	ln -sf tsan/huace $@

fuzz: $(FUZZ_BIN)

build/fuzz/obj/%.o: src/%.c build/fuzz/obj/flags
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

build/fuzz/libhuace.a: $(FUZZ_OBJ)
	@rm -f $@
	ar rcs $@ $(FUZZ_OBJ)

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h build/fuzz/libhuace.a build/fuzz/obj/flags
	$(FUZZ_CC) $(CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer -DHC_FUZZ_SITE='"$(CURDIR)"' -MMD -MP -o $@ $< build/fuzz/libhuace.a $(LDFLAGS) $(LDLIBS)

fuzz-run: fuzz
	FUZZ_TIME="$(FUZZ_TIME)" tests/fuzz/run.sh $(FUZZ_RUN)

build/tests/%: tests/unit/%.c $(LIBOBJ) build/obj/flags
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $< $(LIBOBJ) $(LDFLAGS) $(LDLIBS) -lcmocka

build/tests-san/%: tests/unit/%.c $(SAN_OBJ) build/asan/obj/flags
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(SAN_FLAGS) -o $@ $< $(filter-out build/asan/obj/main.o,$(SAN_OBJ)) $(LDFLAGS) $(LDLIBS) -lcmocka

build/tests/mustache_spec: tests/spec/mustache_spec.c $(LIBOBJ) build/obj/flags
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $< $(LIBOBJ) $(LDFLAGS) $(LDLIBS)

build/tests-san/mustache_spec: tests/spec/mustache_spec.c $(SAN_OBJ) build/asan/obj/flags
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(SAN_FLAGS) -o $@ $< $(filter-out build/asan/obj/main.o,$(SAN_OBJ)) $(LDFLAGS) $(LDLIBS)

deps:
	./scripts/install-deps.sh

demo: deps
	$(MAKE) huace
	./huace build -s . -o public

test-bins: huace build/asan/huace $(UNIT_BIN) $(UNIT_SAN) build/tests/mustache_spec build/tests-san/mustache_spec fuzz

# The programs are built on every core first (a plain `make test` would compile
# three builds one file at a time), then the tests run.
NPROC := $(shell nproc 2>/dev/null || echo 2)
test:
	@$(MAKE) --no-print-directory -j$(NPROC) test-bins
	@SPEC_DIR="$(SPEC_DIR)" tests/run.sh

# `make test-fast`: the first pass only (optimised build, no sanitizers), a few minutes.
test-fast:
	@$(MAKE) --no-print-directory -j$(NPROC) huace $(UNIT_BIN) build/tests/mustache_spec
	@SPEC_DIR="$(SPEC_DIR)" TEST_PASSES=fast tests/run.sh

# `make mutants`: plants each bug of tests/mutants/*.patch in a scratch copy, one at a time, and
# expects the tests named in the patch to fail (tests/mutants/run.sh). Not part of `make test`:
# a dozen builds and some slow e2e suites, 10-20 minutes. huace first: its objects are reused.
mutants: huace
	tests/mutants/run.sh

N ?= 10000
bench: huace
	./scripts/install-deps.sh --bench
	tests/bench/run.sh $(N)

clean:
	rm -rf build huace public public.tmp-huace

-include $(OBJ:.o=.d) $(SAN_OBJ:.o=.d) $(UBSAN_OBJ:.o=.d) $(TSAN_OBJ:.o=.d) $(FUZZ_OBJ:.o=.d) $(FUZZ_BIN:=.d)

# The example's photos (assets/photos/*.jpg) are drawn, not taken: scene illustrations marked
# 示意图, written as phone-style JPEGs (EXIF orientation, GPS, camera tags) so that every build
# exercises the image stage. `make scenes` builds the generator and draws them again (same bytes).
build/scenes: scripts/scenes/scenes.c
	@mkdir -p build
	$(CC) -O2 -std=c11 -D_GNU_SOURCE -Wall -Wextra -o $@ $< $$(pkg-config --cflags --libs vips cairo pangocairo) -lm

.PHONY: scenes
scenes: build/scenes
	@mkdir -p assets/photos
	build/scenes assets/photos
