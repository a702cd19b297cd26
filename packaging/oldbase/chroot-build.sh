#!/bin/sh
# Build the frozen program on an old Debian base, so the bundle runs on the C library of
# domestic systems (UOS 20 / Kylin V10: glibc 2.28-2.31) instead of the build machine's.
#
#   sh packaging/oldbase/chroot-build.sh prepare   # debootstrap + Python 3.11 + pinned wheels (once)
#   sh packaging/oldbase/chroot-build.sh build     # freeze the checkout -> dist/oldbase/ (or $OUT)
#   sh packaging/oldbase/chroot-build.sh all
#
# Needs root, debootstrap and a Debian mirror. Debian 11 "bullseye" (glibc 2.31) is the oldest
# suite deb.debian.org still serves; the bundle still needs no glibc newer than 2.28 (UOS 20):
# CPython, libsqlite3 and libpng16 are compiled here with glibc-2.28.h, libdbus is left to the system,
# and the build fails if packaging/check-glibc.sh finds more (GLIBC_MAX). The Qt wheels must be
# manylinux_2_28: PySide6 6.9.3 is the last such release (6.10+ need glibc 2.34), so PYSIDE overrides
# the runtime pin here only. A fresh machine takes ≈ 20 min (2 cores), a rebuild ≈ 3 min.
set -eu
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
SUITE=${SUITE:-bullseye}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
CHROOT=${CHROOT:-/var/tmp/cluster-declare-$SUITE}
PYSIDE=${PYSIDE:-6.9.3}
OUT=${OUT:-$ROOT/dist/oldbase}  # the bundle lands in $OUT/cluster-declare
GLIBC_MAX=${GLIBC_MAX:-2.28}
PYVER=3.11.2
PYSRC_URL=${PYSRC_URL:-http://deb.debian.org/debian/pool/main/p/python3.11/python3.11_$PYVER.orig.tar.gz}
PYSRC_SHA256=2411c74bda5bbcfcddaf4531f66d1adc73f247f529aee981b029513aefdbf849

# icu-devtools: icupkg, for the spec's ICU data trimming (without it the bundle is 11.7 MB bigger).
DEB_BUILD="build-essential ca-certificates curl binutils file pkg-config libssl-dev zlib1g-dev \
libbz2-dev liblzma-dev libsqlite3-dev libffi-dev uuid-dev libreadline-dev libgdbm-dev libncurses-dev icu-devtools"
# CPython built against bullseye's glibc 2.31 would need 2.29 (exp/log/pow/exp2/log2) and 2.30
# (sem_clockwait). glibc-2.28.h binds the math functions to their GLIBC_2.2.5 versions and the
# configure override drops the optional sem_clockwait (sem_timedwait is used instead): libpython and
# its extension modules then need no glibc newer than 2.28. Changing this line rebuilds Python.
PY_CONFIGURE="--prefix=/opt/python3.11 --enable-shared LDFLAGS=-Wl,-rpath,/opt/python3.11/lib \
CFLAGS=-include/build/glibc-2.28.h ac_cv_func_sem_clockwait=no"
DEB_QT="libgl1 libegl1 libglib2.0-0 libfontconfig1 libfreetype6 libxkbcommon0 libdbus-1-3 libxcb-cursor0 \
libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 \
libxkbcommon-x11-0 libxcb-randr0 libxcb-xfixes0 libxcb-sync1 libxcb-shm0 libxcb-xinerama0 libx11-xcb1"

in_chroot() { chroot "$CHROOT" /usr/bin/env -i HOME=/root PATH=/opt/python3.11/bin:/usr/bin:/bin:/usr/sbin:/sbin LANG=C.UTF-8 "$@"; }

# Local package indexes of the build machine (e.g. an offline mirror), shared with the chroot.
LOCAL_INDEXES=${LOCAL_INDEXES:-/opt/pypi /opt/pypi-more /opt/wheels}
HOST_CA=${HOST_CA:-/etc/ssl/certs/ca-certificates.crt}
pip_local_args() {
    for d in $LOCAL_INDEXES; do
        [ -d "$d/simple" ] && printf ' --extra-index-url file://%s/simple' "$d"
        [ -d "$d" ] && [ ! -d "$d/simple" ] && printf ' --find-links %s' "$d"
    done
    [ -f "$HOST_CA" ] && printf ' --cert /build/host-ca.crt'
    true
}

mount_all() {
    mkdir -p "$CHROOT/src/cluster-declare"
    for d in $LOCAL_INDEXES; do
        [ -d "$d" ] || continue
        mkdir -p "$CHROOT$d"
        mountpoint -q "$CHROOT$d" || mount --bind -o ro "$d" "$CHROOT$d"
    done
    mountpoint -q "$CHROOT/proc" || mount -t proc proc "$CHROOT/proc"
    mountpoint -q "$CHROOT/dev" || mount --bind /dev "$CHROOT/dev"
    mountpoint -q "$CHROOT/src/cluster-declare" || mount --bind "$ROOT" "$CHROOT/src/cluster-declare"
    cp /etc/resolv.conf "$CHROOT/etc/resolv.conf"
    # The build machine's CA bundle: behind a TLS-inspecting proxy the chroot's own would fail.
    mkdir -p "$CHROOT/build"
    [ -f "$HOST_CA" ] && cp "$HOST_CA" "$CHROOT/build/host-ca.crt"
}

umount_all() {
    for m in src/cluster-declare dev proc $LOCAL_INDEXES; do
        mountpoint -q "$CHROOT/$m" && umount "$CHROOT/$m" || true
    done
}

# System libraries the bundle carries whose bullseye builds need glibc 2.29: libsqlite3 (log, under
# Python's _sqlite3) and libpng16 (pow, under libfreetype). Rebuilt from Debian source packages (Debian's
# patches and flags) with glibc-2.28.h force-included, and installed over the originals. Both come from
# bookworm's sources, the versions the Debian 12 build bundles (SQLite 3.40.1, libpng 1.6.39): bullseye's
# SQLite 3.34 has no RETURNING, which core/desk needs (3.35+). Rebuilt again when the installed file
# needs glibc > 2.28 or the installed package is not the one built here (an apt upgrade brought the
# original back).
#   source package[/suite] : binary packages (first: the library's) : library file
OLD_LIBS="sqlite3/bookworm:libsqlite3-0,libsqlite3-dev:libsqlite3.so.0 libpng1.6/bookworm:libpng16-16,libpng-dev:libpng16.so.16"
rebuild_old_libs() {
    printf 'deb-src %s %s main\ndeb-src %s bookworm main\n' "$MIRROR" "$SUITE" "$MIRROR" \
        > "$CHROOT/etc/apt/sources.list.d/oldbase-src.list"
    updated=no
    for spec in $OLD_LIBS; do
        src=${spec%%:*} rest=${spec#*:}
        pkgs=${rest%%:*} lib=${rest#*:}
        name=${src%/*} pkg=${pkgs%%,*}
        marker="$CHROOT/build/libsrc/$name.installed"
        probe=$(mktemp -d)
        cp -L "$CHROOT/usr/lib/x86_64-linux-gnu/$lib" "$probe/"
        if sh "$ROOT/packaging/check-glibc.sh" "$probe" --max 2.28 >/dev/null 2>&1 \
            && [ "$(in_chroot dpkg-query -W -f '${Version}' "$pkg")" = "$(cat "$marker" 2>/dev/null)" ]; then
            rm -rf "$probe"
            continue
        fi
        rm -rf "$probe"
        [ "$updated" = yes ] || in_chroot apt-get update -qq
        updated=yes
        echo "== 用 glibc 2.28 符号重新编译 (rebuilding for glibc 2.28): $src -> $pkgs"
        debs=$(echo "$pkgs" | tr ',' '\n' | sed 's|^\(.*\)$|/build/libsrc/\1_*.deb|' | tr '\n' ' ')
        in_chroot env DEBIAN_FRONTEND=noninteractive sh -euc "
            A='-o APT::Sandbox::User=root -qq'
            mkdir -p /build/libsrc && cd /build/libsrc && rm -rf '$name'-* ./*.deb
            apt-get \$A source '$src' >/dev/null 2>&1
            cd '$name'-*/
            apt-get \$A build-dep -y ./ >/dev/null
            DEB_BUILD_OPTIONS='nocheck nodoc parallel=2' DEB_CFLAGS_APPEND=-include/build/glibc-2.28.h \\
                dpkg-buildpackage -B -uc -us > '/build/libsrc/$name.log' 2>&1 || { tail -30 '/build/libsrc/$name.log'; exit 1; }
            dpkg -i $debs >/dev/null
            dpkg-query -W -f '\${Version}' '$pkg' > '/build/libsrc/$name.installed'"
    done
}

prepare() {
    if [ ! -x "$CHROOT/usr/bin/apt-get" ]; then
        command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap
        debootstrap --variant=minbase "$SUITE" "$CHROOT" "$MIRROR"
    fi
    mount_all
    trap umount_all EXIT
    in_chroot apt-get update -qq
    in_chroot env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $DEB_BUILD $DEB_QT
    cp "$ROOT/packaging/oldbase/glibc-2.28.h" "$CHROOT/build/glibc-2.28.h"
    stamp="$PYVER $PY_CONFIGURE $(sha256sum < "$ROOT/packaging/oldbase/glibc-2.28.h" | cut -c1-16)"
    if [ ! -x "$CHROOT/opt/python3.11/bin/python3.11" ] || [ "$(cat "$CHROOT/opt/python3.11/.build-stamp" 2>/dev/null)" != "$stamp" ]; then
        # No tests, no PGO: `make` only builds (≈ 6 min on 2 cores).
        in_chroot sh -euc "
            rm -rf /opt/python3.11 /opt/venv /build/Python-$PYVER
            mkdir -p /build && cd /build
            [ -f py.tgz ] || curl -fsSL -o py.tgz '$PYSRC_URL'
            echo '$PYSRC_SHA256  py.tgz' | sha256sum -c -
            tar xzf py.tgz && cd Python-$PYVER
            ./configure -q $PY_CONFIGURE
            make -s -j\$(nproc) && make -s install >/dev/null"
        echo "$stamp" > "$CHROOT/opt/python3.11/.build-stamp"
    fi
    rebuild_old_libs
    # The project's pins, with the Qt wheels that still target glibc 2.28.
    sed -e "s/^PySide6_Essentials==.*/PySide6_Essentials==$PYSIDE/" -e "s/^shiboken6==.*/shiboken6==$PYSIDE/" \
        "$ROOT/requirements/runtime.txt" > "$CHROOT/build/runtime-oldbase.txt"
    grep -E '^(altgraph|pyinstaller|pyinstaller-hooks-contrib)==' "$ROOT/requirements/dev.txt" >> "$CHROOT/build/runtime-oldbase.txt"
    in_chroot sh -euc "
        [ -x /opt/venv/bin/python ] || /opt/python3.11/bin/python3.11 -m venv /opt/venv
        /opt/venv/bin/python -m pip install -q --disable-pip-version-check --only-binary=:all: \
            $(pip_local_args) -r /build/runtime-oldbase.txt"
    echo "旧基础系统已就绪 (old base ready): $CHROOT"
}

build() {
    mount_all
    trap umount_all EXIT
    # The fcitx plugin, compiled in the chroot (bullseye's g++, so its libstdc++ needs stay old) against
    # the chroot venv's PySide6. Its Qt 6.8.2 headers and moc come from the host's build/fcitx-plugin
    # (scripts/bootstrap.sh dev downloads them): the chroot's bullseye keyring cannot check trixie.
    sysroot="$ROOT/build/fcitx-plugin/sysroot"
    if [ ! -f "$sysroot/.done" ]; then
        echo "错误：缺少 fcitx 插件的 Qt 开发文件，请先运行 sh packaging/fcitx-plugin/build.sh" >&2
        exit 1
    fi
    mkdir -p "$CHROOT/build/fcitx-plugin"
    [ -f "$CHROOT/build/fcitx-plugin/sysroot/.done" ] || cp -a "$sysroot" "$CHROOT/build/fcitx-plugin/"
    # Freeze a copy: the checkout stays untouched apart from dist/oldbase.
    in_chroot sh -euc "
        rm -rf /build/src && mkdir -p /build/src && cd /src/cluster-declare
        tar cf - --exclude=./.venv --exclude=./.git --exclude=./dist --exclude=./build . | tar xf - -C /build/src
        cd /build/src
        WORK=/build/fcitx-plugin PY=/opt/venv/bin/python sh packaging/fcitx-plugin/build.sh --install
        PYTHONPATH=/build/src /opt/venv/bin/python -m PyInstaller --noconfirm --clean \
            --distpath /build/dist --workpath /build/work packaging/cluster-declare.spec"
    rm -rf "$OUT"
    mkdir -p "$OUT"
    cp -a "$CHROOT/build/dist/." "$OUT/"
    sh "$ROOT/packaging/check-glibc.sh" "$OUT/cluster-declare" --max "$GLIBC_MAX"
}

main() {
    case "${1:-all}" in
        prepare) prepare ;;
        build) build ;;
        all) prepare; build ;;
        *) echo "用法: $0 prepare|build|all" >&2; exit 2 ;;
    esac
}
# One line: sh has read all of it before the build starts, so editing this file meanwhile is safe.
main "$@"; exit
