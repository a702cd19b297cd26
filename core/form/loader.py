"""Load and check form definitions from ``resources/forms/*.yaml``."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from core.errors import UserError
from core.form.model import FIELD_TYPES, DerivedDef, FieldDef, FormDef, OptionDef, SectionDef
from core.paths import resource

try:  # libyaml is several times faster; fall back to the pure-Python loader
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


def read_yaml(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_Loader)
    except OSError as exc:
        raise UserError(f"无法读取文件 {path}：{exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        raise UserError(f"文件 {path} 不是有效的 YAML：{exc}") from exc


def forms_dir() -> Path:
    return resource("forms")


def available_forms() -> list[str]:
    return sorted(p.stem for p in forms_dir().glob("*.yaml"))


@lru_cache(maxsize=8)
def load_form(form_id: str = "SH-FORM") -> FormDef:
    path = forms_dir() / f"{form_id}.yaml"
    if not path.is_file():
        raise UserError(f"未知的申报表定义“{form_id}”（可用：{'、'.join(available_forms()) or '无'}）")
    return parse_form(read_yaml(path), str(path))


def parse_form(data: dict[str, Any], origin: str = "<form>") -> FormDef:
    def fail(msg: str) -> UserError:
        return UserError(f"申报表定义 {origin} 有误：{msg}")

    fields: dict[str, FieldDef] = {}
    sections: list[SectionDef] = []
    pending_refs: list[tuple[str, str]] = []
    order = 0
    for sec in data["sections"]:
        own: list[FieldDef] = []
        refs: list[tuple[str, str]] = []
        layout: list[str] = []
        for f in sec["fields"]:
            if "ref" in f:
                refs.append((f["ref"], f.get("label", "")))
                pending_refs.append((f["ref"], sec["id"]))
                layout.append(f["ref"])
                continue
            key, ftype = f.get("key"), f.get("type")
            if not key or ftype not in FIELD_TYPES:
                raise fail(f"字段 {key or f} 的类型“{ftype}”无效")
            if key in fields:
                raise fail(f"字段键 {key} 重复")
            order += 1
            fd = FieldDef(
                key=key,
                label=f["label"],
                type=ftype,
                section=sec["id"],
                section_number=sec["number"],
                indicator=int(f.get("indicator", sec["indicator"])),
                required=bool(f.get("required", ftype not in ("checks", "fixed"))),
                supplementary=bool(f.get("supplementary", False)),
                unit=f.get("unit"),
                decimals=int(f.get("decimals", 0 if ftype in ("count", "year") or f.get("of") == "count" else 2)),
                max_chars=f.get("max"),
                minimum=f.get("min"),
                range=f.get("range"),
                of=f.get("of"),
                options=tuple(OptionDef(o["key"], o["label"], bool(o.get("text", False))) for o in f.get("options", ())),
                na_label=f.get("na_label"),
                evidence=bool(f.get("evidence", False)),
                list_name=f.get("list"),
                group=f.get("group"),
                prompt=f.get("prompt"),
                hint=f.get("hint"),
                note=f.get("note"),
                about=f.get("about"),
                derived=f.get("derived"),
                text=f.get("text"),
                signature=tuple(f.get("signature", ())),
                order=order,
            )
            if fd.type == "series" and fd.of not in ("number", "percent", "count"):
                raise fail(f"字段 {key} 的逐年数据类型“{fd.of}”无效")
            if fd.element_type == "percent" and fd.range not in ("share", "rate"):
                raise fail(f"字段 {key} 须注明百分比范围 share 或 rate")
            if fd.type in ("choice", "checks") and not fd.options:
                raise fail(f"字段 {key} 没有选项")
            fields[key] = fd
            own.append(fd)
            layout.append(key)
        sections.append(
            SectionDef(
                id=sec["id"],
                number=sec["number"],
                title=sec["title"],
                indicator=int(sec["indicator"]),
                fields=tuple(own),
                refs=tuple(refs),
                layout=tuple(layout),
                char_limit=sec.get("char_limit"),
            )
        )
    for key, sec_id in pending_refs:
        if key not in fields:
            raise fail(f"栏目 {sec_id} 引用了不存在的字段 {key}")
    derived: dict[str, DerivedDef] = {}
    for dkey, d in (data.get("derived") or {}).items():
        for ref in [*d["inputs"], *([d["stated"]] if d.get("stated") else [])]:
            if ref not in fields:
                raise fail(f"计算值 {dkey} 引用了不存在的字段 {ref}")
        derived[dkey] = DerivedDef(
            key=dkey,
            label=d["label"],
            unit=d.get("unit", ""),
            function=d["function"],
            inputs=tuple(d["inputs"]),
            stated=d.get("stated"),
            citation=d.get("citation", ""),
            explain=d.get("explain", ""),
        )
    for fd in fields.values():
        if fd.derived and fd.derived not in derived:
            raise fail(f"字段 {fd.key} 引用了不存在的计算值 {fd.derived}")
    lists = dict(data.get("lists") or {})
    for fd in fields.values():
        if fd.list_name and fd.list_name not in lists:
            raise fail(f"字段 {fd.key} 引用了不存在的清单 {fd.list_name}")
    return FormDef(
        id=data["id"],
        version=int(data["version"]),
        title=data["title"],
        source=data.get("source", ""),
        years=int(data.get("years", 3)),
        sections=tuple(sections),
        fields=fields,
        derived=derived,
        lists=lists,
        filling_notes=tuple(data.get("filling_notes") or ()),
        evidence_note=data.get("evidence_note", ""),
        raw=data,
    )
