"""``export``, ``verify`` and ``cert``: the signed submission package and the office certificate."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.cli.appsource import add_app_argument, load_app_arg
from core.messages import package as M

PASSPHRASE_HELP = "证书密码从终端输入，或取自环境变量 CLUSTER_DECLARE_CERT_PASSPHRASE（脚本使用）"


def register(sub, common) -> None:
    p = sub.add_parser("export", parents=[common.db], help="导出带数字签名的报送包（zip）",
                       description="导出报送包：申报数据、已签名的申报表 PDF、真实性声明、Excel、签章扫描件、佐证材料"
                                   "和签名清单。" + PASSPHRASE_HELP + "。")
    add_app_argument(p)
    p.add_argument("-o", "--output", required=True, metavar="PKG.zip", help="报送包文件")
    p.add_argument("--override-reason", metavar="TEXT", help="仍有错误时坚持报送的理由（写入清单和修改记录）")
    p.add_argument("--declaration-scan", metavar="FILE", help="签字盖章后的真实性声明扫描件（PDF 或图片）")
    p.add_argument("--recommendation-scan", metavar="FILE", help="签字盖章后的推荐意见扫描件（PDF 或图片）")
    p.add_argument("--ack-missing-scans", action="store_true", help="确认暂缺签章扫描件，仍然导出")
    p.add_argument("--office", metavar="NAME",
                   help="首次导出时创建本单位证书所用的单位名称（默认：申报数据中的推荐单位或区中小企业主管部门）")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("verify", help="校验报送包：是否完整、未被改动、由谁签名")
    p.add_argument("package", metavar="PKG.zip", help="报送包文件")
    p.add_argument("--trust", metavar="CERT", action="append",
                   help="信任的签名证书（PEM 或 DER，由报送单位提供；可多次给出）")
    p.add_argument("--format", choices=("text", "json"), default="text", help="输出格式")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("cert", help="本单位证书：查看指纹、导出公钥证书、导入 .p12/.pfx")
    action = p.add_subparsers(dest="cert_action", metavar="操作", required=True)
    a = action.add_parser("show", help="显示本单位证书和 SHA-256 指纹")
    a.set_defaults(func=cmd_cert_show)
    a = action.add_parser("export", help="导出公钥证书，交给接收方用于 verify --trust")
    a.add_argument("-o", "--output", required=True, metavar="FILE", help="输出文件（.pem 或 .cer/.der）")
    a.add_argument("--der", action="store_true", help="DER 二进制格式（默认 PEM）")
    a.set_defaults(func=cmd_cert_export)
    a = action.add_parser("import", help="导入已有的 .p12/.pfx 作为本单位证书（替换现有证书）")
    a.add_argument("file", metavar="FILE.p12", help="PKCS#12 证书文件")
    a.set_defaults(func=cmd_cert_import)
    a = action.add_parser("create", help="创建本单位证书（自签名）")
    a.add_argument("--office", required=True, metavar="NAME", help="单位名称，写入证书")
    a.set_defaults(func=cmd_cert_create)


def cmd_export(args: argparse.Namespace) -> int:
    from core.package import ExportOptions, FolderEvidence, StoreEvidence, export_package
    from core.package.certificate import (
        ensure_identity,
        has_office_certificate,
        passphrase_from_env_or_prompt,
    )
    from core.package.export import office_default

    app = load_app_arg(args)
    options = ExportOptions(
        override_reason=args.override_reason,
        declaration_scan=Path(args.declaration_scan) if args.declaration_scan else None,
        recommendation_scan=Path(args.recommendation_scan) if args.recommendation_scan else None,
        ack_missing_scans=args.ack_missing_scans,
    )
    from core.package import checklist

    refused = checklist(app, options).blocking(options)  # before asking for a passphrase
    if refused:
        raise M.REFUSED.error(reasons=" ".join(refused))
    if not (Path(args.app).suffix.lower() == ".json" or Path(args.app).exists()):
        from core.store import Store

        with Store.open(getattr(args, "db", None)) as store:
            # The export ends by sealing it: refuse now, not after signing, with export's own words.
            if getattr(store, "readonly", False):
                raise M.STORE_READONLY.error(db=store.target.label)
            store.check_writable()  # held by a window, damaged
    creating = not has_office_certificate()
    if creating:
        print("首次导出：将创建本单位证书（请设置证书密码，至少 8 个字符，务必牢记）。", file=sys.stderr)
    identity, created = ensure_identity(passphrase_from_env_or_prompt(confirm=creating),
                                        args.office or office_default(app))
    if created:
        print(f"已创建本单位证书：{identity.info.office}，指纹 {identity.info.fingerprint_display}", file=sys.stderr)
    from_file = Path(args.app).suffix.lower() == ".json" or Path(args.app).exists()
    if from_file:
        result = export_package(app, args.output, identity, options,
                                evidence=FolderEvidence(Path(args.app).resolve().parent))
    else:
        from core.store import Store

        with Store.open(getattr(args, "db", None)) as store:
            result = export_package(app, args.output, identity, options, evidence=StoreEvidence(store),
                                    store=store, app_id=app.uuid)
    m = result.manifest
    print(f"已导出报送包：{result.path}（{len(m['members'])} 个文件，{result.size / 1024 / 1024:.1f} MB）")
    print(f"报送包 SHA-256：{result.sha256}")
    print(f"签名单位：{result.certificate.office}；证书指纹：{result.certificate.fingerprint_display}")
    if m.get("override"):
        print(f"注意：越过 {m['override']['errors']} 项错误报送，理由已写入清单：{m['override']['reason']}")
    if m["scans"]["missing_acknowledged"]:
        print("注意：缺少签章扫描件（已确认）。")
    if result.event is not None:
        print("已记入报送记录（receipts 命令可查看）；申请状态为已导出，修改前须先 reopen 重新打开。")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    import json

    from core.package import verify_package

    result = verify_package(args.package, trust=args.trust)
    from core.desk.verify_outgoing import verify_inner  # an outgoing package: every inner one too

    nested = verify_inner(args.package, result, trust=args.trust)
    code = 1 if nested.exit_code else result.exit_code
    if args.format == "json":
        out = {"ok": result.ok, "intact": result.intact, "trusted": result.trusted, "rejected": result.rejected,
               "first_altered": result.first_altered, "problems": result.problems, "signer": result.signer,
               "fingerprint": result.fingerprint,
               "signed_at": result.signed_at.isoformat() if result.signed_at else None,
               "verdicts": (result.manifest or {}).get("verdicts"), "exit_code": code}
        if nested.listed:
            out["inner"] = nested.to_json()
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print("\n".join(result.lines() + nested.lines()))
    return code


def cmd_cert_show(args: argparse.Namespace) -> int:
    from core.package.certificate import office_certificate_info, p12_path

    info = office_certificate_info()
    if info is None:
        print("还没有本单位证书：首次导出报送包时会创建，或用 cert import 导入 .p12/.pfx。")
        return 1
    print(f"单位：{info.office}")
    print(f"SHA-256 指纹：{info.fingerprint_display}")
    print(f"有效期：{info.not_before:%Y-%m-%d} 至 {info.not_after:%Y-%m-%d}")
    print(f"证书文件：{p12_path()}")
    return 0


def cmd_cert_export(args: argparse.Namespace) -> int:
    from core.package.certificate import export_public_certificate, office_certificate_info

    out = export_public_certificate(args.output, "der" if args.der else "pem")
    info = office_certificate_info()
    print(f"已导出公钥证书：{out}")
    print(f"SHA-256 指纹：{info.fingerprint_display}")
    return 0


def cmd_cert_import(args: argparse.Namespace) -> int:
    import getpass
    import os

    from core.package.certificate import (
        PASSPHRASE_ENV,
        import_office_certificate,
        passphrase_from_env_or_prompt,
    )

    source_pw = os.environ.get("CLUSTER_DECLARE_IMPORT_PASSPHRASE")
    if source_pw is None:
        source_pw = getpass.getpass(f"“{Path(args.file).name}”的密码：") if sys.stdin.isatty() else ""
    if not os.environ.get(PASSPHRASE_ENV):
        print("请设置本程序保存证书用的密码（可与原密码相同）。", file=sys.stderr)
    info = import_office_certificate(args.file, source_pw.encode("utf-8"), passphrase_from_env_or_prompt(confirm=True))
    print(f"已导入本单位证书：{info.office}")
    print(f"SHA-256 指纹：{info.fingerprint_display}")
    return 0


def cmd_cert_create(args: argparse.Namespace) -> int:
    from core.package.certificate import (
        create_office_certificate,
        has_office_certificate,
        passphrase_from_env_or_prompt,
    )

    if has_office_certificate():
        raise M.CERT_EXISTS.error()
    info = create_office_certificate(args.office, passphrase_from_env_or_prompt(confirm=True))
    print(f"已创建本单位证书：{info.office}")
    print(f"SHA-256 指纹：{info.fingerprint_display}")
    return 0
