"""Fixtures for package tests: an office certificate, a small PDF renderer, a ready package."""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest

from core.package import ExportOptions, FolderEvidence, export_package
from core.package import certificate as cert
from core.paths import resource

PASSPHRASE = b"test-passphrase-1"
OFFICE = "上海市闵行区经济委员会"
SAMPLES = resource("samples")
OFFICE_RSA = "上海市闵行区经济委员会"
OFFICE_EC = "上海市浦东新区科技和经济委员会"


def tiny_render(app, out_path, page="all"):
    """Stands in for core.pdf in tests that are about packaging, not printing: two A4 pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(out_path), pagesize=A4)
    for n in range(2 if page == "all" else 1):
        c.drawString(72, 760, f"{app.uuid} {page} page {n + 1}")
        c.showPage()
    c.save()


def make_identity(home: Path, office: str = OFFICE, passphrase: bytes = PASSPHRASE):
    """A self-made office certificate created under ``home`` (the user data folder), unlocked."""
    old = os.environ.get("CLUSTER_DECLARE_HOME")
    os.environ["CLUSTER_DECLARE_HOME"] = str(home)
    try:
        cert.create_office_certificate(office, passphrase)
        return cert.unlock(passphrase)
    finally:
        if old is None:
            del os.environ["CLUSTER_DECLARE_HOME"]
        else:
            os.environ["CLUSTER_DECLARE_HOME"] = old


@pytest.fixture(scope="session")
def template_home(tmp_path_factory):
    """An office certificate and the cached stamp font, made once per session."""
    from core.package.stamp import stamp_font, stamp_text

    home = tmp_path_factory.mktemp("office-home")
    identity = make_identity(home)
    old = os.environ.get("CLUSTER_DECLARE_HOME")
    os.environ["CLUSTER_DECLARE_HOME"] = str(home)
    try:
        stamp_font(stamp_text(identity.info.office, identity.info.fingerprint))
    finally:
        os.environ["CLUSTER_DECLARE_HOME"] = old or ""
        if old is None:
            del os.environ["CLUSTER_DECLARE_HOME"]
    return home


@pytest.fixture
def identity(template_home, _isolated_home):
    shutil.copytree(template_home, _isolated_home, dirs_exist_ok=True)
    return cert.unlock(PASSPHRASE)


@pytest.fixture
def other_identity(tmp_path_factory):
    return make_identity(tmp_path_factory.mktemp("other-office"), "某某伪造单位")


@pytest.fixture
def scans(tmp_path):
    from PIL import Image

    decl = tmp_path / "scan-declaration.pdf"
    tiny_render_page(decl, "declaration scan")
    rec = tmp_path / "scan-recommendation.png"
    Image.new("RGB", (40, 30), "white").save(rec)
    return decl, rec


def tiny_render_page(path: Path, text: str) -> None:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.drawString(72, 720, text)
    c.save()


@pytest.fixture
def package(tmp_path, sample_app, identity, scans):
    """The sample application exported with its evidence and both scans."""
    out = tmp_path / "out" / "package.zip"
    options = ExportOptions(declaration_scan=scans[0], recommendation_scan=scans[1])
    export_package(sample_app, out, identity, options, evidence=FolderEvidence(SAMPLES), render=tiny_render,
                   xlsx=None)
    return out


@pytest.fixture
def trust_file(tmp_path, identity):
    return cert.export_public_certificate(tmp_path / "office.pem")


def rewrite_zip(src: Path, dest: Path, *, change=None, drop=(), add=None, rename=None) -> None:
    """Copy a package member by member, changing one member's content, dropping or adding some."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w") as zout:
        for info in zin.infolist():
            if info.filename in drop:
                continue
            data = zin.read(info.filename)
            if change and info.filename in change:
                data = change[info.filename](data)
            name = (rename or {}).get(info.filename, info.filename)
            new = zipfile.ZipInfo(name, date_time=info.date_time)
            new.compress_type = info.compress_type
            new.external_attr = info.external_attr
            zout.writestr(new, data)
        for name, data in (add or {}).items():
            zout.writestr(name, data)


def flip(data: bytes, at: int | None = None) -> bytes:
    i = len(data) // 2 if at is None else at
    return data[:i] + bytes([data[i] ^ 0x01]) + data[i + 1:]


@pytest.fixture(scope="session")
def hsm(tmp_path_factory):
    """One SoftHSM2 for the session (the library reads its configuration once per process)."""
    from tests.package.pki import SoftHSM, make_chain

    h = SoftHSM(tmp_path_factory.mktemp("softhsm"))
    h.chains = {}
    for token, office, kind in (("office-rsa", OFFICE_RSA, "rsa"), ("office-ec", OFFICE_EC, "ec"),
                                ("wrong-pin", OFFICE_EC, "ec"), ("pulled-out", OFFICE_EC, "ec")):
        h.init_token(token)
        chain = make_chain(office, key=kind)
        h.put(token, chain.office_key, chain.office, "sign", "01", extra_certs=[chain.intermediate])
        h.chains[token] = chain
    return h
