"""The application carries its own icon (title bar, task bar), drawn from the shipped SVG."""

from desktop.app import setup_application


def test_window_icon_is_set(qapp):
    app = setup_application()
    icon = app.windowIcon()
    assert not icon.isNull()
    assert not icon.pixmap(32, 32).isNull()
