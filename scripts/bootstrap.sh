#!/bin/sh
# Prepare a fresh Debian/Ubuntu machine (or an existing checkout) to run the program or its tests:
# the Debian libraries headless Qt needs, a virtual environment in .venv, and the pinned
# Python packages. Idempotent and quick when nothing changed.
#   scripts/bootstrap.sh runtime|dev
set -eu
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
PROFILE=${1:-runtime}
VENV="$ROOT/.venv"

# Libraries for PySide6 (offscreen and X11), Xvfb for screenshots, poppler for reading PDFs back.
DEB_RUNTIME="python3 python3-venv libgl1 libegl1 libglib2.0-0 libfontconfig1 libxkbcommon0 libdbus-1-3 \
libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 \
libxkbcommon-x11-0 xdg-utils libcups2"  # libcups2: Qt's print plugin (the frozen program takes it from the system too)
# softhsm2/opensc: PKCS#11 tests; postgresql: the test server (tests/pgserver.py); LibreOffice: Word/Excel
# files read back; icupkg + cc trim Qt's ICU data (packaging/cluster-declare.spec)
DEB_DEV="poppler-utils xvfb xauth binutils icu-devtools gcc softhsm2 opensc postgresql \
libreoffice-writer-nogui libreoffice-calc-nogui"
# debootstrap: the Debian 11 chroot of the glibc 2.28 build (packaging/oldbase, tests/packaging/test_oldbase.py).
DEB_DEV="$DEB_DEV debootstrap"
# g++ builds the fcitx input-method plugin (packaging/fcitx-plugin); fcitx5 + pinyin, xdotool and a D-Bus
# session bus drive the real Chinese typing test (tests/packaging/test_chinese_typing.py).
DEB_DEV="$DEB_DEV g++ fcitx5 fcitx5-chinese-addons xdotool dbus-x11"
# ibus + libpinyin: the same typing test through Qt's ibus plugin; desktop-file-utils, shellcheck and lintian
# check the .deb's menu entry, maintainer scripts and package (tests/packaging/test_deb.py).
DEB_DEV="$DEB_DEV ibus ibus-libpinyin desktop-file-utils shellcheck lintian"
# TrueType system fonts the PDF falls back on for characters outside the bundled font subset
# (tests/pdf/test_pdf_fallback.py: CJK from WenQuanYi Micro Hei, Hebrew with a bold face from DejaVu).
DEB_DEV="$DEB_DEV fonts-wqy-microhei fonts-dejavu-core"

deb_packages=$DEB_RUNTIME
[ "$PROFILE" = dev ] && deb_packages="$DEB_RUNTIME $DEB_DEV"

if command -v dpkg-query >/dev/null 2>&1; then
    missing=""
    for p in $deb_packages; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
    done
    if [ -n "$missing" ]; then
        echo "安装系统依赖 (installing Debian packages):$missing"
        SUDO=""
        [ "$(id -u)" -ne 0 ] && SUDO="sudo"
        $SUDO apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
    fi
else
    echo "注意：不是 Debian 系统，请自行安装 Qt 运行所需的系统库 (not Debian: install Qt's libraries yourself)" >&2
fi

PY=${PYTHON:-python3}
if [ ! -x "$VENV/bin/python" ]; then
    "$PY" -m venv "$VENV"
fi

req="$ROOT/requirements/$PROFILE.txt"
stamp="$VENV/.bootstrap-$PROFILE"
want=$(cat "$ROOT/requirements/"*.txt "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$req"
    # setuptools is pinned in runtime.txt, so the editable install needs no download of its own.
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e "$ROOT"
    echo "$want" > "$stamp"
fi

# The fcitx input-method plugin for the wheel's Qt (seconds when up to date; about 10 s to build).
if [ "$PROFILE" = dev ]; then
    sh "$ROOT/packaging/fcitx-plugin/build.sh" --install \
        || echo "警告：fcitx 输入法插件未能构建 (fcitx plugin not built): packaging/fcitx-plugin/build.sh" >&2
fi
