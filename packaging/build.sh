#!/bin/sh
# Build the frozen program from a checkout: dist/cluster-declare/ (onedir, windowed + console
# executables), a compressed archive beside it, and the GLIBC floor of the bundle.
#   sh packaging/build.sh            # build, then run the frozen self-test
#   sh packaging/build.sh --no-test  # build only
# The .deb: sh packaging/deb/build-deb.sh (after this). Windows: packaging/windows/README.
set -eu
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$ROOT"
sh "$ROOT/scripts/bootstrap.sh" dev
PY="$ROOT/.venv/bin/python"
DIST=${DIST:-$ROOT/dist}
WORK=${WORK:-$ROOT/build/pyinstaller}

echo "== PyInstaller: $("$PY" -m PyInstaller --version)"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" packaging/cluster-declare.spec

BUNDLE="$DIST/cluster-declare"
VERSION=$("$PY" -c "import core; print(core.__version__)")
ARCHIVE="$DIST/cluster-declare-$VERSION-linux-$(uname -m).tar.xz"
echo "== 压缩包 (archive): $ARCHIVE"
tar -C "$DIST" -cf - cluster-declare | xz -T0 -6 > "$ARCHIVE.tmp" && mv "$ARCHIVE.tmp" "$ARCHIVE"
echo "== 大小 (size): $(du -sm "$BUNDLE" | cut -f1) MB 目录, $(du -m "$ARCHIVE" | cut -f1) MB 压缩包"
sh "$ROOT/packaging/check-glibc.sh" "$BUNDLE"

if [ "${1:-}" != "--no-test" ]; then
    echo "== 打包版自检 (frozen self-test)"
    "$BUNDLE/cluster-declare" self-test
fi
