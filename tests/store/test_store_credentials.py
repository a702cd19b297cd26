"""Who is who, and the server password: a user name per connection in the history; the password
from the keyring, never in the database, a log, a message or the object's repr."""

from __future__ import annotations

import logging
import subprocess

import pytest
from sqlalchemy import create_engine, text

from core.store import Store, StoreError, credentials
from core.store import database as db

SECRET = "Pw-7f3a9c-机密"


@pytest.fixture
def clerk(pg_server, pg_database):
    """A server database owned by a login of its own, whose password only the keyring knows."""
    name = pg_database.rsplit("/", 1)[1]
    role = f"clerk_{name[-8:]}"
    pg_server.create_role(role, SECRET)
    pg_server.admin(f'ALTER DATABASE "{name}" OWNER TO "{role}"')
    return pg_server.url(name, user=role, password=None), role


def test_user_name_per_connection_is_in_history(store_url, make_app):
    with Store.open(store_url, user="王五（区经信委）") as store:
        app_id = store.create(make_app())
        store.set_value(app_id, "basic.area", "3")
        assert {e.user for e in store.history(app_id)} == {"王五（区经信委）"}
    with Store.open(store_url) as store:  # default: the OS login
        store.set_value(app_id, "basic.area", "4")
        assert store.history(app_id)[-1].user == store.user == db_os_user()


def db_os_user():
    from core.store.base import os_user

    return os_user()


def test_split_takes_a_typed_password_out_of_the_url():
    bare, password = credentials.split("postgresql+psycopg://clerk:s3cret@db.office:5433/cluster")
    assert (bare, password) == ("postgresql+psycopg://clerk@db.office:5433/cluster", "s3cret")
    assert credentials.split("postgresql+psycopg://clerk@db/cluster") == ("postgresql+psycopg://clerk@db/cluster", None)
    assert credentials.account(bare) == "clerk@db.office:5433/cluster"


def test_password_from_the_keyring_and_never_shown_or_stored(clerk, memory_keyring, make_app, caplog, pg_server):
    url, role = clerk
    with pytest.raises(StoreError, match=f"用户名或密码不正确（数据库用户 {role}）") as info:
        Store.open(url)  # nothing in the keyring yet: no password sent
    assert SECRET not in str(info.value)
    credentials.save(url, SECRET)
    assert memory_keyring.saved == {("cluster-declare", credentials.account(url)): SECRET}
    caplog.set_level(logging.DEBUG)
    with Store.open(url, user="张三") as store:
        assert SECRET not in repr(store.target) and SECRET not in store.label
        app_id = store.create(make_app(**{"basic.area": "12.5"}))
        store.set_value(app_id, "basic.area", "13")
        with pytest.raises(StoreError) as bad:
            store.set_value("nonexistent", "basic.area", "1")
        assert SECRET not in bad.value.message
        dump = subprocess.run(["runuser", "-u", "nobody", "--", str(_pg_dump()), "-h", str(pg_server.dir),
                               "-p", str(pg_server.port), "-U", "postgres", url.rsplit("/", 1)[1]],
                              capture_output=True, text=True, check=True).stdout
        assert "basic.area" in dump and SECRET not in dump  # the whole database, as pg_dump sees it
    assert SECRET not in caplog.text
    assert SECRET not in (pg_server.dir / "log").read_text(errors="replace")
    # A wrong password (say, a colleague changed it) is a clear message, and names no password.
    credentials.save(url, "wrong-one")
    with pytest.raises(StoreError, match="用户名或密码不正确") as info:
        Store.open(url)
    assert "wrong-one" not in info.value.message and SECRET not in info.value.message


def _pg_dump():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from pgserver import pg_bin

    return pg_bin() / "pg_dump"


def test_no_keyring_on_this_pc_is_a_message_not_a_crash():
    # The null backend (tests/conftest.py) stands for a PC without a keyring daemon.
    assert credentials.load("postgresql+psycopg://clerk@db/cluster") is None
    credentials.forget("postgresql+psycopg://clerk@db/cluster")


def test_bad_url_message_hides_the_password():
    with pytest.raises(StoreError) as info:
        Store.open("postgresql+psycopg://clerk:hunter2@[::1/x")
    assert "hunter2" not in info.value.message


def test_url_password_still_works_and_is_hidden_from_the_label(pg_server, pg_database):
    target = db.resolve(pg_database)
    assert "test-superuser-secret" not in target.label and "test-superuser-secret" not in repr(target)
    engine = create_engine(pg_database)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT 1")).scalar() == 1
    engine.dispose()


def test_command_line_without_keyring_uses_libpq_password_file(clerk, tmp_path, monkeypatch, make_app, pg_server):
    url, role = clerk
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"127.0.0.1:{pg_server.port}:*:{role}:{SECRET}\n")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))  # ~/.pgpass (%APPDATA%\\postgresql\\pgpass.conf) by default
    with Store.open(url) as store:  # the null keyring knows nothing: libpq finds the password
        assert store.create(make_app())
