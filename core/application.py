"""The application document: one cluster's answers, in the versioned JSON format.

The envelope is checked against ``resources/schema/application.schema.json``; every value is then
checked against its field in the form definition, so an unknown key or a value of the wrong
shape is refused with a message naming the field. See docs/application-format.md.
"""

from __future__ import annotations

import copy
import json
import uuid as uuidlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from core.errors import UserError
from core.form import FieldDef, FormDef, load_form
from core.form.kinds import clean_value
from core.messages import application as msg
from core.oserrors import os_reason, write_document
from core.paths import resource

FORMAT = "cluster-declare.application"
FORMAT_VERSION = 1
# The deepest document we write is values → standards → year → level → role (six levels with the
# top); anything far deeper is not ours, and refusing it early keeps jsonschema, deepcopy and the
# store's JSON writer from recursing into a RecursionError.
MAX_DEPTH = 16
STATUSES = {"draft": "草稿", "pending_review": "待审核", "recommended": "已推荐", "exported": "已导出"}


@dataclass
class Application:
    form: str
    campaign: int
    jurisdiction: str
    rules: str
    values: dict[str, Any] = field(default_factory=dict)
    lists: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    name: str = ""
    status: str = "draft"
    uuid: str = field(default_factory=lambda: uuidlib.uuid4().hex)
    form_version: int = 1
    created: str | None = None
    changed: str | None = None

    @property
    def form_def(self) -> FormDef:
        return load_form(self.form)

    @property
    def local_form(self) -> FormDef:
        """The form with this application's own placeholders and notes (its rule set's
        jurisdiction: 上海 / 海南 / 广州), as the window shows it and the printout prints it."""
        from core.rules.loader import load_ruleset  # lazy: core.rules reads applications

        try:
            code = load_ruleset(self.rules).jurisdiction
        except UserError:
            code = self.jurisdiction
        return self.form_def.for_jurisdiction(code)

    @property
    def years(self) -> list[int]:
        return self.form_def.campaign_years(self.campaign)

    @property
    def display_name(self) -> str:
        return self.name or str(self.values.get("basic.cluster_name") or "") or "（未命名集群）"

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "uuid": self.uuid,
            "form": self.form,
            "form_version": self.form_version,
            "jurisdiction": self.jurisdiction,
            "campaign": self.campaign,
            "rules": self.rules,
            "name": self.name,
            "status": self.status,
            "created": self.created,
            "changed": self.changed,
            "values": copy.deepcopy(self.values),
            "lists": copy.deepcopy(self.lists),
            "evidence": copy.deepcopy(self.evidence),
        }

    @classmethod
    def from_json(cls, data: Any, origin: str = "申报数据") -> Application:
        validate_document(data, origin)
        form = load_form(data["form"])
        form_version = data.get("form_version", form.version)
        if form_version > form.version:
            raise msg.NEWER_FORM.error(origin=origin, form=form.id, version=form_version, known=form.version)
        years = form.campaign_years(data["campaign"])
        values = {}
        for key, value in data["values"].items():
            fd = form.fields.get(key)
            if fd is None:
                raise msg.UNKNOWN_FIELD.error(origin=origin, key=key, form=form.id)
            values[key] = normalize_value(fd, value, years, origin)
        return cls(
            form=data["form"],
            form_version=form_version,
            campaign=data["campaign"],
            jurisdiction=data["jurisdiction"],
            rules=data["rules"],
            values=values,
            lists=clean_lists(form, data.get("lists") or {}, origin),
            evidence=check_evidence_targets(form, data.get("evidence") or [], origin),
            name=data.get("name", ""),
            status=data.get("status", "draft"),
            uuid=data.get("uuid") or uuidlib.uuid4().hex,
            created=data.get("created"),
            changed=data.get("changed"),
        )


@lru_cache(maxsize=1)
def _validator():
    from jsonschema import Draft202012Validator

    schema = json.loads(resource("schema", "application.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def validate_document(data: Any, origin: str) -> None:
    """The envelope (format, version, schema). ``Application.from_json`` adds every value and
    list row; it is the one door of every path (file, store, package, Excel), so ``check`` and
    ``import`` refuse the same documents."""
    if not isinstance(data, dict):
        raise msg.NOT_OBJECT.error(origin=origin)
    deep = too_deep(data, MAX_DEPTH)
    if deep is not None:
        raise msg.DOC_TOO_DEEP.error(origin=origin, where="/".join(deep) or "（顶层）", limit=MAX_DEPTH)
    if data.get("format") != FORMAT:
        raise msg.WRONG_FORMAT.error(origin=origin, format=FORMAT)
    if isinstance(data.get("format_version"), int) and data["format_version"] > FORMAT_VERSION:
        raise msg.NEWER_VERSION.error(origin=origin, version=data["format_version"], supported=FORMAT_VERSION)
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        err = errors[0]
        path = list(err.absolute_path)
        where = "/".join(str(p) for p in path) or "（顶层）"
        if len(path) >= 2 and path[0] == "values":
            where += _field_label(data.get("form"), str(path[1]))
        raise msg.SCHEMA.error(origin=origin, where=where, problem=_schema_message(err))


def too_deep(data: Any, limit: int) -> list[str] | None:
    """The path to the first container nested more than ``limit`` levels deep, or None.
    Iterative, so a document that would exhaust the interpreter's stack is measured safely."""
    stack: list[tuple[Any, int, list[str]]] = [(data, 1, [])]
    while stack:
        node, depth, path = stack.pop()
        if not isinstance(node, (dict, list)):
            continue
        if depth > limit:
            return path
        items = node.items() if isinstance(node, dict) else enumerate(node)
        stack.extend((v, depth + 1, path + [str(k)]) for k, v in items if isinstance(v, (dict, list)))
    return None


def clean_lists(form: FormDef, lists: dict[str, Any], origin: str) -> dict[str, list[dict[str, Any]]]:
    """Every list the form knows, every row a JSON object of that list's columns, every cell of its
    column's type. Nothing is dropped or coerced: a fault is refused naming list, row and column."""
    from core.xlsx.listdefs import list_def

    out = {}
    for name, rows in lists.items():
        if name not in form.lists:
            raise msg.UNKNOWN_LIST.error(origin=origin, name=name,
                                         available="、".join(f"{k}（{v}）" for k, v in form.lists.items()))
        label = form.lists[name]
        columns = {c.key: c for c in list_def(name).columns}
        for i, row in enumerate(rows, 1):
            for key, cell in row.items():
                col = columns.get(key)
                if col is None:
                    raise msg.LIST_COLUMN.error(origin=origin, label=label, row=i, key=key,
                                                columns="、".join(columns))
                expected = _cell_problem(col, cell)
                if expected:
                    raise msg.LIST_CELL.error(origin=origin, label=label, row=i, header=col.header, key=key,
                                              value=_shown(cell), expected=expected)
        out[name] = rows
    return out


def check_evidence_targets(form: FormDef, evidence: list[dict[str, Any]], origin: str) -> list[dict[str, Any]]:
    """Every attachment supports something the form has: ``<field>``, ``<field>:<option>`` or
    ``list:<list>``; one that points nowhere is refused, not carried along unseen."""
    for item in evidence:
        target = item["target"]
        head, _, tail = target.partition(":")
        if head == "list":
            ok = tail in form.lists
        else:
            fd = form.fields.get(head)
            ok = fd is not None and (not tail or fd.option(tail) is not None)
        if not ok:
            raise msg.EVIDENCE_TARGET.error(origin=origin, name=item["name"], target=target)
    return evidence


def _cell_problem(col, cell: Any) -> str | None:
    """What a list cell should be, when it is not (None: it is fine)."""
    import math

    from core.numbers import MAX_MAGNITUDE
    from core.xlsx.listdefs import LEVEL_WORDS, PLATFORM_LEVEL_WORDS, ROLE_WORDS

    if cell is None:
        return None
    t = col.type
    if t in ("text", "code", "date"):
        return None if isinstance(cell, str) else "文字"
    if t == "mark":
        return None if isinstance(cell, bool) else "true 或 false（是/否）"
    if t in ("int", "year"):
        return None if type(cell) is int and 0 <= cell < MAX_MAGNITUDE else "非负整数"
    if t == "money":
        ok = isinstance(cell, str) or (type(cell) in (int, float) and math.isfinite(cell)
                                       and abs(cell) < MAX_MAGNITUDE)
        return None if ok else "数字或数字文字（万元）"
    words = {"level": LEVEL_WORDS, "role": ROLE_WORDS, "platform_level": PLATFORM_LEVEL_WORDS}.get(t)
    if words is not None:
        keys = sorted(set(words.values()))
        return None if cell in keys else "/".join(keys) + " 之一"
    return None


def _shown(value: Any) -> str:
    from core.form.kinds.base import shown

    return shown(value)


def _field_label(form_id: object, key: str) -> str:
    try:
        fd = load_form(str(form_id)).fields.get(key)
    except UserError:
        return ""
    return f"（字段“{fd.label}”）" if fd else ""


def _schema_message(err) -> str:
    v = err.validator
    if v == "additionalProperties":
        return f"有未知的键（{err.message.split('(')[-1].rstrip(')')}）"
    if v == "required":
        return f"缺少必需的键：{err.message.split(chr(39))[1] if chr(39) in err.message else err.message}"
    if v in ("type", "anyOf"):
        return f"类型错误（{_shown(err.instance)}）"
    if v in ("const", "enum"):
        return f"取值 {_shown(err.instance)} 无效"
    if v == "pattern":
        return f"取值 {_shown(err.instance)} 的格式无效"
    if v in ("minimum", "maximum"):
        return f"取值 {_shown(err.instance)} 超出范围（{'不小于' if v == 'minimum' else '不大于'} {err.validator_value}）"
    if v in ("minLength", "maxLength"):
        return f"文字长度应{'至少' if v == 'minLength' else '不超过'} {err.validator_value} 个字符"
    if v == "uniqueItems":
        return "列表中有重复的项"
    if v == "propertyNames":
        return f"键 {_shown(err.instance)} 的格式无效"
    return err.message


def normalize_value(fd: FieldDef, value: Any, years: list[int], origin: str = "申报数据") -> Any:
    """Check one value's shape against its field; return it in canonical form (its kind's clean-up)."""
    return clean_value(fd, value, years, origin)


def read_application_file(path: str | Path) -> Application:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise msg.NOT_FOUND.error(path=path) from exc
    except UnicodeDecodeError as exc:
        raise msg.NOT_UTF8.error(path=path) from exc
    except OSError as exc:
        raise msg.UNREADABLE.error(path=path, reason=os_reason(exc)) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise msg.BAD_JSON.error(path=path, line=exc.lineno, column=exc.colno, reason=exc.msg) from exc
    except RecursionError as exc:  # e.g. 100,000 nested brackets: refused, not a traceback
        raise msg.TOO_DEEP.error(path=path) from exc
    return Application.from_json(data, origin=f"文件 {path.name}")


def write_application_file(app: Application, path: str | Path) -> None:
    """Write atomically: a crash leaves the old file or the new one, never half of it, and a
    failed write (a full disk) leaves no temporary file behind."""
    text = json.dumps(app.to_json(), ensure_ascii=False, indent=2) + "\n"
    write_document(Path(path), text.encode("utf-8"), msg.UNWRITABLE)
