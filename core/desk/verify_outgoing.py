"""The receiving side's check of an outgoing package (推荐上报包, core/desk/outgoing.py): the outer
package exactly as ``verify`` checks any package (core.package.verify.verify_package), then every
inner package it carries (role ``inner_package``), each with its own result.

    outer = verify_package(path)
    nested = verify_inner(path, outer)          # [] unless the manifest says kind "outgoing"
    nested.lines() / nested.to_json() / nested.exit_code

An inner package is streamed out of the zip into a temporary file (bounded by its manifest size)
and verified by the same public function, so a tampered inner package is caught by its own
signature even when the outer package was re-signed around it. Outgoing packages may nest (a
city's package holding districts' packages) down to ``MAX_DEPTH`` levels.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.errors import UserError
from core.package.certificate import format_fingerprint
from core.package.safezip import UnsafePackage, inspect_zip

OUTGOING = "outgoing"
INNER_ROLE = "inner_package"
MAX_DEPTH = 3
CHUNK = 1 << 20


def is_outgoing(manifest: dict[str, Any] | None) -> bool:
    return bool(manifest) and manifest.get("kind") == OUTGOING


@dataclass
class InnerResult:
    member: str  # the path inside the outer package
    number: str = ""  # the 受理编号 the sending office gave it
    cluster: str = ""
    place: int | None = None
    result: Any = None  # VerifyResult of the inner package
    problem: str = ""  # when it could not even be read out of the outer package
    nested: list[InnerResult] = field(default_factory=list)

    @property
    def ok_intact(self) -> bool:
        return (not self.problem and self.result is not None and self.result.intact and not self.result.problems
                and all(n.ok_intact for n in self.nested))

    def to_json(self) -> dict[str, Any]:
        r = self.result
        return {"member": self.member, "number": self.number, "cluster": self.cluster, "place": self.place,
                "intact": bool(r and r.intact), "ok": bool(r and r.ok), "problem": self.problem,
                "problems": list(r.problems) if r else [], "first_altered": r.first_altered if r else None,
                "signer": r.signer if r else "", "fingerprint": r.fingerprint if r else "",
                "exit_code": r.exit_code if r else 1, "inner": [n.to_json() for n in self.nested]}


@dataclass
class NestedResult:
    inner: list[InnerResult] = field(default_factory=list)
    listed: bool = False  # the outer manifest is an outgoing package's

    @property
    def exit_code(self) -> int:
        """1 when any inner package is altered or missing; else 0 (the outer's own code stands)."""
        return 0 if all(i.ok_intact for i in self.inner) else 1

    def lines(self, indent: str = "") -> list[str]:
        if not self.listed:
            return []
        out = [f"{indent}内含报送包 {len(self.inner)} 个："]
        for i in self.inner:
            out += _inner_lines(i, indent + "  ")
        bad = [i for i in self.inner if not i.ok_intact]
        out.append(f"{indent}内含报送包全部完好。" if not bad else
                   f"{indent}有 {len(bad)} 个内含报送包未通过校验：{'、'.join(i.number or i.member for i in bad)}。")
        return out

    def to_json(self) -> list[dict[str, Any]]:
        return [i.to_json() for i in self.inner]


def _inner_lines(i: InnerResult, indent: str) -> list[str]:
    place = f"第 {i.place} 名 " if i.place else ""
    head = f"{indent}{place}{i.number} {i.cluster}（{i.member}）"
    if i.problem:
        return [f"{head}：✗ {i.problem}"]
    r = i.result
    if r.intact and not r.problems:
        state = "完整，签名有效" + ("，证书可信" if r.trusted else "")
        out = [f"{head}：✓ {state}；签名单位 {r.signer}，证书指纹 {format_fingerprint(r.fingerprint)}"]
    else:
        out = [f"{head}：✗ {r.headline()}"] + [f"{indent}  ✗ {p}" for p in r.problems]
    for n in i.nested:
        out += _inner_lines(n, indent + "  ")
    return out


def verify_inner(path: str | os.PathLike[str], outer, trust=None, depth: int = 0, **checks) -> NestedResult:
    """Check every inner package of the outgoing package at ``path`` whose outer result is ``outer``.

    ``checks`` go to ``verify_package`` for every inner package too (``crl``, ``trust_store``)."""
    from core.package.verify import verify_package

    manifest = outer.manifest if outer is not None else None
    result = NestedResult(listed=is_outgoing(manifest))
    if not result.listed:
        return result
    listing = {p.get("package"): p for p in (manifest.get("outgoing") or {}).get("recommended") or []}
    inner_members = [m for m in manifest.get("members") or [] if m.get("role") == INNER_ROLE]
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        result.inner = [InnerResult(m["path"], problem=f"无法打开外层报送包：{exc}") for m in inner_members]
        return result
    with zf, tempfile.TemporaryDirectory(prefix="cluster-declare-inner-") as work:
        try:
            present = inspect_zip(zf)
        except UnsafePackage as exc:
            result.inner = [InnerResult(m["path"], problem=str(exc)) for m in inner_members]
            return result
        for m in inner_members:
            name = m["path"]
            info = listing.get(name) or {}
            item = InnerResult(name, number=str(info.get("number") or ""), cluster=str(info.get("cluster") or ""),
                               place=info.get("place"))
            result.inner.append(item)
            if name not in present:
                item.problem = f"缺少内含报送包“{name}”（清单中有，包中没有）"
                continue
            tmp = Path(work) / f"inner-{len(result.inner)}.zip"
            try:
                _extract(zf, name, tmp, limit=int(m.get("size") or 0))
            except (zipfile.BadZipFile, zlib.error, EOFError, UnsafePackage, OSError) as exc:
                item.problem = f"内含报送包“{name}”无法读出（{exc}）"
                continue
            try:
                item.result = verify_package(tmp, trust=trust, **checks)
            except UserError as exc:  # not a zip: the inner file is not a package
                item.problem = f"内含报送包“{name}”不是有效的报送包（{exc.message}）"
                continue
            if depth + 1 < MAX_DEPTH and is_outgoing(item.result.manifest):
                item.nested = verify_inner(tmp, item.result, trust, depth + 1, **checks).inner
            tmp.unlink(missing_ok=True)
    return result


def _extract(zf: zipfile.ZipFile, name: str, dest: Path, limit: int) -> None:
    size = 0
    with zf.open(name) as src, dest.open("wb") as out:
        while chunk := src.read(CHUNK):
            size += len(chunk)
            if size > limit:
                raise UnsafePackage(f"成员“{name}”的实际内容超过其声明的大小")
            out.write(chunk)
