#!/bin/sh
# Fetches Apache ECharts from the npm registry for `ogi report`, which
# embeds its dist/echarts.min.js and licence texts into the binary (the
# Makefile's $(BUILD)/gen/echarts.c).
#
# Usage: scripts/echarts.sh VERSION SHA256 DIR
#   VERSION  the pinned version (5.6.0)
#   SHA256   the sha256 of the registry's tarball, checked before use
#   DIR      where package/dist/echarts.min.js, package/LICENSE,
#            package/NOTICE and package/licenses/ land
# npm checks the tarball against the registry's integrity hash; the pin
# here makes a changed tarball of the same version fail the build.
set -eu
version=$1
sum=$2
dir=$3

if ! command -v npm >/dev/null 2>&1; then
    echo "ogi: npm is needed to fetch echarts@$version: run scripts/deps.sh build" >&2
    exit 1
fi
mkdir -p "$dir"
tmp=$(mktemp -d "$dir/fetch.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
echo "  NPM     echarts@$version" >&2
(cd "$tmp" && npm pack --silent --no-fund --no-audit "echarts@$version" >/dev/null)
tgz="$tmp/echarts-$version.tgz"
got=$(sha256sum "$tgz" | cut -c1-64)
if [ "$got" != "$sum" ]; then
    echo "ogi: echarts-$version.tgz has sha256 $got, expected $sum" >&2
    exit 1
fi
tar -xzf "$tgz" -C "$tmp" package/dist/echarts.min.js package/LICENSE \
    package/NOTICE package/licenses
rm -rf "$dir/package"
mv "$tmp/package" "$dir/package"
# make's target: newer than this script
touch "$dir/package/dist/echarts.min.js"
