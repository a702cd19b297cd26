"""Shared fixtures: the sample application, and a per-test user data folder."""

from __future__ import annotations

import copy
import json

import pytest

from core.application import Application
from core.paths import resource

SAMPLE = resource("samples", "sample-application.json")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    # Nothing a test does may touch the real user data folder or database.
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CLUSTER_DECLARE_HOME", str(home))
    monkeypatch.delenv("CLUSTER_DECLARE_DB", raising=False)
    return home


@pytest.fixture(scope="session")
def sample_doc() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


@pytest.fixture
def sample_app(sample_doc) -> Application:
    return Application.from_json(copy.deepcopy(sample_doc))
