"""Receipts (报送记录) and sealing: every package export is kept with its hashes, the export seals
the application (status 已导出), and only ``reopen`` with a reason unseals it.

``record_export`` is one transaction: the receipt row, the ``export`` history event, the status
change and its history row; it first checks that the stored data still hash to what the package
signed, so a receipt never vouches for data that differ from the package.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import insert, select, update

from core.messages import seal as SM
from core.store import schema as t
from core.store import status as st
from core.store.documents import dumps, now
from core.store.errors import StoreError
from core.store.seal import data_hash


@dataclass(frozen=True)
class Receipt:
    id: int
    app_id: str
    at: str  # UTC ISO-8601
    user: str  # OS login name of whoever exported
    path: str  # where the package was written
    sha256: str  # of the package file
    size: int | None
    certificate_sha256: str  # fingerprint of the signing certificate
    signer: str  # the office named in the certificate
    data_sha256: str  # core.store.seal.data_hash of the signed application data
    override_reason: str | None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _display(name: str | None) -> str:
    return name or "未命名集群"


class ReceiptsMixin:
    def record_export(self, app_id: str, *, path: str, sha256: str, certificate_sha256: str, signer: str,
                      data_sha256: str, size: int | None = None, note: dict[str, Any] | None = None,
                      override_reason: str | None = None) -> Receipt:
        """Keep the receipt of a package export and seal the application (status 已导出)."""
        with self._write() as conn:
            app = self._app(conn, app_id, sealed_ok=True)
            st.check(app.status, st.EXPORTED, st.EXPORT)
            if data_hash(self._document(conn, app.id)) != data_sha256:
                raise SM.DATA_CHANGED.error(StoreError, name=_display(app.name))
            at = now()
            row = {"app_id": app.id, "at": at, "user": self.user, "path": str(path), "sha256": sha256,
                   "size": size, "certificate_sha256": certificate_sha256, "signer": signer,
                   "data_sha256": data_sha256, "override_reason": override_reason}
            receipt_id = conn.execute(insert(t.receipts).values(**row)).inserted_primary_key[0]
            event = dict(note or {}, sha256=sha256, certificate_sha256=certificate_sha256,
                         data_sha256=data_sha256, receipt=receipt_id)
            self._record(conn, app.id, at, "export", "app", None, None, dumps(event, "事件说明"))
            self._set_status_row(conn, app.id, app.status, st.EXPORTED, at)
            self._touch(conn, app.id, at)
        return Receipt(id=receipt_id, **row)

    def reopen(self, app_id: str, reason: str) -> Receipt | None:
        """Unseal an exported application: status back to 草稿, the reason and the last package's
        SHA-256 in the history. Returns the last receipt (kept, like every receipt)."""
        with self._write() as conn:
            app = self._app(conn, app_id, sealed_ok=True)
            if not st.is_sealed(app.status):
                raise SM.NOT_SEALED.error(StoreError, name=_display(app.name))
            reason = (reason or "").strip()
            st.check(app.status, st.DRAFT, st.REOPEN, reason=reason)
            last = self._receipts(conn, app.id)[-1:] or [None]
            at = now()
            note = {"reason": reason}
            if last[0] is not None:
                note.update(package_sha256=last[0].sha256, data_sha256=last[0].data_sha256, receipt=last[0].id)
            self._record(conn, app.id, at, "reopen", "app", None, None, dumps(note, "重新打开的理由"))
            self._set_status_row(conn, app.id, app.status, st.DRAFT, at)
            self._touch(conn, app.id, at)
        return last[0]

    def receipts(self, app_id: str) -> list[Receipt]:
        """Every export of the application, oldest first."""
        with self._read() as conn:
            return self._receipts(conn, self._app(conn, app_id, for_write=False).id)

    def _receipts(self, conn, app_id: str) -> list[Receipt]:
        r = t.receipts.c
        rows = conn.execute(select(*t.receipts.c).where(r.app_id == app_id).order_by(r.id)).mappings().all()
        return [Receipt(**row) for row in rows]

    def _set_status_row(self, conn, app_id: str, old: str, new: str, at: str) -> None:
        if old == new:
            return
        conn.execute(update(t.applications).where(t.applications.c.id == app_id).values(status=new))
        self._record(conn, app_id, at, "status", "meta", "status", dumps(old), dumps(new))
