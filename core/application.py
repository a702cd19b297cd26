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
from core.form.model import NA, NO, STANDARD_LEVELS, STANDARD_ROLES, YES
from core.paths import resource

FORMAT = "cluster-declare.application"
FORMAT_VERSION = 1
STATUSES = {"draft": "草稿", "pending_review": "待审核", "recommended": "已推荐", "exported": "已导出"}
_YESNO_ALIASES = {"是": YES, "否": NO, "不适用": NA, True: YES, False: NO}


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
        years = form.campaign_years(data["campaign"])
        values = {}
        for key, value in data["values"].items():
            fd = form.fields.get(key)
            if fd is None:
                raise UserError(f"{origin}：未知字段“{key}”（申报表 {form.id} 中没有此栏目）")
            values[key] = normalize_value(fd, value, years, origin)
        return cls(
            form=data["form"],
            form_version=data.get("form_version", form.version),
            campaign=data["campaign"],
            jurisdiction=data["jurisdiction"],
            rules=data["rules"],
            values=values,
            lists=data.get("lists") or {},
            evidence=data.get("evidence") or [],
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
    if not isinstance(data, dict):
        raise UserError(f"{origin}：顶层应为 JSON 对象")
    if data.get("format") != FORMAT:
        raise UserError(f"{origin}：不是集群申报数据文件（format 应为 “{FORMAT}”）")
    if isinstance(data.get("format_version"), int) and data["format_version"] > FORMAT_VERSION:
        raise UserError(f"{origin}：数据格式版本 {data['format_version']} 比本程序支持的版本 {FORMAT_VERSION} 新，请升级程序")
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        err = errors[0]
        path = list(err.absolute_path)
        where = "/".join(str(p) for p in path) or "（顶层）"
        if len(path) >= 2 and path[0] == "values":
            where += _field_label(data.get("form"), str(path[1]))
        raise UserError(f"{origin}：位置 {where} 的内容不符合格式：{_schema_message(err)}")


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
        return f"类型错误（{err.instance!r}）"
    if v in ("const", "enum"):
        return f"取值 {err.instance!r} 无效"
    if v == "pattern":
        return f"取值 {err.instance!r} 的格式无效"
    return err.message


def _where(fd: FieldDef, origin: str) -> str:
    return f"{origin}：字段“{fd.label}”（{fd.key}）"


def normalize_value(fd: FieldDef, value: Any, years: list[int], origin: str = "申报数据") -> Any:
    """Check one value's shape against its field; return it in canonical form."""
    if value is None:
        return None
    t = fd.type
    bad = UserError(f"{_where(fd, origin)}的取值类型错误：{json.dumps(value, ensure_ascii=False)[:60]}")
    if t in ("text", "longtext"):
        if not isinstance(value, str):
            raise bad
        return value
    if t in ("number", "percent", "count", "year"):
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise bad
        return value
    if t in ("yesno", "yesno_na"):
        value = _YESNO_ALIASES.get(value, value)
        allowed = (YES, NO, NA) if t == "yesno_na" else (YES, NO)
        if value not in allowed:
            raise UserError(f"{_where(fd, origin)}应为 {'/'.join(allowed)}，而不是 {value!r}")
        return value
    if t == "choice":
        if not isinstance(value, dict):
            raise bad
        sel = value.get("selected")
        if sel is not None and fd.option(sel) is None:
            raise UserError(f"{_where(fd, origin)}没有选项“{sel}”")
        return value
    if t == "checks":
        if not isinstance(value, dict):
            raise bad
        for sel in value.get("selected", []):
            if fd.option(sel) is None:
                raise UserError(f"{_where(fd, origin)}没有选项“{sel}”")
        for key in value.get("texts", {}):
            opt = fd.option(key)
            if opt is None or not opt.text:
                raise UserError(f"{_where(fd, origin)}的选项“{key}”不能填写文字")
        return value
    if t in ("series", "standards"):
        if not isinstance(value, dict):
            raise bad
        wanted = {str(y) for y in years}
        for year in value:
            if year not in wanted:
                raise UserError(
                    f"{_where(fd, origin)}：年份 {year} 不属于本次申报的近三年（{years[0]}–{years[-1]}年）"
                )
        if t == "standards":
            levels = {k for k, _ in STANDARD_LEVELS}
            roles = {k for k, _ in STANDARD_ROLES}
            for year, row in value.items():
                if not isinstance(row, dict) or not set(row) <= levels:
                    raise UserError(f"{_where(fd, origin)}：{year}年的标准类别应为 {'/'.join(sorted(levels))}")
                for cell in row.values():
                    if not isinstance(cell, dict) or not set(cell) <= roles:
                        raise UserError(f"{_where(fd, origin)}：{year}年应填写 lead（主持）/participate（参与）数量")
        return value
    if t == "platform":
        if not isinstance(value, dict) or not set(value) <= {"count", "names"}:
            raise bad
        return value
    if t == "fixed":
        raise UserError(f"{_where(fd, origin)}是固定文字，不能填写")
    raise bad  # pragma: no cover - FIELD_TYPES is closed


def read_application_file(path: str | Path) -> Application:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise UserError(f"找不到文件 {path}") from exc
    except UnicodeDecodeError as exc:
        raise UserError(f"文件 {path} 不是 UTF-8 编码的 JSON 文本") from exc
    except OSError as exc:
        raise UserError(f"无法读取文件 {path}：{exc.strerror or exc}") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(f"文件 {path} 不是有效的 JSON：第 {exc.lineno} 行第 {exc.colno} 列，{exc.msg}") from exc
    return Application.from_json(data, origin=f"文件 {path.name}")


def write_application_file(app: Application, path: str | Path) -> None:
    """Write atomically: a crash leaves the old file or the new one, never half of it."""
    import os
    import tempfile

    path = Path(path)
    text = json.dumps(app.to_json(), ensure_ascii=False, indent=2) + "\n"
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        raise UserError(f"无法写入文件 {path}：{exc.strerror or exc}") from exc
