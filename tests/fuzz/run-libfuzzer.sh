#!/bin/sh
# Runs each fuzz target under libFuzzer (clang) for a bounded time, starting
# from its saved corpus; new crashes land in tests/fuzz/crashes/ and belong
# in the corpus once fixed. Usage: tests/fuzz/run-libfuzzer.sh SECONDS
set -eu
secs=${1:-60}
cd "$(dirname "$0")/../.."
mkdir -p build-fuzz/bin tests/fuzz/crashes
pkgs=$(sed -n '/^PKGS = /,/[^\\]$/p' Makefile | sed 's/^PKGS = //; s/\\$//' | tr '\n' ' ')
for src in tests/fuzz/fuzz_*.c; do
    name=$(basename "$src" .c)
    target=${name#fuzz_}
    # the same libraries and private header folders as the Makefile
    clang -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -Iinclude -Ilib \
        $(for d in lib/*/; do printf ' -I%s' "${d%/}"; done) -Ibuild-fuzz/gen \
        $(pkg-config --cflags $pkgs) \
        -fsanitize=fuzzer,address,undefined "$src" build-fuzz/libogi.a \
        $(pkg-config --libs $pkgs) -lpthread -lm -o "build-fuzz/bin/$name"
    mkdir -p "build-fuzz/corpus/$target"
    "build-fuzz/bin/$name" -max_total_time="$secs" -max_len=65536 \
        -artifact_prefix=tests/fuzz/crashes/ \
        "build-fuzz/corpus/$target" "tests/fuzz/corpus/$target"
done
