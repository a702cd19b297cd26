#!/bin/sh
# Wrap the frozen program (dist/cluster-declare, from packaging/build.sh) in a .deb for Debian,
# 统信 UOS and 麒麟 Kylin: /opt/cluster-declare, /usr/bin/cluster-declare, a menu entry (Office)
# and the icon in hicolor. Needs dpkg-deb only.
#   sh packaging/deb/build-deb.sh [BUNDLE_DIR] [OUT_DIR]
set -eu
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
BUNDLE=${1:-$ROOT/dist/cluster-declare}
OUT=${2:-$ROOT/dist}
[ -x "$BUNDLE/cluster-declare" ] || { echo "错误：找不到打包好的程序 $BUNDLE（先运行 sh packaging/build.sh）" >&2; exit 2; }

PKG=cluster-declare
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/core/__init__.py")
ARCH=$(dpkg --print-architecture 2>/dev/null || echo amd64)
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT

mkdir -p "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" "$STAGE/DEBIAN" \
    "$STAGE/usr/share/icons/hicolor/scalable/apps" "$STAGE/usr/share/doc/$PKG"
cp -a "$BUNDLE" "$STAGE/opt/$PKG"
ln -s "/opt/$PKG/cluster-declare" "$STAGE/usr/bin/cluster-declare"
for png in "$ROOT"/resources/icons/cluster-declare-*.png; do
    size=$(basename "$png" .png | sed 's/.*-//')
    mkdir -p "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps"
    cp "$png" "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/$PKG.png"
done
cp "$ROOT/resources/icons/cluster-declare.svg" "$STAGE/usr/share/icons/hicolor/scalable/apps/$PKG.svg"
cp "$ROOT/packaging/deb/cluster-declare.desktop" "$STAGE/usr/share/applications/$PKG.desktop"
cp "$ROOT/resources/fonts/OFL.txt" "$STAGE/usr/share/doc/$PKG/OFL-NotoSansSC.txt"

# The C library the bundle really needs (highest GLIBC_x.y symbol in it), not a guess.
GLIBC=$(sh "$ROOT/packaging/check-glibc.sh" "$BUNDLE" | sed -n 's/^GLIBC 最低要求 (floor): \([0-9.]*\).*/\1/p')
SIZE_KB=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE@/$SIZE_KB/" -e "s/@GLIBC@/$GLIBC/" \
    "$ROOT/packaging/deb/control.in" > "$STAGE/DEBIAN/control"
for script in postinst postrm; do
    install -m 0755 "$ROOT/packaging/deb/$script" "$STAGE/DEBIAN/$script"
done
# Files root-owned, directories 0755, whatever the umask of the build machine.
chmod -R u+rwX,go+rX,go-w "$STAGE"

mkdir -p "$OUT"
DEB="$OUT/${PKG}_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$DEB" >/dev/null
echo "已生成 $DEB（$(du -m "$DEB" | cut -f1) MB）"
