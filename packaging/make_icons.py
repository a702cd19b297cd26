"""Draw the application icon: resources/icons/cluster-declare.svg, PNGs in the hicolor sizes, .ico.

One list of shapes on a 256-unit canvas feeds both the SVG writer and Pillow, so the vector and
the bitmaps cannot drift apart. Run after changing the design:
    .venv/bin/python packaging/make_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"
NAME = "cluster-declare"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
CANVAS = 256

BLUE = "#1f4e8c"
PAPER = "#ffffff"
FOLD = "#c9d6e8"
LINE = "#8aa3c4"
RED = "#d7261e"

# (kind, geometry, fill): rounded rectangles, polygons and circles in canvas units.
SHAPES = [
    ("rrect", (8, 8, 248, 248, 44), BLUE),
    ("poly", ((64, 36), (160, 36), (196, 72), (196, 220), (64, 220)), PAPER),  # the form
    ("poly", ((160, 36), (196, 72), (160, 72)), FOLD),  # folded corner
    ("rrect", (84, 92, 172, 102, 5), LINE),  # text lines
    ("rrect", (84, 116, 176, 126, 5), LINE),
    ("rrect", (84, 140, 150, 150, 5), LINE),
    ("circle", (176, 184, 50), RED),  # the seal (公章)
    ("circle", (176, 184, 40), "#e9574f"),
    ("poly", ((154, 184), (166, 172), (173, 180), (194, 158), (206, 170), (173, 203)), PAPER),  # tick
]


def svg() -> str:
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{CANVAS}" height="{CANVAS}" '
             f'viewBox="0 0 {CANVAS} {CANVAS}">', "<title>集群申报助手</title>"]
    for kind, g, fill in SHAPES:
        if kind == "rrect":
            x0, y0, x1, y1, r = g
            parts.append(f'<rect x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" rx="{r}" fill="{fill}"/>')
        elif kind == "poly":
            pts = " ".join(f"{x},{y}" for x, y in g)
            parts.append(f'<polygon points="{pts}" fill="{fill}"/>')
        else:
            cx, cy, r = g
            parts.append(f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{fill}"/>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def bitmap(size: int) -> Image.Image:
    # Draw large and scale down: Pillow's shapes are not anti-aliased.
    big = max(size * 4, 1024)
    k = big / CANVAS
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    for kind, g, fill in SHAPES:
        if kind == "rrect":
            x0, y0, x1, y1, r = g
            d.rounded_rectangle((x0 * k, y0 * k, x1 * k, y1 * k), radius=r * k, fill=fill)
        elif kind == "poly":
            d.polygon([(x * k, y * k) for x, y in g], fill=fill)
        else:
            cx, cy, r = g
            d.ellipse(((cx - r) * k, (cy - r) * k, (cx + r) * k, (cy + r) * k), fill=fill)
    return img.resize((size, size), Image.LANCZOS)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{NAME}.svg").write_text(svg(), encoding="utf-8")
    for size in PNG_SIZES:
        bitmap(size).save(OUT / f"{NAME}-{size}.png", optimize=True)
    bitmap(256).save(OUT / f"{NAME}.ico", sizes=[(s, s) for s in ICO_SIZES])
    print(f"图标已写入 {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
