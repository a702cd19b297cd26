"""Cut the two bundled Noto Sans SC faces down to the characters the program and its users need.

The full faces in resources/fonts stay the source of truth (a source run uses them); the frozen
build bundles subsets written by this module (packaging/cluster-declare.spec calls ``write_subsets``
into PyInstaller's work folder). The character set:

- GB 2312 entire (6763 hanzi, its symbols, Greek, Cyrillic, kana, pinyin letters), as Python's
  ``gb2312`` codec enumerates it;
- the 通用规范汉字表 (8105 hanzi, made to cover people's and place names: 喆 堃 玥 昇 镕 …),
  packaging/fonts/tongyong-guifan-hanzi.txt (from the Unicode Unihan database, kTGH);
- ASCII, Latin-1, General Punctuation, Letterlike Symbols, Number Forms, Arrows, Enclosed
  Alphanumerics, Box Drawing, CJK Symbols and Punctuation, Halfwidth and Fullwidth Forms;
- every character of the program's own texts: resources/**/*.yaml|json|ts|txt and core/, desktop/
  sources (labels, rule messages, translations, the sample application).

What is still missing prints through a system font (core/pdf/sysfonts.py; Qt falls back by itself).
All layout features (vertical forms, localized forms, kerning) and names are kept.

    .venv/bin/python packaging/subset_fonts.py OUT_DIR      # write the two subset faces
    .venv/bin/python packaging/subset_fonts.py --measure    # size per face for each candidate set
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FONT_DIR = ROOT / "resources" / "fonts"
FACES = ("NotoSansSC-Regular.ttf", "NotoSansSC-Bold.ttf")
TGH_FILE = Path(__file__).resolve().parent / "fonts" / "tongyong-guifan-hanzi.txt"

# (first, last) code points of the symbol blocks kept whole.
BLOCKS = {
    "ASCII": (0x20, 0x7E),
    "Latin-1": (0xA0, 0xFF),
    "General Punctuation": (0x2000, 0x206F),
    "Letterlike Symbols": (0x2100, 0x214F),
    "Number Forms": (0x2150, 0x218F),
    "Arrows": (0x2190, 0x21FF),
    "Enclosed Alphanumerics": (0x2460, 0x24FF),
    "Box Drawing": (0x2500, 0x257F),
    "CJK Symbols and Punctuation": (0x3000, 0x303F),
    "Halfwidth and Fullwidth Forms": (0xFF00, 0xFFEF),
}
# The program's own texts: every character in them is printed or shown somewhere.
TEXT_GLOBS = [("resources", ("*.yaml", "*.json", "*.ts", "*.txt")), ("core", ("*.py",)), ("desktop", ("*.py",))]


def _double_byte(codec: str, lead: range, trail: range) -> set[str]:
    out = set()
    for hi in lead:
        for lo in trail:
            with contextlib.suppress(UnicodeDecodeError):
                out.add(bytes((hi, lo)).decode(codec))
    return out


def gb2312() -> set[str]:
    """Every character of GB 2312 (rows 1-9 symbols, rows 16-87 hanzi)."""
    return _double_byte("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))


def tongyong_guifan() -> set[str]:
    """The 8105 characters of the 通用规范汉字表 (vendored from Unihan's kTGH field)."""
    out = set()
    for line in TGH_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            out.add(line.split("\t")[2])
    if len(out) != 8105:
        raise ValueError(f"{TGH_FILE}: {len(out)} characters, expected 8105")
    return out


def symbols() -> set[str]:
    return {chr(cp) for first, last in BLOCKS.values() for cp in range(first, last + 1)}


def text_files(root: Path = ROOT) -> list[Path]:
    files = []
    for folder, patterns in TEXT_GLOBS:
        for pattern in patterns:
            files += sorted(p for p in (root / folder).rglob(pattern) if "__pycache__" not in p.parts)
    return files


def program_text(root: Path = ROOT) -> set[str]:
    """Every character of the program's own texts (forms, rule sets, translations, sources)."""
    out: set[str] = set()
    for path in text_files(root):
        out |= set(path.read_text(encoding="utf-8"))
    return {ch for ch in out if ch.isprintable() or ch == "\u3000"}


def charset() -> set[str]:
    """The characters the bundled subsets carry."""
    return gb2312() | tongyong_guifan() | symbols() | program_text()


def subset_face(source: Path, dest: Path, chars: set[str]) -> Path:
    """Write a subset of one face with ``chars`` (those the face has), all features and names kept."""
    import logging

    from fontTools import subset

    logging.getLogger("fontTools").setLevel(logging.WARNING)  # not a hundred INFO lines in the build log
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.recalc_timestamp = False  # the same input gives the same file: reproducible builds
    font = subset.load_font(str(source), options)
    sub = subset.Subsetter(options)
    sub.populate(unicodes=sorted(ord(ch) for ch in chars))
    sub.subset(font)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    subset.save_font(font, str(tmp), options)
    os.replace(tmp, dest)
    return dest


def _key(chars: set[str], source_dir: Path) -> str:
    h = hashlib.sha256("".join(sorted(chars)).encode("utf-8"))
    for face in FACES:
        st = (source_dir / face).stat()
        h.update(f"{face}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()


def write_subsets(out_dir: str | os.PathLike, chars: set[str] | None = None,
                  source_dir: str | os.PathLike = FONT_DIR) -> list[Path]:
    """The two subset faces in ``out_dir`` under their usual names; reused when nothing changed."""
    out, source_dir = Path(out_dir), Path(source_dir)
    chars = charset() if chars is None else chars
    key = _key(chars, source_dir)
    stamp = out / ".subset-key"
    dests = [out / face for face in FACES]
    if stamp.is_file() and stamp.read_text() == key and all(d.is_file() for d in dests):
        return dests
    for face, dest in zip(FACES, dests, strict=True):
        subset_face(source_dir / face, dest, chars)
    stamp.write_text(key)
    return dests


def measure(work: Path) -> list[tuple[str, int, float, float]]:
    """(set, code points, MB per face (Regular), seconds per face) for each candidate set."""
    base = symbols() | program_text()
    gb, tgh = gb2312(), tongyong_guifan()
    gbk = _double_byte("gbk", range(0x81, 0xFF), range(0x40, 0xFF))
    candidates = [
        ("GB 2312 + symbols + program text", gb | base),
        ("通用规范汉字表 + symbols + program text", tgh | base),
        ("GB 2312 ∪ 通用规范汉字表 + symbols + program text (bundled)", gb | tgh | base),
        (f"GBK ({len(gbk)}) + 通用规范汉字表 + symbols + program text", gbk | tgh | base),
    ]
    rows = []
    for label, chars in candidates:
        t0 = time.perf_counter()
        dest = subset_face(FONT_DIR / FACES[0], work / "measure.ttf", chars)
        rows.append((label, len(chars), dest.stat().st_size / 1e6, time.perf_counter() - t0))
    full = (FONT_DIR / FACES[0]).stat().st_size / 1e6
    rows.append(("full face (resources/fonts)", 0, full, 0.0))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write subsets of the bundled Noto Sans SC faces.")
    parser.add_argument("out_dir", nargs="?", help="folder for NotoSansSC-Regular.ttf and NotoSansSC-Bold.ttf")
    parser.add_argument("--measure", action="store_true", help="print the size per face of each candidate set")
    args = parser.parse_args(argv)
    if args.measure:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            for label, n, mb, sec in measure(Path(tmp)):
                print(f"{label:64} {n:6} code points  {mb:6.2f} MB  {sec:4.1f} s")
        return 0
    if not args.out_dir:
        parser.error("OUT_DIR is required (or --measure)")
    t0 = time.perf_counter()
    for dest in write_subsets(args.out_dir):
        print(f"{dest}: {dest.stat().st_size / 1e6:.2f} MB")
    print(f"{len(charset())} code points, {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
