"""文件 → 数据库连接: a PostgreSQL server entered in the dialog, tested, saved; the password goes to
the keyring only; the next start opens the server under the official's chosen name."""

from __future__ import annotations

from core.paths import user_data_dir
from desktop.settings_db import ConnectionDialog, saved_connection

SECRET = "dlg-Secret-42"


def test_server_connection_saved_without_password_and_used_at_start(gui_app, qtbot, messages, pg_server,
                                                                    pg_database, memory_keyring, sample_app):
    name = pg_database.rsplit("/", 1)[1]
    pg_server.admin(f"ALTER ROLE postgres PASSWORD '{SECRET}'")
    try:
        dialog = ConnectionDialog()
        qtbot.addWidget(dialog)
        dialog.server.setChecked(True)
        assert dialog.host.isEnabled() and not dialog.file.isEnabled()
        dialog.host.setText("127.0.0.1")
        dialog.port.setValue(pg_server.port)
        dialog.database.setText(name)
        dialog.login.setText("postgres")
        dialog.password.setText("wrong")
        assert not dialog.test_connection()
        assert "用户名或密码不正确" in messages[-1][1] and "wrong" not in messages[-1][1]
        dialog.password.setText(SECRET)
        assert dialog.test_connection()
        dialog.name.setText("赵六")
        dialog.save()
        assert dialog.result() == dialog.DialogCode.Accepted
        url, user = saved_connection()
        assert url == f"postgresql+psycopg://postgres@127.0.0.1:{pg_server.port}/{name}" and user == "赵六"
        assert SECRET not in (user_data_dir() / "settings.ini").read_text(encoding="utf-8")
        assert list(memory_keyring.saved.values()) == [SECRET]

        from desktop.app import open_store

        store, lock, _note = open_store(None)  # the next start, without --db
        try:
            sample_app.evidence = []
            app_id = store.create(sample_app)
            assert store.label.endswith(f"/{name}") and SECRET not in store.label
            assert store.history(app_id)[-1].user == "赵六"
        finally:
            store.close()
            lock.release()
    finally:
        pg_server.admin("ALTER ROLE postgres PASSWORD 'test-superuser-secret'")


def test_dialog_reopens_with_what_was_saved(gui_app, qtbot, memory_keyring):
    from desktop.settings_db import save_connection

    save_connection("postgresql+psycopg://clerk:typed-in@db.office:5433/cluster", "钱七")
    assert saved_connection() == ("postgresql+psycopg://clerk@db.office:5433/cluster", "钱七")
    assert list(memory_keyring.saved.values()) == ["typed-in"]
    dialog = ConnectionDialog()
    qtbot.addWidget(dialog)
    assert dialog.server.isChecked()
    assert (dialog.host.text(), dialog.port.value(), dialog.database.text(), dialog.login.text(), dialog.name.text()) \
        == ("db.office", 5433, "cluster", "clerk", "钱七")
    assert dialog.password.text() == ""  # never shown back
    dialog.local.setChecked(True)
    dialog.file.setText("")
    dialog.save()
    assert saved_connection() == (None, "钱七")


def test_saved_server_unreachable_at_start_offers_the_dialog_and_retries(gui_app, qtbot, monkeypatch, memory_keyring):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from pgserver import PgServer

    from desktop import settings_db
    from desktop.app import open_store
    from desktop.qt import QApplication, QMessageBox, QTimer

    with PgServer() as server:
        url = server.create_database("office")
        settings_db.save_connection(url.replace("test-superuser-secret", "wrong"), "赵六")
        try:
            open_store(None)
            raise AssertionError("a wrong password must not open")
        except settings_db.UserError as exc:
            message = exc.message
        assert "用户名或密码不正确" in message
        seen = []

        def answer():
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(20, answer)
                return
            seen.append(box.text())
            next(b for b in box.buttons() if b.text() == "修改数据库连接…").click()

        def fix(parent=None):  # the official corrects the password in the dialog
            dialog = settings_db.ConnectionDialog(parent)
            dialog.password.setText("test-superuser-secret")
            dialog.save()
            return dialog.result() == dialog.DialogCode.Accepted

        monkeypatch.setattr(settings_db, "edit_connection", fix)
        QTimer.singleShot(20, answer)
        opened = settings_db.reconnect(message, open_store)
        assert seen == [message]
        assert opened is not None
        store, lock, _note = opened
        assert store.user == "赵六" and "wrong" not in store.label
        store.close()
        lock.release()
