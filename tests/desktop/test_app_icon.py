"""The application carries its own icon (title bar, task bar), drawn from the shipped SVG."""

from desktop.app import setup_application
from desktop.qt import QColor


def test_window_icon_renders_visibly_at_32_px(qapp):
    app = setup_application()
    image = app.windowIcon().pixmap(32, 32).toImage()
    assert (image.width(), image.height()) == (32, 32)
    pixels = [QColor(image.pixel(x, y)) for y in range(32) for x in range(32)]
    opaque = [p for p in pixels if p.alpha() > 128]
    # A user sees a drawn mark: a good part of the square is opaque, in more than one colour.
    assert len(opaque) > 32 * 32 // 5
    assert len({(p.red() // 32, p.green() // 32, p.blue() // 32) for p in opaque}) >= 2
