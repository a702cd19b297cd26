"""Shared fixtures: the sample application, and a per-test user data folder."""

from __future__ import annotations

import copy
import json
import os

import pytest

from core.application import Application
from core.paths import resource

SAMPLE = resource("samples", "sample-application.json")

# No test reads or writes the real OS keyring (there is no keyring daemon here anyway); a test that
# needs one uses the ``memory_keyring`` fixture. Set before keyring picks a backend, and inherited
# by subprocesses.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"


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


@pytest.fixture
def memory_keyring():
    """A working keyring held in memory (keyring's own backend API), the real one restored after."""
    import keyring
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 1

        def __init__(self):
            super().__init__()
            self.saved: dict[tuple[str, str], str] = {}

        def get_password(self, service, username):
            return self.saved.get((service, username))

        def set_password(self, service, username, password):
            self.saved[(service, username)] = password

        def delete_password(self, service, username):
            self.saved.pop((service, username), None)

    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


# --- the Noto Sans SC subsets that the frozen build bundles (packaging/subset_fonts.py) ---

def load_subset_module():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "packaging" / "subset_fonts.py"
    spec = importlib.util.spec_from_file_location("subset_fonts", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def subset_fonts(tmp_path_factory):
    """A folder with NotoSansSC-Regular.ttf and -Bold.ttf cut as the frozen build cuts them
    (point ``CLUSTER_DECLARE_FONTS`` at it to run on them)."""
    out = tmp_path_factory.mktemp("subset-fonts")
    load_subset_module().write_subsets(out)
    return out
