"""UI strings go through Qt's translation mechanism: Chinese by default, English from the .qm."""

from __future__ import annotations

from core.paths import resource


def test_chinese_by_default_and_english_from_the_shipped_translation(window, gui_app, opened, qtbot):
    from desktop.app import load_translations
    from desktop.mainwindow import MainWindow
    from desktop.qt import QApplication

    assert window.menuBar().actions()[0].text() == "文件(&F)"
    assert resource("translations", "cluster_declare_en.ts").is_file()
    translators = load_translations(gui_app, "en")
    assert any("cluster_declare_en" in t.filePath() for t in translators), "cluster_declare_en.qm loads"
    try:
        english = MainWindow(opened[0])
        qtbot.addWidget(english)
        assert english.menuBar().actions()[0].text() == "&File"
        assert english.list_view.new_button.text() == "&New"
    finally:
        for t in translators:
            QApplication.removeTranslator(t)
