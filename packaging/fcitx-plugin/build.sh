#!/bin/sh
# Build the fcitx input-context plugin (libfcitxplatforminputcontextplugin.so) for the Qt of the
# PySide6 wheel in .venv, and (with --install) put it into the wheel's
# PySide6/Qt/plugins/platforminputcontexts/, where the program from source and the frozen build
# (PyInstaller collects that folder) find it.
#   sh packaging/fcitx-plugin/build.sh [--install] [--force]
#
# Qt's headers and moc: the wheel has neither, and Debian 12 has Qt 6.4 only. Debian 13 (trixie, a
# stable release: its files stay) has Qt 6.8.2; its qt6-base-dev / -private-dev / -dev-tools .debs
# are downloaded with a private apt configuration (the system's apt state is not touched) and
# unpacked under build/fcitx-plugin/. The plugin uses no private Qt API but QPlatformInputContext and
# QPlatformInputContextPlugin, whose declarations are the same in 6.8.2 and 6.12; it is linked with
# -z defs directly against the wheel's libQt6*.so.6, so a symbol missing from the shipped Qt fails
# the link. trixie's moc needs glibc 2.38+: it runs with trixie's own loader and libc, unpacked beside.
# Needs: g++, apt-get, dpkg-deb (Debian: g++, apt, dpkg). Download ≈ 5 MB.
set -eu
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
HERE="$ROOT/packaging/fcitx-plugin"
WORK=${WORK:-$ROOT/build/fcitx-plugin}
PY=${PY:-$ROOT/.venv/bin/python}
SUITE=${SUITE:-trixie}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
INSTALL=no FORCE=no
for arg in "$@"; do
    case "$arg" in
        --install) INSTALL=yes ;;
        --force) FORCE=yes ;;
        *) echo "用法: build.sh [--install] [--force]" >&2; exit 2 ;;
    esac
done

QTDIR=$("$PY" -c "import PySide6, os; print(os.path.join(os.path.dirname(PySide6.__file__), 'Qt'))")
QTVER=$("$PY" -c "import PySide6.QtCore as c; print(c.qVersion())")
OUT="$WORK/libfcitxplatforminputcontextplugin.so"
DEST="$QTDIR/plugins/platforminputcontexts/libfcitxplatforminputcontextplugin.so"

# Rebuild only when the sources or the wheel's Qt changed.
STAMP="$WORK/stamp"
want=$(cat "$HERE/fcitxinputcontext.h" "$HERE/fcitxinputcontext.cpp" "$HERE/fcitx.json" "$0" | sha256sum | cut -c1-16)-$QTVER
if [ "$FORCE" = no ] && [ -f "$OUT" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$want" ]; then
    echo "== fcitx 插件已是最新 (up to date): $OUT"
else
    mkdir -p "$WORK/apt/lists/partial" "$WORK/apt/cache/archives/partial" "$WORK/debs"
    echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $MIRROR $SUITE main" > "$WORK/apt/sources.list"
    set -- -o Dir::State::Lists="$WORK/apt/lists" -o Dir::Etc::SourceList="$WORK/apt/sources.list" \
        -o Dir::Etc::SourceParts=/dev/null -o Dir::Cache="$WORK/apt/cache" -o Dir::State::status=/dev/null \
        -o APT::Architecture=amd64 -o APT::Architectures=amd64 -o Debug::NoDropPrivs=true -o APT::Sandbox::User=root
    PKGS="qt6-base-dev qt6-base-private-dev qt6-base-dev-tools libc6 libstdc++6 libgcc-s1 libpcre2-16-0 zlib1g"
    if [ ! -f "$WORK/sysroot/.done" ]; then
        echo "== 下载 Qt 开发文件 (Debian $SUITE): $PKGS"
        apt-get "$@" -q update >/dev/null
        (cd "$WORK/debs" && rm -f ./*.deb && apt-get "$@" -q download $PKGS >/dev/null)
        rm -rf "$WORK/sysroot"
        for deb in "$WORK"/debs/*.deb; do dpkg-deb -x "$deb" "$WORK/sysroot"; done
        touch "$WORK/sysroot/.done"
    fi
    SYS="$WORK/sysroot"
    INC=$(ls -d "$SYS"/usr/include/x86_64-linux-gnu/qt6)
    HDRVER=$(sed -n 's/^#define QT_VERSION_STR "\(.*\)"/\1/p' "$INC/QtCore/qtcore-config.h" 2>/dev/null || true)
    [ -n "$HDRVER" ] || HDRVER=$(ls "$INC/QtGui" | grep -E '^6\.[0-9]+\.[0-9]+$' | head -1)
    # A plugin built with newer headers than the Qt that loads it is refused by Qt.
    if [ "$(printf '%s\n%s\n' "$HDRVER" "$QTVER" | sort -V | tail -1)" != "$QTVER" ]; then
        echo "错误：Qt 头文件 $HDRVER 比 wheel 的 Qt $QTVER 新，插件将不被加载" >&2
        exit 1
    fi
    LOADER="$SYS/usr/lib64/ld-linux-x86-64.so.2"
    LIBS="$SYS/usr/lib/x86_64-linux-gnu"
    moc() { "$LOADER" --library-path "$LIBS" "$SYS/usr/lib/qt6/libexec/moc" "$@"; }
    echo "== 编译 fcitx 输入法插件：Qt 头文件 $HDRVER，链接 wheel 的 Qt $QTVER"
    B="$WORK/obj"
    rm -rf "$B"
    mkdir -p "$B"
    cp "$HERE/fcitx.json" "$B/"
    DEFS="-DQT_NO_DEBUG -DQT_PLUGIN -DQT_SHARED -DQT_CORE_LIB -DQT_GUI_LIB -DQT_DBUS_LIB"
    INCS="-I$INC -I$INC/QtCore -I$INC/QtGui -I$INC/QtDBus -I$INC/QtGui/$HDRVER -I$INC/QtGui/$HDRVER/QtGui \
        -I$INC/QtCore/$HDRVER -I$INC/QtCore/$HDRVER/QtCore -I$HERE -I$B"
    # shellcheck disable=SC2086
    moc $DEFS $INCS -I/usr/include -o "$B/moc_fcitxinputcontext.cpp" "$HERE/fcitxinputcontext.h"
    # shellcheck disable=SC2086
    for src in "$HERE/fcitxinputcontext.cpp" "$B/moc_fcitxinputcontext.cpp"; do
        g++ -std=c++17 -O2 -fPIC -fvisibility=hidden -Wall $DEFS $INCS -c "$src" -o "$B/$(basename "$src" .cpp).o" &
    done
    wait
    L="$QTDIR/lib"
    g++ -shared -o "$OUT.tmp" "$B"/*.o "$L/libQt6DBus.so.6" "$L/libQt6Gui.so.6" "$L/libQt6Core.so.6" \
        -Wl,-z,defs -Wl,--as-needed -Wl,-rpath,'$ORIGIN/../../lib' -Wl,-soname,libfcitxplatforminputcontextplugin.so
    mv "$OUT.tmp" "$OUT"
    echo "$want" > "$STAMP"
    echo "== 已生成 (built): $OUT"
fi

if [ "$INSTALL" = yes ]; then
    cp "$OUT" "$DEST.tmp" && mv "$DEST.tmp" "$DEST"
    echo "== 已安装到 (installed): $DEST"
fi
