# ogi - one non-recursive GNU Makefile.
#
#   make                 build build/ogi and build/libogi.a
#   make run             install what is missing, build, run the main job
#   make test            install missing packages (as root), build, run every
#                        test (plain and under ASan+UBSan), end with
#                        "N passed, N failed"
#   make bench           benchmarks (figures printed, never asserted)
#   make SANITIZE=address   build into build-asan/ with ASan+UBSan
#   make fuzz FUZZ_TIME=60  libFuzzer under clang (never in CI)
#   make install [PREFIX=/usr/local] [DESTDIR=]   binary, units, sysusers
#   make format / format-check, make clean; V=1 shows command lines

SANITIZE ?=
ifeq ($(SANITIZE),address)
BUILD ?= build-asan
SAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
else
BUILD ?= build
SAN_FLAGS =
endif

CC ?= cc
STD = -std=c11 -D_POSIX_C_SOURCE=200809L
WARN = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
       -Wmissing-prototypes -Wold-style-definition -Wpointer-arith \
       -Wcast-qual -Wwrite-strings -Wformat=2 -Wundef -Wvla \
       -Wimplicit-fallthrough -Wnull-dereference
WERROR ?= -Werror
OPT ?= -O3 -g -fno-omit-frame-pointer
PKGS = jansson libcrypto libprotobuf-c libpq libxml-2.0 libzmq poppler-glib \
       libzip uchardet libmicrohttpd libsystemd
DEPS_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
DEPS_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# lib/ is one folder per stage (form, parse, check, pipeline, store, gen,
# core); private headers are included by name from any of them.
LIB_DIRS := $(patsubst %/,%,$(sort $(dir $(wildcard lib/*/*.c lib/*/*.h))))
FINAL_CFLAGS = $(STD) $(WARN) $(WERROR) $(OPT) $(SAN_FLAGS) -Iinclude -Ilib \
               $(addprefix -I,$(LIB_DIRS)) -I$(BUILD)/gen \
               $(DEPS_CFLAGS) -MMD -MP $(CFLAGS)
FINAL_LDFLAGS = $(SAN_FLAGS) $(LDFLAGS)
FINAL_LIBS = $(DEPS_LIBS) -lpthread -lm $(LIBS)

ifeq ($(V),1)
Q =
else
Q = @
endif

PROTOS := $(wildcard proto/ogi/v1/*.proto)
GEN_C := $(PROTOS:proto/%.proto=$(BUILD)/gen/%.pb-c.c)
GEN_H := $(GEN_C:.c=.h)
GEN_OBJ := $(GEN_C:.c=.o)
LIB_SRC := $(wildcard lib/*.c lib/*/*.c)
# deploy/sql/NNN_*.sql, embedded into the binary (lib/store/db_int.h).
MIGRATIONS := $(sort $(wildcard deploy/sql/[0-9]*.sql))
MIGRATIONS_OBJ := $(BUILD)/gen/migrations.o
# lib/core/divisions.tsv (scripts/divisions.py), embedded for lib/core/agency_divisions.c.
DIVISIONS_OBJ := $(BUILD)/gen/divisions.o
# Apache ECharts from the npm registry (scripts/echarts.sh), embedded for
# the charts of `ogi report` (lib/store/review.c) with its licence texts.
ECHARTS_VERSION = 5.6.0
ECHARTS_SHA256 = e1b82487dd7f8d9f0438eec1f1433051148e0095ac7a15d4db890afda45cf610
ECHARTS_DIR := $(BUILD)/npm/echarts-$(ECHARTS_VERSION)
ECHARTS_OBJ := $(BUILD)/gen/echarts.o
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o) $(GEN_OBJ) $(MIGRATIONS_OBJ) $(DIVISIONS_OBJ) \
           $(ECHARTS_OBJ)
WORKER_SRC := $(wildcard worker/*.c)
WORKER_OBJ := $(WORKER_SRC:%.c=$(BUILD)/%.o)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_REPLAY := $(FUZZ_SRC:tests/fuzz/fuzz_%.c=$(BUILD)/tests/replay_%)
BENCH_BIN := $(BUILD)/bench/bench_parse

.SECONDARY:

.PHONY: all deps run test check unit-tests bench fuzz format format-check clean readme-rules cells-sql install

all: $(BUILD)/ogi $(BUILD)/libogi.a

# The main job: ingest reports into the private local PostgreSQL in its
# default directory ($OGI_DATA, else see `ogi db --help`), started and its
# schema migrated on the way.
REPORTS ?= tests/data/reports
run:
	@sh scripts/deps.sh run
	@$(MAKE) --no-print-directory all
	$(BUILD)/ogi db start
	@echo "$(BUILD)/ogi ingest $(REPORTS)"; \
	  $(BUILD)/ogi ingest $(REPORTS); rc=$$?; \
	  echo; \
	  dir=$$($(BUILD)/ogi db status | sed -n 's/^running: //p'); \
	  echo "The database is still running in $$dir: open it with" \
	    "$(BUILD)/ogi db psql, stop it with $(BUILD)/ogi db stop$${OGI_DATA:+" \
	    "(with OGI_DATA=$$OGI_DATA set)}."; \
	  exit $$rc

deps:
	@sh scripts/deps.sh build

# protoc-c output: generated at build time, never committed. Its C trips
# -Wcast-qual, so it is compiled without that one warning.
$(BUILD)/gen/%.pb-c.c $(BUILD)/gen/%.pb-c.h: proto/%.proto
	@mkdir -p $(BUILD)/gen
	@$(if $(Q),echo "  PROTOC  $<")
	$(Q)protoc-c --proto_path=proto --c_out=$(BUILD)/gen $<

$(BUILD)/gen/%.pb-c.o: $(BUILD)/gen/%.pb-c.c $(GEN_H)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(FINAL_CFLAGS) -Wno-cast-qual -c $< -o $@

# The migrations as byte arrays in C (a string literal that long would trip
# -Woverlength-strings), in name order, so `ogi db migrate` needs no files.
# The directory is a prerequisite too: removing a migration changes it.
$(BUILD)/gen/migrations.c: $(MIGRATIONS) deploy/sql Makefile
	@mkdir -p $(BUILD)/gen
	@$(if $(Q),echo "  GEN     $@")
	$(Q){ echo '/* generated from deploy/sql/ by the Makefile: do not edit */'; \
	  echo '#include "db_int.h"'; \
	  i=0; for f in $(MIGRATIONS); do \
	    echo "static const unsigned char m$$i[] = {"; \
	    od -An -v -tx1 "$$f" | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	    echo '0};'; i=$$((i + 1)); \
	  done; \
	  echo 'const ogi__migration_t ogi__migrations[] = {'; \
	  i=0; for f in $(MIGRATIONS); do \
	    echo "    {\"$${f##*/}\", (const char *)m$$i, sizeof(m$$i) - 1},"; \
	    i=$$((i + 1)); \
	  done; \
	  [ $$i -gt 0 ] || echo '    {0, 0, 0},'; \
	  echo '};'; \
	  echo "const size_t ogi__nmigrations = $$i;"; \
	} > $@.tmp && mv $@.tmp $@

$(MIGRATIONS_OBJ): $(BUILD)/gen/migrations.c
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(FINAL_CFLAGS) -c $< -o $@

# The divisions as a byte array, as the migrations are.
$(BUILD)/gen/divisions.c: lib/core/divisions.tsv
	@mkdir -p $(BUILD)/gen
	@$(if $(Q),echo "  GEN     $@")
	$(Q){ echo '/* generated from lib/core/divisions.tsv by the Makefile */'; \
	  echo '#include <stddef.h>'; \
	  echo 'extern const unsigned char ogi__divisions_tsv[];'; \
	  echo 'extern const size_t ogi__divisions_tsv_len;'; \
	  echo 'const unsigned char ogi__divisions_tsv[] = {'; \
	  od -An -v -tx1 $< | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	  echo '0};'; \
	  echo 'const size_t ogi__divisions_tsv_len = sizeof(ogi__divisions_tsv) - 1;'; \
	} > $@.tmp && mv $@.tmp $@

$(DIVISIONS_OBJ): $(BUILD)/gen/divisions.c
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(FINAL_CFLAGS) -c $< -o $@

$(ECHARTS_DIR)/package/dist/echarts.min.js: scripts/echarts.sh
	$(Q)sh scripts/echarts.sh $(ECHARTS_VERSION) $(ECHARTS_SHA256) $(ECHARTS_DIR)

# The script and its licences (LICENSE, NOTICE, licenses/*) as byte arrays.
$(BUILD)/gen/echarts.c: $(ECHARTS_DIR)/package/dist/echarts.min.js Makefile
	@mkdir -p $(BUILD)/gen
	@$(if $(Q),echo "  GEN     $@")
	$(Q){ echo '/* generated from echarts@$(ECHARTS_VERSION) by the Makefile */'; \
	  echo '#include <stddef.h>'; \
	  echo 'extern const unsigned char ogi__echarts_js[], ogi__echarts_license[];'; \
	  echo 'extern const size_t ogi__echarts_js_len, ogi__echarts_license_len;'; \
	  echo 'extern const char ogi__echarts_version[];'; \
	  echo 'const char ogi__echarts_version[] = "$(ECHARTS_VERSION)";'; \
	  echo 'const unsigned char ogi__echarts_js[] = {'; \
	  od -An -v -tx1 $< | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	  echo '0};'; \
	  echo 'const size_t ogi__echarts_js_len = sizeof(ogi__echarts_js) - 1;'; \
	  echo 'const unsigned char ogi__echarts_license[] = {'; \
	  cat $(ECHARTS_DIR)/package/LICENSE $(ECHARTS_DIR)/package/NOTICE \
	    $(ECHARTS_DIR)/package/licenses/* | od -An -v -tx1 | \
	    sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	  echo '0};'; \
	  echo 'const size_t ogi__echarts_license_len = sizeof(ogi__echarts_license) - 1;'; \
	} > $@.tmp && mv $@.tmp $@

$(ECHARTS_OBJ): $(BUILD)/gen/echarts.c
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(FINAL_CFLAGS) -c $< -o $@

$(BUILD)/%.o: %.c | $(GEN_H)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(FINAL_CFLAGS) -c $< -o $@

$(BUILD)/libogi.a: $(LIB_OBJ)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/ogi: $(WORKER_OBJ) $(BUILD)/libogi.a
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(FINAL_LDFLAGS) -o $@ $(WORKER_OBJ) $(BUILD)/libogi.a $(FINAL_LIBS)

$(BUILD)/tests/test_%: $(BUILD)/tests/unit/test_%.o $(BUILD)/tests/unit/golden.o $(BUILD)/libogi.a
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(FINAL_LDFLAGS) -o $@ $< $(BUILD)/tests/unit/golden.o $(BUILD)/libogi.a $(FINAL_LIBS) -lcmocka

$(BUILD)/tests/%.o: tests/%.c | $(GEN_H)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(FINAL_CFLAGS) -Itests/unit -c $< -o $@

$(BUILD)/tests/replay_%: $(BUILD)/tests/fuzz/fuzz_%.o $(BUILD)/tests/fuzz/replay.o $(BUILD)/libogi.a
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(FINAL_LDFLAGS) -o $@ $^ $(FINAL_LIBS)

$(BUILD)/bench/%: $(BUILD)/tests/bench/%.o $(BUILD)/libogi.a
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(FINAL_LDFLAGS) -o $@ $^ $(FINAL_LIBS)

# A test build of the binary whose worker crashes or hangs on documents
# that ask for it (OGI-FAULT-CRASH, OGI-FAULT-HANG): poison tests only.
$(BUILD)/faults/worker.o: lib/pipeline/worker.c | $(GEN_H)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(FINAL_CFLAGS) -DOGI_FAULT_HOOKS -c $< -o $@

$(BUILD)/ogi-faults: $(WORKER_OBJ) $(BUILD)/faults/worker.o $(BUILD)/libogi.a
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(FINAL_LDFLAGS) -o $@ $(WORKER_OBJ) $(BUILD)/faults/worker.o $(BUILD)/libogi.a $(FINAL_LIBS)

$(BUILD)/tests/zsend: tests/tools/zsend.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(FINAL_CFLAGS) -o $@ $< $(FINAL_LIBS)

unit-tests: $(UNIT_BIN) $(FUZZ_REPLAY) $(BUILD)/ogi $(BUILD)/ogi-faults $(BUILD)/tests/zsend

# The whole suite: the plain build, then the same tests under ASan+UBSan.
test check:
	@sh scripts/deps.sh test
	@$(MAKE) --no-print-directory unit-tests
	@$(MAKE) --no-print-directory SANITIZE=address unit-tests
	@sh tests/run.sh build build-asan

bench: $(BENCH_BIN) $(BUILD)/bench/bench_layouts $(BUILD)/bench/bench_memory $(BUILD)/bench/bench_latency $(BUILD)/ogi
	@$(BUILD)/bench/bench_memory tests/data/reports/002_e734572c7f6275fe.txt \
	  tests/data/html/word_saved.html tests/data/real/113.raw.pdf
	@$(BENCH_BIN) tests/data/reports $(or $(BENCH_SECONDS),5)
	@echo "real reports in their text forms (tests/data/real, not the PDF: bench_forms gives its pages/s):"
	@d=$$(mktemp -d) && cp tests/data/real/*.raw.txt tests/data/real/*.raw.md $$d/ && \
	  $(BENCH_BIN) $$d $(or $(BENCH_SECONDS),5) | grep -E '^(parse|memchr|target)' | sed 's/^/  /'; rm -rf "$$d"
	@$(BUILD)/bench/bench_layouts $(or $(BENCH_LAYOUT_SECONDS),0.5)
	@sh tests/bench/bench_ingest.sh $(BUILD)/ogi
	@sh tests/bench/bench_latency.sh $(BUILD)

# make install [PREFIX=/usr/local] [DESTDIR=]: the binary, the systemd
# units (ExecStart pointing at the installed binary), the sysusers.d file
# that creates the ogi user, the migrations and the configuration example.
PREFIX ?= /usr/local
UNITDIR ?= $(PREFIX)/lib/systemd/system
SYSUSERSDIR ?= $(PREFIX)/lib/sysusers.d
install: $(BUILD)/ogi
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(UNITDIR) \
	  $(DESTDIR)$(SYSUSERSDIR) $(DESTDIR)$(PREFIX)/share/ogi/sql \
	  $(DESTDIR)$(PREFIX)/share/doc/ogi
	install -m 755 $(BUILD)/ogi $(DESTDIR)$(PREFIX)/bin/ogi
	for u in deploy/systemd/*.service; do \
	  sed 's|/usr/local/bin/ogi|$(PREFIX)/bin/ogi|' $$u > $(DESTDIR)$(UNITDIR)/$${u##*/} && \
	  chmod 644 $(DESTDIR)$(UNITDIR)/$${u##*/} || exit 1; done
	install -m 644 deploy/sysusers/ogi.conf $(DESTDIR)$(SYSUSERSDIR)/ogi.conf
	install -m 644 $(MIGRATIONS) $(DESTDIR)$(PREFIX)/share/ogi/sql/
	install -m 644 deploy/ogi.env.example README.md $(DESTDIR)$(PREFIX)/share/doc/ogi/

fuzz:
	@$(MAKE) --no-print-directory CC=clang BUILD=build-fuzz \
	  SAN_FLAGS="-fsanitize=fuzzer-no-link,address,undefined" build-fuzz/libogi.a
	@sh tests/fuzz/run-libfuzzer.sh $(or $(FUZZ_TIME),60)

# The labels table and the table views come from the skeleton
# (lib/core/skeleton.c); test_db checks the file against the binary.
cells-sql: $(BUILD)/ogi
	@$(BUILD)/ogi db cells-sql > deploy/sql/009_cells.sql

# The README's rule table comes from the catalogue in lib/core/rules.c.
readme-rules: $(BUILD)/ogi
	@$(BUILD)/ogi rules --markdown > $(BUILD)/rules.md
	@awk -v f=$(BUILD)/rules.md '/<!-- rules:end -->/ {skip=0} !skip {print} \
	  /<!-- rules:begin -->/ {while ((getline l < f) > 0) print l; skip=1}' \
	  README.md > $(BUILD)/README.md && mv $(BUILD)/README.md README.md
	@$(BUILD)/ogi rules --tables > $(BUILD)/tables.md
	@awk -v f=$(BUILD)/tables.md '/<!-- tables:end -->/ {skip=0} !skip {print} \
	  /<!-- tables:begin -->/ {while ((getline l < f) > 0) print l; skip=1}' \
	  README.md > $(BUILD)/README.md && mv $(BUILD)/README.md README.md

FORMAT_FILES = $(wildcard lib/*.[ch] lib/*/*.[ch] worker/*.[ch] include/*.h include/ogi/*.h tests/unit/*.[ch] tests/fuzz/*.c tests/bench/*.c)
format:
	clang-format -i $(FORMAT_FILES)
format-check:
	clang-format --dry-run --Werror $(FORMAT_FILES)

clean:
	rm -rf build build-asan build-fuzz

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# test_gen and the forms property test's judge compare a record with the
# generator's truth through one helper (tests/unit/gen_cmp.c).
GEN_CMP_OBJ := $(BUILD)/tests/unit/gen_cmp.o $(BUILD)/tests/unit/golden.o
$(BUILD)/tests/test_gen: $(BUILD)/tests/unit/test_gen.o $(GEN_CMP_OBJ) $(BUILD)/libogi.a
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(FINAL_LDFLAGS) -o $@ $< $(GEN_CMP_OBJ) $(BUILD)/libogi.a $(FINAL_LIBS) -lcmocka

$(BUILD)/tests/formcmp: $(BUILD)/tests/tools/formcmp.o $(GEN_CMP_OBJ) $(BUILD)/libogi.a
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(FINAL_LDFLAGS) -o $@ $^ $(FINAL_LIBS)

unit-tests: $(BUILD)/tests/formcmp

# The forms property test at full size: PROPTEST_N html reports (2,000)
# through w3m, lynx, html2text, pandoc and a tag stripper, parsed and
# compared cell by cell with their truth (tests/cli/forms.sh).
.PHONY: proptest bench-forms
proptest: $(BUILD)/ogi $(BUILD)/tests/formcmp
	@sh scripts/deps.sh test
	@OGI_FORMS_N=$(or $(PROPTEST_N),2000) sh tests/cli/forms.sh $(BUILD)/ogi

# Parse throughput over each text form of generated html reports:
# BENCH_FORMS_N reports per form under $(BUILD)/forms/FORM/.
bench: bench-forms
bench-forms: $(BENCH_BIN) $(BUILD)/ogi
	@sh tests/bench/bench_forms.sh $(BUILD) $(or $(BENCH_FORMS_N),200) $(or $(BENCH_FORMS_SECONDS),1)
