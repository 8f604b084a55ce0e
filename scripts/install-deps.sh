#!/bin/sh
# Installs the Debian 12 packages huace needs to build, test and benchmark.
# (clang-14 and libclang-rt-14-dev, its libFuzzer and sanitizer runtimes, build
# the fuzz targets: `make fuzz`, which `make test` builds and replays.)
# (liblcms2-dev converts the press edition to CMYK; libgs-common holds the generic CMYK profile,
# default_cmyk.icc, used when site.yaml sets no print.icc: see src/render/pdf/pdfx.h.)
# Idempotent: packages already present are left alone. Used by `make demo` and .ci/run.
set -eu
PKGS="build-essential pkg-config
 libcmark-dev libyaml-dev libgd-dev libwebp-dev libcairo2-dev libpango1.0-dev libfontconfig-dev libharfbuzz-dev
 libqrencode-dev libqpdf-dev libmicrohttpd-dev zlib1g-dev libcmocka-dev libvips-dev libjpeg-dev libgdal-dev gdal-bin liblcms2-dev
  libgs-common
 clang-14 libclang-rt-14-dev
 fonts-noto-cjk
 tidy python3 poppler-utils qpdf zbar-tools
 chromium"
# `--bench` adds what `make bench` compares against (Hugo, WeasyPrint, time) and what
# its photo part draws and tags the test photos with (the vips tool, exiftool).
if [ "${1:-}" = "--bench" ]; then
    PKGS="$PKGS hugo weasyprint time libvips-tools libimage-exiftool-perl"
fi
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
# Browser tests also need Node.js >= 20 (`node`, `npm`), which this machine kind provides;
# playwright-core, axe-core and lighthouse come from the npm registry, at the versions
# pinned in tests/browser/package-lock.json (npm ci; not as root's global packages).
npm_deps() {
    if ! command -v npm >/dev/null 2>&1; then
        echo "install-deps: warning: no npm: the browser and Lighthouse tests cannot install playwright-core/axe-core/lighthouse" >&2
        return 0
    fi
    for m in playwright-core axe-core lighthouse; do
        if [ ! -d "tests/browser/node_modules/$m" ]; then
            echo "install-deps: npm ci in tests/browser"
            (cd tests/browser && npm ci --no-audit --no-fund)
            return
        fi
    done
}
cd "$(dirname "$0")/.."
if [ -z "$missing" ]; then
    echo "install-deps: all packages present"
    npm_deps
    exit 0
fi
echo "install-deps: apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" != 0 ]; then
    echo "install-deps: error: not root; run the line above as root (or with sudo), then run make again" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends $missing
npm_deps
