#!/bin/sh
# Installs the Debian packages ogi needs to build and test, when run as root.
# As another user it names the missing packages and stops.
# Usage: scripts/deps.sh [build|run|test|all]
set -eu

# libxml2-dev: the HTML parser (pages, tables given as markup) and DOCX's
# XML; libpoppler-glib-dev: PDF text with glyph positions; libzip-dev: the
# DOCX container; libuchardet-dev: the encoding of text that does not say;
# libmicrohttpd-dev: the daemons' /metrics and /health endpoints;
# libsystemd-dev: sd_notify (readiness, watchdog) under systemd
build_pkgs="build-essential pkg-config libjansson-dev libssl-dev libzmq3-dev
libprotobuf-c-dev protobuf-c-compiler protobuf-compiler libpq-dev libxml2-dev
libpoppler-glib-dev libzip-dev libuchardet-dev libmicrohttpd-dev libsystemd-dev"
# wv: wvHtml reads Word 97-2003 (DOC) files; fonts-noto-cjk: poppler's
# glyphs for Chinese PDFs that do not embed their fonts
run_pkgs="postgresql-15 postgresql-client-15 wv fonts-noto-cjk"
# w3m, lynx, html2text, pandoc, python3-html2text: the text forms of the
# forms property test (tests/cli/forms.sh); poppler-utils: pdftotext, for reports held as PDF;
# iproute2: network namespaces standing for machines (tests/cli/netns.sh);
# systemd: systemd-analyze and systemd-sysusers (tests/cli/install.sh);
# chromium: opens the page of `ogi report` headless (tests/cli/report.sh)
test_pkgs="libcmocka-dev clang libclang-rt-14-dev python3 w3m lynx html2text
python3-html2text pandoc poppler-utils iproute2 systemd chromium"

case "${1:-all}" in
    build) want="$build_pkgs" ;;
    run) want="$build_pkgs $run_pkgs" ;;
    test | all) want="$build_pkgs $run_pkgs $test_pkgs" ;;
    *) echo "usage: $0 [build|run|test|all]" >&2; exit 2 ;;
esac

missing=""
for p in $want; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing="$missing $p"
    fi
done
# npm fetches Apache ECharts for `ogi report` at build time
# (scripts/echarts.sh); nodejs builds that bring their own npm count
command -v npm >/dev/null 2>&1 || missing="$missing npm"
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
    echo "ogi: missing Debian packages:$missing" >&2
    echo "ogi: install them with: sudo apt-get install$missing" >&2
    exit 1
fi
echo "ogi: installing Debian packages:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >&2
