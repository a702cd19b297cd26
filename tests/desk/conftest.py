"""Fixtures for the desk: real signed packages, application JSON and Excel files of several
clusters, and folders of them with bad ones mixed in."""

from __future__ import annotations

import copy
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from core.application import Application
from core.package import ExportOptions, FolderEvidence, export_package
from core.package import certificate as cert
from core.paths import resource

# The GUI tests' fixtures (the app, a store, the main window, recorded message boxes), shared
# with tests/desktop so the desk's views run in the same real main window.
from tests.desktop.conftest import (  # noqa: E402,F401
    db_file,
    gui_app,
    messages,
    opened,
    own_settings,
    qapp_cls,
    window,
)
from tests.package.conftest import make_identity as package_identity

PASSPHRASE = b"desk-test-passphrase"
SAMPLES = resource("samples")
SAMPLE = json.loads(resource("samples", "sample-application.json").read_text(encoding="utf-8"))
DISTRICTS = ["闵行区", "嘉定区", "松江区", "青浦区", "奉贤区", "宝山区", "浦东新区", "金山区", "崇明区", "静安区"]
INDUSTRIES = ["智能传感器", "新能源汽车零部件", "生物医药", "集成电路设备", "绿色食品", "工业机器人",
              "精细化工", "航空材料", "时尚服饰", "医疗器械", "智能家居", "新材料", "数字印刷", "物流装备",
              "光电子", "海洋装备", "节能环保", "软件信息", "文创设计", "高端仪器"]


def tiny_render(app, out_path, page="all"):
    """Stands in for core.pdf where the test is about the desk, not printing (as tests/package)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(out_path), pagesize=A4)
    c.drawString(72, 760, f"{app.uuid} {page}")
    c.showPage()
    c.save()


def cluster_doc(i: int, *, output_scale: float = 1.0) -> dict:
    """A distinct, valid application document: cluster ``i`` with its own name and figures."""
    doc = copy.deepcopy(SAMPLE)
    district = DISTRICTS[i % len(DISTRICTS)]
    name = f"上海市{district}{INDUSTRIES[i % len(INDUSTRIES)]}产业集群{i:02d}"
    doc["uuid"] = f"{i:032x}"
    doc["name"] = name
    doc["values"]["basic.cluster_name"] = name
    doc["values"]["cover.district"] = district
    doc["values"]["basic.applicant"] = f"{name}促进中心"
    total = doc["values"]["industry.output_total"]
    for year in total:
        total[year] = f"{float(total[year]) * output_scale * (1 + i / 50):.2f}"
    return doc


def make_identity(home: Path, office: str):
    return package_identity(home, office, PASSPHRASE)


def make_package(doc: dict, out: Path, identity) -> Path:
    app = Application.from_json(copy.deepcopy(doc))
    export_package(app, out, identity, ExportOptions(ack_missing_scans=True), evidence=FolderEvidence(SAMPLES),
                   render=tiny_render, xlsx=None)
    return out


def write_json(doc: dict, out: Path) -> Path:
    out.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    return out


def write_excel(doc: dict, out: Path) -> Path:
    from core.xlsx.form_export import export_form

    export_form(Application.from_json(copy.deepcopy(doc)), out)
    return out


@pytest.fixture(scope="session")
def operator_identity(tmp_path_factory):
    """The certificate of an operating body that has the program (signs its packages)."""
    return make_identity(tmp_path_factory.mktemp("operator-home"), "上海闵行智能传感器产业促进中心")


@pytest.fixture(scope="session")
def district_home(tmp_path_factory):
    """The district office's own home (its certificate signs the outgoing package)."""
    home = tmp_path_factory.mktemp("district-home")
    make_identity(home, "上海市闵行区经济委员会")
    return home


@pytest.fixture
def district_identity(district_home, _isolated_home):
    shutil.copytree(district_home, _isolated_home, dirs_exist_ok=True)
    return cert.unlock(PASSPHRASE)


@pytest.fixture(scope="session")
def package_pool(tmp_path_factory, operator_identity):
    """Twelve signed packages of distinct clusters, made once per session (signing is slow)."""
    folder = tmp_path_factory.mktemp("package-pool")
    return [make_package(cluster_doc(i), folder / f"集群{i:02d}.zip", operator_identity) for i in range(12)]


@pytest.fixture(scope="session")
def foreign_package(tmp_path_factory, operator_identity):
    doc = cluster_doc(40)
    doc["rules"], doc["jurisdiction"] = "HN-2023", "HN"
    folder = tmp_path_factory.mktemp("foreign")
    return make_package(doc, folder / "海南集群.zip", operator_identity)


def rewrite_zip(src: Path, dest: Path, change: dict) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename in change:
                data = change[info.filename](data)
            new = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            new.compress_type = info.compress_type
            zout.writestr(new, data)
    return dest


def flip(data: bytes) -> bytes:
    i = len(data) // 2
    return data[:i] + bytes([data[i] ^ 1]) + data[i + 1:]


def old_template(src: Path, dest: Path) -> Path:
    """An Excel workbook made from an older template: its form version is not the program's."""
    from openpyxl import load_workbook

    from core.xlsx.meta import META_SHEET

    wb = load_workbook(src)
    ws = wb[META_SHEET]
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == "form_version":
                ws.cell(row=cell.row, column=cell.column + 1).value = 0
    wb.save(dest)
    return dest


@pytest.fixture
def mixed_folder(tmp_path, package_pool, foreign_package):
    """30 files: 12 packages, 7 application JSON, 4 Excel, and 6 bad ones (tampered, foreign,
    corrupt zip, half-copied, wrong JSON, older Excel template) plus a duplicate."""
    folder = tmp_path / "收件"
    folder.mkdir()
    for p in package_pool:
        shutil.copy(p, folder / p.name)
    for i in range(12, 19):
        write_json(cluster_doc(i), folder / f"申报数据{i:02d}.json")
    for i in range(20, 24):
        write_excel(cluster_doc(i), folder / f"申报表{i:02d}.xlsx")
    bad = folder / "有问题"
    bad.mkdir()
    rewrite_zip(package_pool[0], bad / "被改动.zip", {"application.json": lambda d: d.replace(b"12.80", b"99.80")})
    shutil.copy(foreign_package, bad / foreign_package.name)
    (bad / "损坏.zip").write_bytes(b"PK\x03\x04 this is not really a zip")
    data = package_pool[1].read_bytes()
    (bad / "拷贝一半.zip").write_bytes(data[: len(data) // 2])
    (bad / "格式不对.json").write_text('{"format": "something-else", "values": {}}', encoding="utf-8")
    old_template(folder / "申报表20.xlsx", bad / "旧模板.xlsx")
    shutil.copy(package_pool[2], bad / "重复报送.zip")
    return folder


@pytest.fixture
def register_path(store_url, tmp_path):
    """Where the register lives, on each engine (``engine_name``): a SQLite file (received files
    in the folder beside it) or a fresh PostgreSQL database (received files inside it)."""
    if isinstance(store_url, str):
        return store_url
    path = tmp_path / "desk" / "register.sqlite"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def desk(register_path):
    from core.desk import Desk

    d = Desk.open(register_path)
    yield d
    d.close()
