#!/bin/sh
# Wrap the frozen program (dist/cluster-declare, from packaging/build.sh) in a .deb for Debian,
# 统信 UOS and 麒麟 Kylin: /opt/cluster-declare, /usr/bin/cluster-declare, a menu entry (Office)
# and the icon in hicolor. Needs dpkg-deb only.
#   sh packaging/deb/build-deb.sh [BUNDLE_DIR] [OUT_DIR]      (DEB_COMPRESS=gzip: quicker, larger)
set -eu
ROOT=$(CDPATH='' cd -- "$(dirname -- "$0")/../.." && pwd)
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
cp "$ROOT/packaging/deb/copyright" "$STAGE/usr/share/doc/$PKG/copyright"
# A native package's changelog (Debian policy 12.7); dated from the last commit, so rebuilds are equal.
DATE=$(git -C "$ROOT" log -1 --format=%aD 2>/dev/null || date -R)
printf '%s (%s) unstable; urgency=medium\n\n  * Release %s.\n\n -- %s  %s\n' "$PKG" "$VERSION" "$VERSION" \
    "$(sed -n 's/^Maintainer: //p' "$ROOT/packaging/deb/control.in")" "$DATE" \
    | gzip -9n > "$STAGE/usr/share/doc/$PKG/changelog.gz"
mkdir -p "$STAGE/usr/share/man/man1" "$STAGE/usr/share/lintian/overrides"
gzip -9n < "$ROOT/packaging/deb/cluster-declare.1" > "$STAGE/usr/share/man/man1/cluster-declare.1.gz"
cp "$ROOT/packaging/deb/lintian-overrides" "$STAGE/usr/share/lintian/overrides/$PKG"

# The C library the bundle really needs (highest GLIBC_x.y symbol in it), not a guess.
GLIBC=$(sh "$ROOT/packaging/check-glibc.sh" "$BUNDLE" | sed -n 's/^GLIBC 最低要求 (floor): \([0-9.]*\).*/\1/p')
SIZE_KB=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE@/$SIZE_KB/" -e "s/@GLIBC@/$GLIBC/" \
    "$ROOT/packaging/deb/control.in" > "$STAGE/DEBIAN/control"
# dpkg --verify reads these: every file's MD5, paths relative to /.
(cd "$STAGE" && find . -path ./DEBIAN -prune -o -type f -print | sed 's|^\./||' | LC_ALL=C sort \
    | tr '\n' '\0' | xargs -0 md5sum) > "$STAGE/DEBIAN/md5sums"
for script in postinst postrm; do
    install -m 0755 "$ROOT/packaging/deb/$script" "$STAGE/DEBIAN/$script"
done
# Files root-owned, directories 0755, whatever the umask of the build machine; shared libraries are
# not executable (Debian policy 8.1: dlopen needs read permission only).
chmod -R u+rwX,go+rX,go-w "$STAGE"
find "$STAGE/opt" -type f -name '*.so*' -exec chmod 0644 {} +

mkdir -p "$OUT"
DEB="$OUT/${PKG}_${VERSION}_${ARCH}.deb"
# DEB_COMPRESS=gzip (or none) makes a quick package for tests; releases use xz.
dpkg-deb --root-owner-group "-Z${DEB_COMPRESS:-xz}" --build "$STAGE" "$DEB" >/dev/null
echo "已生成 $DEB（$(du -m "$DEB" | cut -f1) MB）"
