"""packaging/launcher.py keeps QT_IM_MODULE=fcitx when the bundle has the fcitx plugin, and falls back
to the ibus plugin only in a build without it."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def launcher(monkeypatch, tmp_path):
    spec = importlib.util.spec_from_file_location("frozen_launcher", ROOT / "packaging" / "launcher.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.delenv("CLUSTER_DECLARE_IM_REQUESTED", raising=False)
    plugins = tmp_path / "PySide6" / "Qt" / "plugins" / "platforminputcontexts"
    plugins.mkdir(parents=True)
    (plugins / "libibusplatforminputcontextplugin.so").write_bytes(b"")
    return module, plugins


@pytest.mark.parametrize("wanted", ["fcitx", "fcitx5"])
def test_fcitx_is_kept_when_the_bundle_has_the_fcitx_plugin(launcher, monkeypatch, wanted):
    module, plugins = launcher
    (plugins / "libfcitxplatforminputcontextplugin.so").write_bytes(b"")
    monkeypatch.setenv("QT_IM_MODULE", wanted)
    module.choose_input_method()

    assert os.environ["QT_IM_MODULE"] == wanted
    assert "CLUSTER_DECLARE_IM_REQUESTED" not in os.environ


def test_fcitx_falls_back_to_ibus_without_the_plugin(launcher, monkeypatch):
    module, _plugins = launcher
    monkeypatch.setenv("QT_IM_MODULE", "fcitx")
    module.choose_input_method()

    assert os.environ["QT_IM_MODULE"] == "ibus"
    assert os.environ["CLUSTER_DECLARE_IM_REQUESTED"] == "fcitx"


def test_ibus_is_left_alone(launcher, monkeypatch):
    module, _plugins = launcher
    monkeypatch.setenv("QT_IM_MODULE", "ibus")
    module.choose_input_method()

    assert os.environ["QT_IM_MODULE"] == "ibus"
