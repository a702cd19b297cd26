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


# --- a real PostgreSQL server (tests/pgserver.py), started once per test run when a test asks ---

@pytest.fixture(scope="session")
def pg_server():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from pgserver import PgServer

    server = PgServer().start()
    yield server
    server.close()


@pytest.fixture
def pg_database(request):
    """A fresh, empty database on the session's server: its URL (dropped after the test)."""
    import uuid

    server = request.getfixturevalue("pg_server")
    name = f"t_{uuid.uuid4().hex[:12]}"
    url = server.create_database(name)
    yield url
    server.drop_database(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def engine_name(request) -> str:
    """The store's engine; a test that only makes sense on one overrides it with
    ``@pytest.mark.parametrize("engine_name", ["sqlite"])`` and says why."""
    return request.param


@pytest.fixture
def store_url(engine_name, tmp_path, request):
    """Where a test's store lives: a SQLite file in tmp_path, or a fresh PostgreSQL database."""
    if engine_name == "sqlite":
        return tmp_path / "store.sqlite"
    return request.getfixturevalue("pg_database")
