"""Fixtures for the store tests: real SQLite files in tmp_path."""

from __future__ import annotations

import pytest

from core.application import Application
from core.store import Store


def make_app(name: str = "上海市闵行区测试产业集群", campaign: int = 2023, **values) -> Application:
    return Application(form="SH-FORM", campaign=campaign, jurisdiction="SH", rules=f"SH-{campaign}", name=name,
                       values=dict(values))


@pytest.fixture(name="make_app")
def make_app_fixture():
    return make_app


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "store.sqlite"


@pytest.fixture
def store(db_path):
    s = Store.open(db_path)
    yield s
    s.close()


@pytest.fixture
def app_id(store):
    return store.create(make_app(**{"basic.area": "12.5"}))
