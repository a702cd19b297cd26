"""Benchmarks of the submission package (issue 7). Prints figures; see docs/package.md.

    .venv/bin/python bench/bench_package.py [--mb 500]

1. Hash + pack N MB of evidence (generated in a temp dir: 70 % incompressible "scans" as .pdf/.jpg,
   30 % compressible text/CSV; deleted afterwards), compared with `sha256sum` over the same files,
   both from a warm page cache. Target: ≥ 0.8× sha256sum's throughput, bounded memory.
2. Export of an application without evidence (target < 2 s) and verify (target < 1 s), in process
   (first call and warm) and as a fresh `cluster-declare` process.
3. Signing identities (issue 19): export signed on a SoftHSM2 token (RSA 2048, ECDSA P-256) against
   the stored file certificate (target: the token adds < 0.5 s), and verify of a package signed by
   a root → intermediate → office chain, warm (target < 0.2 s), with and without a CRL.
   ``--signing-only`` runs just this part (needs softhsm2 and opensc's pkcs11-tool).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSPHRASE = "bench-passphrase"
FILE_MB = 12.5


def generate_evidence(folder: Path, total_mb: int, text_share: int = 30) -> list[Path]:
    rng = random.Random(7)
    words = ["集群", "企业", "产值", "万元", "专利", "证明", "2022", "年度", "主导产业", "营业收入", "统一社会信用代码"]
    count = max(1, int(total_mb / FILE_MB))
    size = int(total_mb * 1024 * 1024 / count)
    files = []
    for i in range(count):
        if (i * text_share) % 100 >= text_share:  # scans: incompressible
            path = folder / f"扫描件{i:03d}{'.pdf' if i % 2 else '.jpg'}"
            with path.open("wb") as fh:
                left = size
                while left:
                    n = min(left, 1 << 20)
                    fh.write(os.urandom(n))
                    left -= n
        else:  # lists and statements: compressible text
            path = folder / f"清单{i:03d}{'.txt' if i % 2 else '.csv'}"
            line_pool = [(",".join(rng.choice(words) + str(rng.randint(0, 99999)) for _ in range(8)) + "\n")
                         .encode("utf-8") for _ in range(4000)]
            with path.open("wb") as fh:
                written = 0
                while written < size:
                    chunk = b"".join(rng.choice(line_pool) for _ in range(2000))[: size - written]
                    fh.write(chunk)
                    written += len(chunk)
        files.append(path)
    return files


def warm(files: list[Path]) -> None:
    for f in files:
        with f.open("rb") as fh:
            while fh.read(1 << 22):
                pass


def time_sha256sum(files: list[Path]) -> float:
    t = time.perf_counter()
    subprocess.run(["sha256sum", *map(str, files)], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def time_pack(files: list[Path], out: Path) -> float:
    from core.package.writer import PackageWriter

    out.unlink(missing_ok=True)
    t = time.perf_counter()
    with zipfile.ZipFile(out, "w", allowZip64=True) as zf:
        writer = PackageWriter(zf)
        for f in files:
            writer.add_file(f"evidence/{f.name}", f, role="evidence")
    return time.perf_counter() - t


def bench_pack_vs_sha256sum(files: list[Path], out: Path, rounds: int) -> tuple[list[float], list[float], int]:
    """Alternate the two so that load from other processes hits both alike; medians are compared."""
    sha, pack = [], []
    for _ in range(rounds):
        sha.append(time_sha256sum(files))
        pack.append(time_pack(files, out))
    return sha, pack, out.stat().st_size


def bench_full_export(files: list[Path], folder: Path, work: Path, identity) -> float:
    """The real export path (rules, PDFs, signatures, evidence hash check) with the generated files."""
    from core.application import read_application_file
    from core.package import ExportOptions, FolderEvidence, export_package
    from core.paths import resource

    app = read_application_file(resource("samples", "sample-application.json"))
    targets = [e["target"] for e in app.evidence]
    evidence = []
    for i, f in enumerate(files):
        digest = hashlib.sha256()
        with f.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                digest.update(chunk)
        evidence.append({"target": targets[i % len(targets)], "name": f.name, "sha256": digest.hexdigest(),
                         "size": f.stat().st_size, "file": f.name})
    app.evidence = evidence
    out = work / "full.zip"
    t = time.perf_counter()
    export_package(app, out, identity, ExportOptions(ack_missing_scans=True, override_reason="基准测试"),
                   evidence=FolderEvidence(folder))
    elapsed = time.perf_counter() - t
    out.unlink()
    return elapsed


def bench_export_verify(work: Path) -> dict[str, float]:
    from core.application import read_application_file
    from core.package import ExportOptions, FolderEvidence, export_package, verify_package
    from core.package.certificate import export_public_certificate, unlock
    from core.paths import resource

    app = read_application_file(resource("samples", "sample-application.json"))
    app.evidence = []
    options = ExportOptions(ack_missing_scans=True, override_reason="基准测试：无佐证材料")
    identity = unlock(PASSPHRASE.encode())
    out = work / "noevidence.zip"
    figures = {}
    t = time.perf_counter()
    export_package(app, out, identity, options, evidence=FolderEvidence(work))
    figures["export_first"] = time.perf_counter() - t
    runs = []
    for _ in range(3):
        t = time.perf_counter()
        export_package(app, out, identity, options, evidence=FolderEvidence(work))
        runs.append(time.perf_counter() - t)
    figures["export_warm"] = statistics.median(runs)
    trust = export_public_certificate(work / "office.pem")
    t = time.perf_counter()
    result = verify_package(out, trust=[trust])
    figures["verify_first"] = time.perf_counter() - t
    assert result.ok, result.problems
    runs = []
    for _ in range(3):
        t = time.perf_counter()
        verify_package(out, trust=[trust])
        runs.append(time.perf_counter() - t)
    figures["verify_warm"] = statistics.median(runs)

    app_json = work / "app.json"
    from core.application import write_application_file

    write_application_file(app, app_json)
    cli = [sys.executable, "-m", "core.cli.main"]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    t = time.perf_counter()
    subprocess.run([*cli, "export", str(app_json), "-o", str(work / "cli.zip"), "--ack-missing-scans",
                    "--override-reason", "基准测试"], check=True, env=env, stdout=subprocess.DEVNULL, cwd=ROOT)
    figures["export_cli_process"] = time.perf_counter() - t
    t = time.perf_counter()
    subprocess.run([*cli, "verify", str(work / "cli.zip"), "--trust", str(trust)], check=True, env=env,
                   stdout=subprocess.DEVNULL, cwd=ROOT)
    figures["verify_cli_process"] = time.perf_counter() - t
    return figures


def _median_time(fn, n: int = 5) -> float:
    runs = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def bench_signing(work: Path) -> dict[str, float]:
    from core.application import read_application_file
    from core.package import ExportOptions, FolderEvidence, export_package, trust, verify_package
    from core.package.certificate import import_office_certificate, unlock
    from core.package.token import TokenChoice, open_token
    from core.paths import resource
    from tests.package.pki import USER_PIN, SoftHSM, make_chain, write_p12

    app = read_application_file(resource("samples", "sample-application.json"))
    app.evidence = []
    options = ExportOptions(ack_missing_scans=True, override_reason="基准测试：无佐证材料")
    out = work / "signing.zip"
    hsm = SoftHSM(work / "softhsm")
    chains = {}
    for kind in ("rsa", "ec"):
        hsm.init_token(f"bench-{kind}")
        chains[kind] = make_chain("基准测试区经济委员会", key=kind)
        hsm.put(f"bench-{kind}", chains[kind].office_key, chains[kind].office, "sign", "01",
                extra_certs=[chains[kind].intermediate])

    def export_with(identity):
        return lambda: export_package(app, out, identity, options, evidence=FolderEvidence(work))

    from core.package.signing import sign_detached, sign_pdf

    plain = work / "plain.pdf"
    from core.pdf import render_pdf

    render_pdf(app, plain, page="all")
    manifest = (resource("samples", "sample-application.json")).read_bytes()

    def signing_only(identity):  # the two signatures an export makes, nothing else
        return lambda: (sign_pdf(identity, plain, work / "signed.pdf"), sign_detached(identity, manifest))

    file_identity = unlock(PASSPHRASE.encode())
    export_with(file_identity)()  # imports, fonts
    figures = {"file": _median_time(export_with(file_identity)),
               "sign_file": _median_time(signing_only(file_identity), 9)}
    for kind in ("rsa", "ec"):
        choice = TokenChoice(hsm.module, f"bench-{kind}", "sign")
        t = time.perf_counter()
        identity = open_token(choice, USER_PIN)
        figures[f"open_{kind}"] = time.perf_counter() - t
        try:
            export_with(identity)()
            figures[f"token_{kind}"] = _median_time(export_with(identity))
            figures[f"sign_{kind}"] = _median_time(signing_only(identity), 9)
        finally:
            identity.close()
        # what an official's export costs from PIN to package: log in, sign, log out
        def whole(kind=kind, choice=choice):
            ident = open_token(choice, USER_PIN)
            try:
                export_with(ident)()
            finally:
                ident.close()
        figures[f"token_{kind}_with_login"] = _median_time(whole)

    chain = chains["ec"]
    p12 = write_p12(work / "ca.p12", chain, b"bench-p12")
    import_office_certificate(p12, b"bench-p12", PASSPHRASE.encode())
    export_with(unlock(PASSPHRASE.encode()))()
    files = chain.write(work / "ca")
    trust.add(files["root"])
    crl = work / "ca.crl"
    crl.write_bytes(chain.crl())
    result = verify_package(out)
    assert result.ok and len(result.chain) == 3, result.problems
    figures["verify_chain"] = _median_time(lambda: verify_package(out))
    assert verify_package(out, crl=[crl]).ok
    figures["verify_chain_crl"] = _median_time(lambda: verify_package(out, crl=[crl]))
    return figures


def print_signing(f: dict[str, float]) -> None:
    print("Signing identities (application without evidence, median of 5 warm exports):")
    print(f"  stored file certificate (ECDSA P-256)   {f['file']:.3f} s")
    for kind, label in (("rsa", "RSA 2048"), ("ec", "ECDSA P-256")):
        print(f"  SoftHSM2 UKey, {label:<12}            {f[f'token_{kind}']:.3f} s   adds "
              f"{f[f'token_{kind}'] - f['file']:+.3f} s (target < 0.5 s); log in {f[f'open_{kind}']:.3f} s; "
              f"with log in/out {f[f'token_{kind}_with_login']:.3f} s")
    print("  the two signatures alone (PAdES on the form + manifest CMS), median of 9:")
    print(f"    stored file certificate {f['sign_file']:.3f} s; SoftHSM2 RSA 2048 {f['sign_rsa']:.3f} s "
          f"({f['sign_rsa'] - f['sign_file']:+.3f} s); SoftHSM2 ECDSA P-256 {f['sign_ec']:.3f} s "
          f"({f['sign_ec'] - f['sign_file']:+.3f} s)")
    print(f"  verify, root → intermediate → office, warm     {f['verify_chain']:.3f} s   (target < 0.2 s)")
    print(f"  verify, the same with a CRL, warm              {f['verify_chain_crl']:.3f} s")
    print(f"  (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=int, default=500, help="evidence size in MB (default 500)")
    parser.add_argument("--text-share", type=int, default=30,
                        help="percent of the evidence (by size) that is compressible text (default 30)")
    parser.add_argument("--rounds", type=int, default=5, help="alternating sha256sum / pack rounds (default 5)")
    parser.add_argument("--signing-only", action="store_true", help="only the signing identities (part 3)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-package-") as tmp:
        work = Path(tmp)
        os.environ["CLUSTER_DECLARE_HOME"] = str(work / "home")
        os.environ["CLUSTER_DECLARE_CERT_PASSPHRASE"] = PASSPHRASE
        from core.package.certificate import create_office_certificate, unlock

        create_office_certificate("基准测试区经济委员会", PASSPHRASE.encode())
        if args.signing_only:
            print_signing(bench_signing(work))
            return 0
        figures = bench_export_verify(work)
        print("Export / verify, application without evidence (sample data):")
        print(f"  export, first in process   {figures['export_first']:.2f} s   (target < 2 s)")
        print(f"  export, warm (median of 3) {figures['export_warm']:.2f} s")
        print(f"  export, fresh CLI process  {figures['export_cli_process']:.2f} s")
        print(f"  verify, first in process   {figures['verify_first']:.2f} s   (target < 1 s)")
        print(f"  verify, warm (median of 3) {figures['verify_warm']:.3f} s")
        print(f"  verify, fresh CLI process  {figures['verify_cli_process']:.2f} s")

        evidence = work / "evidence"
        evidence.mkdir()
        t = time.perf_counter()
        files = generate_evidence(evidence, args.mb, args.text_share)
        total = sum(f.stat().st_size for f in files)
        texts = sum(f.stat().st_size for f in files if f.suffix in (".txt", ".csv"))
        print(f"\nGenerated {len(files)} evidence files, {total / 1e6:.0f} MB ({100 * texts / total:.0f} % text, "
              f"the rest incompressible scans), in {time.perf_counter() - t:.1f} s")
        warm(files)
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        sha_runs, pack_runs, zip_size = bench_pack_vs_sha256sum(files, work / "pack.zip", args.rounds)
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        (work / "pack.zip").unlink()
        sha_time, pack_time = statistics.median(sha_runs), statistics.median(pack_runs)
        sha_rate, pack_rate = total / sha_time / 1e6, total / pack_time / 1e6
        print(f"  sha256sum            {sha_time:.2f} s  {sha_rate:7.0f} MB/s   (runs: "
              + " ".join(f"{x:.2f}" for x in sha_runs) + ")")
        print(f"  hash + pack (zip)    {pack_time:.2f} s  {pack_rate:7.0f} MB/s   (runs: "
              + " ".join(f"{x:.2f}" for x in pack_runs) + ")")
        print(f"  ratio {pack_rate / sha_rate:.2f}× sha256sum (target ≥ 0.8×); zip {zip_size / 1e6:.0f} MB "
              f"(text deflated, scans stored); load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        print(f"  peak RSS growth while packing: {(rss_after - rss_before) / 1024:.0f} MB")
        identity = unlock(PASSPHRASE.encode())
        full = bench_full_export(files, evidence, work, identity)
        print(f"  full export with this evidence (rules, PDFs, signatures, hash checks): {full:.2f} s"
              f"  ({total / full / 1e6:.0f} MB/s)")
        shutil.rmtree(evidence)
        print()
        print_signing(bench_signing(work))
    print("Temporary files deleted.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
