"""One default folder for every file dialog: the folder last used to save or open anything,
falling back to the user's documents folder.

Every save and open in the program goes through ``save_file`` / ``open_file`` / ``open_files``, so
an official who exported to a USB stick finds the stick again in the next dialog, whatever it is
for. The folder is kept in ``settings.ini`` in the user data folder (``core.paths``), so tests and
portable installs (``CLUSTER_DECLARE_HOME``) keep their own.
"""

from __future__ import annotations

import os
from pathlib import Path

from core.paths import user_data_dir
from desktop.qt import QFileDialog, QSettings, QStandardPaths

KEY = "files/last_folder"


def _settings() -> QSettings:
    return QSettings(str(user_data_dir() / "settings.ini"), QSettings.Format.IniFormat)


def documents_folder() -> str:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return found if found and os.path.isdir(found) else str(Path.home())


def last_folder() -> str:
    """The folder the next dialog starts in."""
    saved = _settings().value(KEY, "", type=str)
    return saved if saved and os.path.isdir(saved) else documents_folder()


def remember(path: str | os.PathLike) -> None:
    """Remember the folder of a file that was just saved or opened (or a chosen folder itself)."""
    p = Path(path)
    folder = p if p.is_dir() else p.parent
    if str(folder) and folder.is_dir():
        settings = _settings()
        settings.setValue(KEY, str(folder.resolve()))
        settings.sync()


def start_path(name: str = "") -> str:
    """Where a dialog opens: the last folder, with ``name`` suggested when saving."""
    return str(Path(last_folder()) / name) if name else last_folder()


def save_file(parent, title: str, name: str, file_filter: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, start_path(Path(name).name), file_filter)
    if path:
        remember(path)
    return path or None


def open_file(parent, title: str, file_filter: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, start_path(), file_filter)
    if path:
        remember(path)
    return path or None


def open_files(parent, title: str, file_filter: str) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, start_path(), file_filter)
    if paths:
        remember(paths[0])
    return list(paths)
