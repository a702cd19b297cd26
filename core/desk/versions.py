"""What changed between two versions of the same cluster's application (a second submission is
kept as a new version, never overwriting the first; the register lists these differences).

``cluster_key``: two submissions are the same cluster when the cluster's name (申报表 集群名称, or
the document's name) is the same, ignoring spaces and full-width/half-width brackets.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

MAX_SHOWN = 60  # characters of a value in a difference line


def cluster_key(app) -> str:
    name = str(app.values.get("basic.cluster_name") or app.name or "").strip()
    key = unicodedata.normalize("NFKC", name).replace(" ", "").casefold()
    return f"{app.jurisdiction}:{key}" if key else f"uuid:{app.uuid}"


def _shown(value: Any) -> str:
    if value is None:
        return "（空）"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN - 1] + "…"


def differences(old_doc: dict[str, Any] | None, new_doc: dict[str, Any]) -> list[dict[str, Any]]:
    """One entry per changed field, list and the evidence: {key, label, old, new} (display text)."""
    if not old_doc:
        return []
    from core.errors import UserError
    from core.form import load_form

    try:
        form = load_form(new_doc.get("form") or "SH-FORM")
        labels = {k: f.label for k, f in form.fields.items()}
    except UserError:  # an unknown form cannot reach here (the strict door); labels are a nicety
        labels = {}
    out = []
    old_v, new_v = old_doc.get("values") or {}, new_doc.get("values") or {}
    for key in sorted(set(old_v) | set(new_v), key=lambda k: (list(labels).index(k) if k in labels else 1e9, k)):
        if old_v.get(key) != new_v.get(key):
            out.append({"key": key, "label": labels.get(key, key), "old": _shown(old_v.get(key)),
                        "new": _shown(new_v.get(key))})
    old_l, new_l = old_doc.get("lists") or {}, new_doc.get("lists") or {}
    for name in sorted(set(old_l) | set(new_l)):
        if old_l.get(name) != new_l.get(name):
            out.append({"key": f"list:{name}", "label": f"清单 {name}", "old": f"{len(old_l.get(name) or [])} 行",
                        "new": f"{len(new_l.get(name) or [])} 行"})
    old_e = sorted(str(e.get("sha256")) for e in old_doc.get("evidence") or [])
    new_e = sorted(str(e.get("sha256")) for e in new_doc.get("evidence") or [])
    if old_e != new_e:
        out.append({"key": "evidence", "label": "佐证材料", "old": f"{len(old_e)} 份", "new": f"{len(new_e)} 份"})
    return out


def difference_lines(diffs: list[dict[str, Any]]) -> list[str]:
    return [f"{d['label']}：{d['old']} → {d['new']}" for d in diffs]
