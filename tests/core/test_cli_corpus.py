"""Every command over every hostile input of tests/corpus: a Chinese message, the expected exit
code, never a traceback, and nothing half-written (the database unchanged, no output file, no
temporary file left behind).

The commands of the corpus run in one subprocess (tests/corpus/driver.py calls the CLI's ``main``
once per command: the program is imported once, which keeps the whole corpus to a few seconds).
What only a real process shows -- the exit status, the interpreter's final flush of stdout, the
signal a full disk raises -- is tested with one real ``cluster-declare`` process per case, run in
parallel.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
CASES = json.loads((CORPUS / "cases.json").read_text(encoding="utf-8"))
SAMPLE = ROOT / "resources" / "samples" / "sample-application.json"
SAMPLE_ID = json.loads(SAMPLE.read_text(encoding="utf-8"))["uuid"]
CORPUS_APP_ID = "c0ffee00c0ffee00c0ffee00c0ffee00"  # the uuid build.py gives every corpus document
PASSPHRASE = "corpus-passphrase-1"
CHINESE = re.compile(r"[\u4e00-\u9fff]")


# -- helpers ----------------------------------------------------------------------------------

def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLUSTER_DECLARE")}
    env.update(CLUSTER_DECLARE_HOME=str(home), CLUSTER_DECLARE_CERT_PASSPHRASE=PASSPHRASE,
               PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    return env


def _drive(plan: list[list[str]], work: Path, env: dict[str, str]) -> list[dict]:
    plan_file, results_file = work / "plan.json", work / "results.json"
    plan_file.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run([sys.executable, str(CORPUS / "driver.py"), str(plan_file), str(results_file)],
                          env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return json.loads(results_file.read_text(encoding="utf-8"))


def _digest(db: Path) -> str:
    """The database's content (not its bytes: a read may rewrite the WAL index)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


def _copy_db(src: Path, dest: Path) -> Path:
    with sqlite3.connect(src) as a, sqlite3.connect(dest) as b:
        a.backup(b)
    a.close()
    b.close()
    return dest


def _well_behaved(r: dict) -> None:
    """What holds for every command on every input."""
    where = " ".join(r["argv"])
    assert r["code"] in (0, 1, 2), f"{where}: exit {r['code']}\n{r['stderr']}"
    assert "Traceback" not in r["stderr"], f"{where}:\n{r['stderr']}"
    if r["code"]:
        assert CHINESE.search(r["stderr"] + r["stdout"]), f"{where}: no Chinese message\n{r['stderr']}"


def _message(r: dict) -> str:
    return r["stderr"] + r["stdout"]


# -- the corpus run ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    work = tmp_path_factory.mktemp("corpus")
    corpus = work / "corpus"
    shutil.copytree(CORPUS, corpus)  # opening a file as a database may write into it: never the originals
    env = _env(work / "home")
    seed = work / "seed.sqlite"
    seeding = _drive([["cert", "create", "--office", "语料测试办"],
                      ["import", str(SAMPLE), "--db", str(seed)],
                      ["pdf", SAMPLE_ID, "--db", str(seed), "-o", str(work / "sample.pdf")],
                      ["export", str(SAMPLE), "-o", str(work / "sample.zip"), "--ack-missing-scans"]], work, env)
    for r in seeding:
        assert r["code"] == 0, r
    seed_digest = _digest(seed)

    plan: list[list[str]] = []
    dbs: dict[str, Path] = {}  # case → its own copy of the seeded database
    outs: dict[str, Path] = {}  # case → the folder its commands write into

    def case(name: str) -> tuple[str, Path]:
        dbs[name] = _copy_db(seed, work / f"{name}.sqlite")
        outs[name] = work / f"out-{name}"
        outs[name].mkdir()
        return str(dbs[name]), outs[name]

    for name, expect in CASES["applications"].items():
        db, out = case(f"app-{name}")
        app = str(corpus / "app" / f"{name}.json")
        plan += [["check", app], ["check", app, "--format", "json"],
                 ["pdf", app, "-o", str(out / "a.pdf")], ["xlsx-export", app, "-o", str(out / "a.xlsx")],
                 ["export", app, "-o", str(out / "a.zip"), "--ack-missing-scans"],
                 ["import", app, "--db", db]]
        if "accepted" in expect:  # then every command of the stored application, too
            plan += [["check", CORPUS_APP_ID, "--db", db], ["history", CORPUS_APP_ID, "--db", db],
                     ["pdf", CORPUS_APP_ID, "--db", db, "-o", str(out / "stored.pdf")],
                     ["xlsx-export", CORPUS_APP_ID, "--db", db, "-o", str(out / "stored.xlsx")],
                     ["export", CORPUS_APP_ID, "--db", db, "-o", str(out / "stored.zip"), "--ack-missing-scans"]]
    for name in CASES["workbooks"]:
        db, out = case(f"xlsx-{name}")
        book = str(corpus / "xlsx" / name)
        plan += [["xlsx-import", book, "--into", SAMPLE_ID, "--db", db, "--yes"],
                 ["xlsx-import", book, "-o", str(out / "new.json")],
                 ["list-import", book, "--list", "enterprises", SAMPLE_ID, "--db", db, "--yes"]]
    for name in CASES["packages"]:
        plan.append(["verify", str(corpus / "pkg" / name)])
    for name in CASES["backups"]:
        db, _ = case(f"backup-{name}")
        plan.append(["restore", str(corpus / "db" / name), "--db", db])
    for url in CASES["databases"]:
        db, out = case(f"url-{len(plan)}")
        ref = url.format(tmp=work, corpus=corpus)
        plan += [["list", "--db", ref], ["import", str(SAMPLE), "--db", ref],
                 ["export", SAMPLE_ID, "--db", ref, "-o", str(out / "p.zip"), "--ack-missing-scans"]]
    # A database opened read-only (SQLite URI): nothing may be written, and no package made.
    db, out = case("readonly")
    ro = f"file:{db}?mode=ro"
    plan += [["list", "--db", ro], ["export", SAMPLE_ID, "--db", ro, "-o", str(out / "p.zip"), "--ack-missing-scans"],
             ["import", str(corpus / "app" / "number-1e300.json"), "--db", ro],
             ["restore", str(seed), "--db", ro]]

    # Output onto a FIFO (as onto /dev/full): an atomic write must not replace the node with a file.
    db, out = case("special")
    fifo = out / "fifo"
    os.mkfifo(fifo)
    plan += [["new", "--rules", "SH-2023", "-o", str(fifo)], ["pdf", str(SAMPLE), "-o", str(fifo)],
             ["xlsx-export", str(SAMPLE), "-o", str(fifo)], ["export", str(SAMPLE), "-o", str(fifo), "--ack-missing-scans"],
             ["backup", "--db", db, str(fifo)], ["cert", "export", "-o", str(fifo)],
             ["export-json", SAMPLE_ID, "--db", db, "-o", str(fifo)]]

    results = _drive(plan, work, env)
    by_argv = {tuple(r["argv"]): r for r in results}
    return {"work": work, "corpus": corpus, "results": results, "by_argv": by_argv, "dbs": dbs, "outs": outs,
            "seed_digest": seed_digest, "package": work / "sample.zip", "pdf": work / "sample.pdf",
            "seed": seed, "env": env}


def _results(run: dict, *needles: str) -> list[dict]:
    return [r for r in run["results"] if all(any(n in a for a in r["argv"]) for n in needles)]


def test_every_command_on_every_input_is_well_behaved(corpus_run):
    assert len(corpus_run["results"]) > 300
    for r in corpus_run["results"]:
        _well_behaved(r)


@pytest.mark.parametrize("name", sorted(CASES["applications"]))
def test_application_documents(corpus_run, name):
    expect = CASES["applications"][name]
    results = _results(corpus_run, f"/app/{name}.json") + _results(corpus_run, f"app-{name}.sqlite")
    assert len(results) >= 6
    unchanged = _digest(corpus_run["dbs"][f"app-{name}"]) == corpus_run["seed_digest"]
    if "refused" in expect:
        # check, pdf, xlsx-export, export and import refuse the same document with the same message
        for r in results:
            assert r["code"] == 2, r
            assert expect["refused"] in r["stderr"], r["stderr"]
        assert unchanged, "a refused import changed the database"
        assert list(corpus_run["outs"][f"app-{name}"].iterdir()) == [], "a refused command left a file"
        return
    codes = {r["argv"][0] + (" stored" if CORPUS_APP_ID in r["argv"] else ""): r for r in results}
    assert codes["check"]["code"] == 1 and expect["accepted"] in codes["check"]["stdout"]
    assert codes["import"]["code"] == 0 and not unchanged
    assert codes["check stored"]["code"] == 1 and expect["accepted"] in codes["check stored"]["stdout"]
    for command in ("pdf", "xlsx-export", "pdf stored", "xlsx-export stored", "history stored"):
        assert codes[command]["code"] == 0, codes[command]
    for command in ("export", "export stored"):  # refused by the rules (errors left), in Chinese
        assert codes[command]["code"] == 2 and "未导出报送包" in codes[command]["stderr"]
    assert sorted(p.name for p in corpus_run["outs"][f"app-{name}"].iterdir()) == [
        "a.pdf", "a.xlsx", "stored.pdf", "stored.xlsx"]


@pytest.mark.parametrize("name", sorted(CASES["workbooks"]))
def test_workbooks(corpus_run, name):
    expect = CASES["workbooks"][name]
    results = _results(corpus_run, f"/xlsx/{name}")
    assert [r["argv"][0] for r in results] == ["xlsx-import", "xlsx-import", "list-import"]
    for r in results:
        assert r["code"] == 2, r
        assert expect[r["argv"][0]] in r["stderr"], r["stderr"]
    assert _digest(corpus_run["dbs"][f"xlsx-{name}"]) == corpus_run["seed_digest"]
    assert list(corpus_run["outs"][f"xlsx-{name}"].iterdir()) == []


@pytest.mark.parametrize("name", sorted(CASES["packages"]))
def test_packages(corpus_run, name):
    expect = CASES["packages"][name]
    (r,) = _results(corpus_run, f"/pkg/{name}")
    assert r["code"] == expect["exit"], r
    assert expect["message"] in _message(r)


@pytest.mark.parametrize("name", sorted(CASES["backups"]))
def test_restore_from_bad_backups(corpus_run, name):
    (r,) = _results(corpus_run, f"/db/{name}", f"backup-{name}.sqlite")
    assert r["code"] == 2 and CASES["backups"][name] in r["stderr"], r
    db = corpus_run["dbs"][f"backup-{name}"]
    assert _digest(db) == corpus_run["seed_digest"]
    assert not list(db.parent.glob(f"{db.stem}.before-restore-*")), "a refused restore made a safety copy"


@pytest.mark.parametrize("url", sorted(CASES["databases"]))
def test_database_references(corpus_run, url):
    ref = url.format(tmp=corpus_run["work"], corpus=corpus_run["corpus"])
    results = [r for r in corpus_run["results"] if "--db" in r["argv"] and r["argv"][r["argv"].index("--db") + 1] == ref]
    assert [r["argv"][0] for r in results] == ["list", "import", "export"]
    for r in results:
        assert r["code"] == 2, r
        assert CASES["databases"][url] in r["stderr"], r["stderr"]
        assert "secret" not in r["stderr"]  # a password in a URL is never shown


def test_a_read_only_database_is_never_written(corpus_run):
    db = corpus_run["dbs"]["readonly"]
    ro = f"file:{db}?mode=ro"
    results = [r for r in corpus_run["results"] if ro in r["argv"]]
    listing, export, imported, restore = results
    assert listing["code"] == 0 and "上海市闵行区智能传感器产业集群" in listing["stdout"]
    assert export["code"] == 2 and f"数据库“{db}”是只读的，无法记录这次导出，因此没有导出报送包" in export["stderr"]
    assert imported["code"] == 2 and "只读" in imported["stderr"]
    assert restore["code"] == 2 and "只读" in restore["stderr"]
    assert list(corpus_run["outs"]["readonly"].iterdir()) == []
    assert _digest(db) == corpus_run["seed_digest"]
    assert not list(db.parent.glob(f"{db.stem}.before-restore-*"))


def test_a_device_or_pipe_as_output_file_is_refused_not_replaced(corpus_run):
    out = corpus_run["outs"]["special"]
    fifo = out / "fifo"
    results = [r for r in corpus_run["results"] if str(fifo) in r["argv"]]
    assert len(results) == 7
    for r in results:
        assert r["code"] == 2, r
        assert f"{fifo}" in r["stderr"] and "这不是普通文件（是设备或管道）" in r["stderr"], r["stderr"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode), "the pipe was replaced by a regular file"
    assert [p.name for p in out.iterdir()] == ["fifo"]  # no evidence folder, no temporary file


# -- real processes: closed pipes, full devices, full disks ----------------------------------------

def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "core.cli.main", *args]


def _output_commands(run: dict) -> dict[str, list[str]]:
    db = str(run["seed"])
    return {"rules": _cli("rules"), "check": _cli("check", str(SAMPLE)),
            "check-json": _cli("check", str(SAMPLE), "--format", "json"),
            "verify": _cli("verify", str(run["package"])), "history": _cli("history", SAMPLE_ID, "--db", db),
            "list": _cli("list", "--db", db)}


def test_output_into_a_closed_pipe_ends_quietly(corpus_run):
    """``check … | head -1`` once head has gone: no traceback, no "Exception ignored", exit 141."""
    procs = {}
    for name, argv in _output_commands(corpus_run).items():
        read, write = os.pipe()
        os.close(read)  # the reader is gone before the first byte is written
        procs[name] = subprocess.Popen(argv, stdout=write, stderr=subprocess.PIPE, env=corpus_run["env"],
                                       cwd=ROOT, text=True)
        os.close(write)
    for name, proc in procs.items():
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 141, (name, proc.returncode, err)
        assert err == "", (name, err)


def test_output_onto_a_full_device_is_a_chinese_error(corpus_run):
    procs = {}
    for name, argv in _output_commands(corpus_run).items():
        with open("/dev/full", "w") as full:
            procs[name] = subprocess.Popen(argv, stdout=full, stderr=subprocess.PIPE, env=corpus_run["env"],
                                           cwd=ROOT, text=True)
    for name, proc in procs.items():
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 2, (name, proc.returncode, err)
        assert err.strip() == "错误：无法写出命令的输出（标准输出）：磁盘空间不足", (name, err)


# The file-size limit makes every write past ``limit`` bytes fail with EFBIG, as a full disk does.
_LIMITED = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from core.cli.main import main
sys.exit(main(sys.argv[2:]))
"""


def test_a_full_disk_names_the_file_and_leaves_nothing_behind(corpus_run, tmp_path):
    work = corpus_run["work"]
    db = _copy_db(corpus_run["seed"], tmp_path / "disk.sqlite")
    before = _digest(db)
    out = tmp_path / "out"
    out.mkdir()
    old_package = out / "p.zip"  # an earlier package of the same name survives a failed export
    old_package.write_bytes(b"the package exported yesterday")
    package_size = corpus_run["package"].stat().st_size
    # Large enough for the database's WAL index (32 kB) and the package's PDFs, too small for the
    # file each command writes.
    jobs = {
        "export": (package_size - 2000, ["export", SAMPLE_ID, "--db", str(db), "-o", str(out / "p.zip"),
                                         "--ack-missing-scans"], "无法写入报送包“%s”" % (out / "p.zip")),
        "backup": (60_000, ["backup", "--db", str(db), str(out / "b.sqlite")], "无法写入备份“%s”" % (out / "b.sqlite")),
        "pdf": (corpus_run["pdf"].stat().st_size // 2, ["pdf", str(SAMPLE), "-o", str(out / "a.pdf")],
                "无法写入文件 %s" % (out / "a.pdf")),
        "xlsx-export": (40_000, ["xlsx-export", str(SAMPLE), "-o", str(out / "a.xlsx")],
                        "无法写入文件 %s" % (out / "a.xlsx")),
        "new": (100, ["new", "--rules", "SH-2023", "-o", str(out / "n.json")], "无法写入文件 %s" % (out / "n.json")),
        "template": (20_000, ["xlsx-template", "--rules", "SH-2023", "-o", str(out / "t.xlsx")],
                     "无法写入文件 %s" % (out / "t.xlsx")),
        "template-early": (5_000, ["xlsx-template", "--rules", "SH-2023", "-o", str(out / "t5.xlsx")],
                           "无法写入文件 %s" % (out / "t5.xlsx")),
        "cert": (100, ["cert", "export", "-o", str(out / "c.pem")], "无法写入证书文件“%s”" % (out / "c.pem")),
    }
    procs = {name: subprocess.Popen([sys.executable, "-c", _LIMITED, str(limit), *argv], cwd=work,
                                    env=corpus_run["env"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for name, (limit, argv, _) in jobs.items()}
    for name, proc in procs.items():
        stdout, err = proc.communicate(timeout=300)
        assert proc.returncode == 2, (name, stdout, err)
        assert "Traceback" not in err and "Exception ignored" not in err, (name, err)
        assert jobs[name][2] in err, (name, err)
        assert "已导出" not in stdout and "已备份" not in stdout and "已生成" not in stdout, (name, stdout)
    assert list(out.iterdir()) == [old_package], "a failed write left a file or a temporary file behind"
    assert old_package.read_bytes() == b"the package exported yesterday"
    assert _digest(db) == before, "the failed export was recorded (or the status changed)"
