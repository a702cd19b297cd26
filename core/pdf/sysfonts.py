"""System fonts that can print a character the bundled font lacks (no reportlab and no Qt here).

The bundled Noto Sans SC carries GB 2312, the 通用规范汉字表 and the program's own texts (the
frozen build ships a subset, packaging/subset_fonts.py). A rarer character in a name (a
traditional form, an extension-A ideograph) is looked up among the fonts installed on the
computer, once per character per process, and only when the bundled font lacks it:

- with fontconfig (Linux desktops; ``fc-list``), a query for fonts that have the character;
- otherwise (Windows, or no ``fc-list``) by reading the cmaps of the fonts in the usual folders:
  ``%WINDIR%\\Fonts`` and ``%LOCALAPPDATA%\\Microsoft\\Windows\\Fonts``; ``/usr/share/fonts``,
  ``/usr/local/share/fonts``, ``~/.local/share/fonts``, ``~/.fonts``.

Only faces that reportlab can embed qualify: TrueType (glyf) outlines, a ``.ttc`` face by its
index, embedding allowed (OS/2 fsType). CFF-outlined OpenType (Noto Sans CJK, Source Han Sans)
is skipped. ``CLUSTER_DECLARE_SYSTEM_FONT_DIRS`` (folders separated by ``os.pathsep``; empty
for none) replaces the search by a scan of those folders: tests, or a portable install that
brings its own fonts.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

FONT_DIRS_ENV = "CLUSTER_DECLARE_SYSTEM_FONT_DIRS"
FONT_SUFFIXES = (".ttf", ".ttc", ".otf")
# Families tried first, closest to Noto Sans SC (a sans/黑体) first; then any other face, sans-serif
# names before the rest. Lower case, matched as substrings of the family name.
PREFERRED = ("noto sans", "source han sans", "microsoft yahei", "wenquanyi micro hei", "wenquanyi zen hei",
             "dengxian", "simhei", "sarasa", "droid sans fallback", "simsun", "nsimsun", "ar pl", "mingliu",
             "kaiti", "fangsong")
_FILE_HINTS = ("noto", "source", "msyh", "wqy", "deng", "simhei", "sarasa", "droid", "simsun", "uming",
               "ukai", "mingliu", "kai", "fang", "hei", "song", "cjk", "han", "sc", "cn", "gb")
_RESTRICTED = 0x0002  # OS/2 fsType: restricted licence embedding
_NO_SUBSET = 0x0100 | 0x0200  # no subsetting, bitmap embedding only


@dataclass(frozen=True)
class Face:
    path: str
    index: int  # face number inside a .ttc (0 for a .ttf)
    family: str  # typographic family (name ID 16, else 1): DejaVu Sans for its Condensed and Light too
    bold: bool
    italic: bool = False
    weight: int = 400  # OS/2 usWeightClass

    def rank(self) -> tuple:
        """Sort key, best first: not monospaced, a preferred family (then any sans), upright, regular
        weight closest to 400."""
        name = self.family.lower()
        pref = next((i for i, p in enumerate(PREFERRED) if p in name),
                    len(PREFERRED) if any(w in name for w in ("sans", "hei", "gothic")) else len(PREFERRED) + 1)
        return ("mono" in name or "等宽" in name, pref, self.italic, self.bold, abs(self.weight - 400),
                self.path, self.index)


def _env_dirs() -> list[Path] | None:
    value = os.environ.get(FONT_DIRS_ENV)
    if value is None:
        return None
    return [Path(p) for p in value.split(os.pathsep) if p]


def default_dirs() -> list[Path]:
    home = Path.home()
    if sys.platform == "win32":
        windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT") or r"C:\Windows"
        dirs = [Path(windir) / "Fonts"]
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        return dirs
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library" / "Fonts"]
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".local" / "share" / "fonts",
            home / ".fonts"]


def _open(path: str, index: int):
    from fontTools.ttLib import TTFont

    return TTFont(path, fontNumber=index, lazy=True) if path.lower().endswith(".ttc") else TTFont(path, lazy=True)


def _face_count(path: str) -> int:
    if not path.lower().endswith(".ttc"):
        return 1
    with open(path, "rb") as f:
        head = f.read(12)
    return int.from_bytes(head[8:12], "big") if head[:4] == b"ttcf" else 0


@cache
def _describe(path: str, index: int) -> tuple[Face | None, frozenset[int]]:
    """The face, if reportlab could embed it, and its code points (empty when it cannot)."""
    try:
        font = _open(path, index)
        if "glyf" not in font or "cmap" not in font:
            return None, frozenset()  # CFF outlines (OTF, Noto CJK) or no character map
        os2 = font.get("OS/2")
        fs_type = os2.fsType if os2 is not None else 0
        if fs_type == _RESTRICTED or fs_type & _NO_SUBSET:
            return None, frozenset()
        name = font["name"]
        family = str(name.getDebugName(16) or name.getDebugName(1) or Path(path).stem)
        weight = os2.usWeightClass if os2 is not None else 400
        bold = bool(weight >= 600 or (os2 is not None and os2.fsSelection & 0x20))
        italic = bool((os2 is not None and os2.fsSelection & 0x01) or font["head"].macStyle & 0x02)
        return Face(path, index, family, bold, italic, weight), frozenset(font.getBestCmap() or ())
    except Exception:  # noqa: BLE001 - a broken or unreadable font file is just not a candidate
        return None, frozenset()


def _font_files(dirs: list[Path]) -> list[str]:
    files = []
    for d in dirs:
        try:
            files += [str(p) for p in d.rglob("*") if p.suffix.lower() in FONT_SUFFIXES and p.is_file()]
        except OSError:
            continue

    def hint(path: str) -> tuple:
        stem = Path(path).stem.lower()
        return (next((i for i, h in enumerate(_FILE_HINTS) if h in stem), len(_FILE_HINTS)), path)

    return sorted(set(files), key=hint)


@lru_cache(maxsize=4)
def _scan_list(dirs: tuple[Path, ...]) -> tuple[str, ...]:
    return tuple(_font_files(list(dirs)))


def _family_stem(path: str) -> tuple[str, str]:
    """(folder, file name without its weight word): msyh for msyh.ttc, msyhbd.ttc's folder-mate."""
    p = Path(path)
    stem = re.sub(r"[-_ ]?(regular|normal|book|roman)$", "", p.stem.lower())
    return str(p.parent), stem


def _scan(ch: str, dirs: list[Path]) -> list[Face]:
    """Faces in ``dirs`` that have ``ch``, the CJK-looking files first. Stops at the first file that
    has it, apart from that file's siblings in its folder (msyh.ttc → msyhbd.ttc, its bold)."""
    cp, found, first = ord(ch), [], None
    for path in _scan_list(tuple(dirs)):
        if first is not None:
            folder, stem = _family_stem(path)
            if folder != first[0] or not stem.startswith(first[1]):
                continue
        for index in range(_face_count(path)):
            face, cmap = _describe(path, index)
            if face is not None and cp in cmap:
                found.append(face)
                first = first or _family_stem(path)
    return found


def fontconfig_faces(ch: str) -> list[Face] | None:
    """Faces that fontconfig says have ``ch``, checked for TrueType outlines; None without fc-list."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    env = dict(os.environ)
    if getattr(sys, "frozen", False):  # the system's fc-list with the system's libraries, not the bundle's
        orig = env.pop("LD_LIBRARY_PATH_ORIG", None)
        env.pop("LD_LIBRARY_PATH", None)
        if orig is not None:
            env["LD_LIBRARY_PATH"] = orig
    try:
        out = subprocess.run([fc_list, "--format", "%{file}\t%{index}\n", f":charset={ord(ch):x}"],
                             capture_output=True, text=True, timeout=15, check=True, env=env).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    faces = []
    for line in out.splitlines():
        path, _, index = line.partition("\t")
        if not path.lower().endswith(FONT_SUFFIXES):
            continue
        face, cmap = _describe(path, int(index) if index.isdigit() else 0)
        if face is not None and ord(ch) in cmap:
            faces.append(face)
    return faces


@cache
def faces_for(ch: str) -> tuple[Face, ...]:
    """Embeddable system faces that have ``ch``, best first (cached per character)."""
    dirs = _env_dirs()
    faces = None if dirs is not None else fontconfig_faces(ch)
    if faces is None:
        faces = _scan(ch, dirs if dirs is not None else default_dirs())
    return tuple(sorted(set(faces), key=Face.rank))


def pick(faces: list[Face] | tuple[Face, ...]) -> tuple[Face, Face]:
    """(regular, bold) among faces ranked by ``faces_for``: the best face, and the bold of its family
    (itself when the family has none; a family with only a bold face uses it for both)."""
    regular = faces[0]
    if regular.bold:
        return regular, regular
    bolds = [f for f in faces if f.bold and not f.italic and f.family == regular.family]
    return regular, min(bolds, key=lambda f: (abs(f.weight - 700), f.path, f.index), default=regular)


def clear_cache() -> None:
    """Forget every lookup (tests that change the search folders)."""
    faces_for.cache_clear()
    _scan_list.cache_clear()
