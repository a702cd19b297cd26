"""Where the program's shipped data and the user's data live."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "cluster-declare"
APP_AUTHOR = "cluster-declare"
# Environment variable naming the database (file path or SQLAlchemy URL), for CLI and window alike.
DB_ENV = "CLUSTER_DECLARE_DB"


def resources_dir() -> Path:
    """The shipped ``resources/`` folder, from a checkout or inside a frozen bundle."""
    override = os.environ.get("CLUSTER_DECLARE_RESOURCES")
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


FONTS_ENV = "CLUSTER_DECLARE_FONTS"


def font_file(name: str) -> Path:
    """A bundled font face (``NotoSansSC-Regular.ttf``…): ``resources/fonts`` (full faces in a checkout,
    subsets in the frozen build), or the folder ``CLUSTER_DECLARE_FONTS`` names (tests on the subsets)."""
    override = os.environ.get(FONTS_ENV)
    return Path(override) / name if override else resource("fonts", name)


def user_data_dir() -> Path:
    """Per-user data folder (``%LOCALAPPDATA%\\cluster-declare`` on Windows, ``~/.local/share/...`` on Linux).

    ``CLUSTER_DECLARE_HOME`` overrides it (tests, portable installs).
    """
    override = os.environ.get("CLUSTER_DECLARE_HOME")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, APP_AUTHOR, roaming=False)
