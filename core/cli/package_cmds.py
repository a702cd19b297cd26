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
    add_token_arguments(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("verify", help="校验报送包：是否完整、未被改动、由谁签名")
    p.add_argument("package", metavar="PKG.zip", help="报送包文件")
    p.add_argument("--trust", metavar="CERT", action="append",
                   help="信任的签名证书或 CA 证书（PEM 或 DER，由报送单位或发证机构提供；可多次给出）。"
                        "信任列表（trust add）中的 CA 总是计入")
    p.add_argument("--crl", metavar="FILE", action="append", help="离线的证书吊销列表（CRL，PEM 或 DER；可多次给出）")
    p.add_argument("--no-trust-store", action="store_true", help="不使用信任列表，只信任 --trust 给出的证书")
    p.add_argument("--format", choices=("text", "json"), default="text", help="输出格式")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("trust", help="接收方的信任列表：导入一次 CA 根证书和中级证书，此后 verify 自动校验证书链")
    action = p.add_subparsers(dest="trust_action", metavar="操作", required=True)
    a = action.add_parser("add", help="把 CA 证书加入信任列表（PEM 文件可含多张）")
    a.add_argument("files", nargs="+", metavar="CERT", help="CA 根证书或中级证书（PEM 或 DER）")
    a.set_defaults(func=cmd_trust_add)
    a = action.add_parser("list", help="列出信任列表中的证书")
    a.set_defaults(func=cmd_trust_list)
    a = action.add_parser("remove", help="从信任列表中移除证书")
    a.add_argument("fingerprint", metavar="FINGERPRINT", help="证书 SHA-256 指纹的开头几位（见 trust list）")
    a.set_defaults(func=cmd_trust_remove)

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
    a = action.add_parser("tokens", help="列出 UKey 中的证书（不需要 PIN 码）")
    a.add_argument("--pkcs11-module", metavar="MODULE", help="UKey 的 PKCS#11 驱动（.so/.dll；默认：上次使用的）")
    a.add_argument("--token", metavar="LABEL", help="只看这个名称（标签）的 UKey")
    a.set_defaults(func=cmd_cert_tokens)
    a = action.add_parser("import-sm2", help="导入国密 SM2 证书（.p12/.pfx）：此后清单另加 SM2/SM3 签名")
    a.add_argument("file", metavar="FILE.p12", help="SM2 的 PKCS#12 证书文件")
    a.set_defaults(func=cmd_cert_import_sm2)
    a = action.add_parser("sm2-remove", help="移除国密 SM2 证书（此后不再加 SM2 签名）")
    a.set_defaults(func=cmd_cert_sm2_remove)
    a = action.add_parser("create", help="创建本单位证书（自签名）")
    a.add_argument("--office", required=True, metavar="NAME", help="单位名称，写入证书")
    a.set_defaults(func=cmd_cert_create)


def add_token_arguments(p) -> None:
    g = p.add_argument_group("用 UKey 签名（PKCS#11）")
    g.add_argument("--ukey", action="store_true", help="用上次选定的 UKey 签名（驱动和证书已记住）")
    g.add_argument("--pkcs11-module", metavar="MODULE",
                   help="UKey 厂商的 PKCS#11 驱动文件（.so/.dll）；给出即用 UKey 签名，并记住供下次 --ukey 使用")
    g.add_argument("--token", metavar="LABEL", help="UKey 的名称（标签）；只插一个 UKey 时可省略")
    g.add_argument("--token-cert", metavar="LABEL", help="UKey 中签名证书的标签；只有一张签名证书时可省略")
    g.add_argument("--pin-file", metavar="FILE",
                   help="从文件第一行读取 PIN 码（脚本使用；否则取环境变量 CLUSTER_DECLARE_TOKEN_PIN，或在终端输入，不回显）")


def token_choice(args: argparse.Namespace):
    """The UKey the command line names, the remembered one for ``--ukey``, or None (the stored file)."""
    from core.package.token import TokenChoice, remembered_choice

    if args.pkcs11_module:
        return TokenChoice(module=args.pkcs11_module, token=args.token or "", label=args.token_cert or "")
    if args.ukey:
        choice = remembered_choice()
        if choice is None:
            raise M.TOKEN_MODULE_MISSING.error(module="（尚未选定）", reason="请先用 --pkcs11-module 指定 UKey 驱动")
        if args.token or args.token_cert:
            choice = TokenChoice(choice.module, args.token or choice.token, args.token_cert or choice.label)
        return choice
    return None


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
    choice = token_choice(args)
    if choice is not None:
        from core.package.token import open_token, pin_from, remember_choice

        identity = open_token(choice, pin_from(args.pin_file))  # the PIN goes to the token only
    else:
        creating = not has_office_certificate()
        if creating:
            print("首次导出：将创建本单位证书（请设置证书密码，至少 8 个字符，务必牢记）。", file=sys.stderr)
        identity, created = ensure_identity(passphrase_from_env_or_prompt(confirm=creating),
                                            args.office or office_default(app))
        if created:
            print(f"已创建本单位证书：{identity.info.office}，指纹 {identity.info.fingerprint_display}", file=sys.stderr)
    from_file = Path(args.app).suffix.lower() == ".json" or Path(args.app).exists()
    try:
        if from_file:
            result = export_package(app, args.output, identity, options,
                                    evidence=FolderEvidence(Path(args.app).resolve().parent))
        else:
            from core.store import Store

            with Store.open(getattr(args, "db", None)) as store:
                result = export_package(app, args.output, identity, options, evidence=StoreEvidence(store),
                                        store=store, app_id=app.uuid)
    finally:
        identity.close()
    if choice is not None:
        remember_choice(choice)
    m = result.manifest
    print(f"已导出报送包：{result.path}（{len(m['members'])} 个文件，{result.size / 1024 / 1024:.1f} MB）")
    print(f"报送包 SHA-256：{result.sha256}")
    print(f"签名：{identity.kind_label}；签发者：{result.certificate.issuer}")
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

    checks = {"crl": args.crl, "trust_store": not args.no_trust_store}
    result = verify_package(args.package, trust=args.trust, **checks)
    from core.desk.verify_outgoing import verify_inner  # an outgoing package: every inner one too

    nested = verify_inner(args.package, result, trust=args.trust, **checks)
    code = 1 if nested.exit_code else result.exit_code
    if args.format == "json":
        out = {"ok": result.ok, "intact": result.intact, "trusted": result.trusted, "rejected": result.rejected,
               "first_altered": result.first_altered, "problems": result.problems, "signer": result.signer,
               "fingerprint": result.fingerprint, "issuer": result.issuer,
               "chain": [{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in c.items()
                          if k != "serial"} for c in result.chain],
               "checks": result.checks,
               "signed_at": result.signed_at.isoformat() if result.signed_at else None,
               "verdicts": (result.manifest or {}).get("verdicts"), "exit_code": code}
        manifest = result.manifest or {}
        out["kind"] = manifest.get("kind") or "application"  # older packages carry no kind: applications
        if manifest.get("annual") is not None:
            out["annual"] = manifest["annual"]
        if nested.listed:
            out["inner"] = nested.to_json()
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print("\n".join(result.lines() + nested.lines()))
    return code


def _print_ca(info) -> None:
    print(f"{info.subject}（签发者：{info.issuer}；{info.not_before:%Y-%m-%d} 至 {info.not_after:%Y-%m-%d}）")
    print(f"  SHA-256 指纹：{info.fingerprint_display}")


def cmd_trust_add(args: argparse.Namespace) -> int:
    from core.package import trust

    for f in args.files:
        for info in trust.add(f):
            print("已加入信任列表：", end="")
            _print_ca(info)
    return 0


def cmd_trust_list(args: argparse.Namespace) -> int:
    from core.package import trust

    infos = trust.listed()
    if not infos:
        print("信任列表为空：用 trust add 导入发证机构（CA）的根证书。")
        return 0
    for info in infos:
        _print_ca(info)
    return 0


def cmd_trust_remove(args: argparse.Namespace) -> int:
    from core.package import trust

    info = trust.remove(args.fingerprint)
    print("已从信任列表移除：", end="")
    _print_ca(info)
    return 0


def cmd_cert_show(args: argparse.Namespace) -> int:
    from core.package.certificate import office_certificate_info, p12_path

    info = office_certificate_info()
    if info is None:
        print("还没有本单位证书：首次导出报送包时会创建，或用 cert import 导入 .p12/.pfx。")
        return 1
    print(f"单位：{info.office}")
    print(f"主体：{info.subject}；签发者：{info.issuer}（{'自制证书' if info.self_signed else 'CA 签发'}，{info.key_type}）")
    print(f"SHA-256 指纹：{info.fingerprint_display}")
    print(f"有效期：{info.not_before:%Y-%m-%d} 至 {info.not_after:%Y-%m-%d}")
    print(f"证书文件：{p12_path()}")
    from core.package import sm2

    sm2_info = sm2.sm2_info()
    if sm2_info is not None:
        print(f"国密 SM2 证书：{sm2_info.subject}（签发者：{sm2_info.issuer}）；指纹 {sm2_info.fingerprint_display}")
    return 0


def cmd_cert_tokens(args: argparse.Namespace) -> int:
    from core.package.token import certificates_on, remembered_choice

    module = args.pkcs11_module or (remembered_choice().module if remembered_choice() else None)
    if not module:
        raise M.TOKEN_MODULE_MISSING.error(module="（尚未选定）", reason="请用 --pkcs11-module 指定 UKey 驱动")
    certs = certificates_on(module, args.token or "")
    for c in certs:
        usable = c.info.usable_problem()
        print(f"UKey “{c.token}”  证书标签 “{c.label or c.key_id.hex()}”")
        print(f"  主体：{c.info.subject}；签发者：{c.info.issuer}；{c.info.key_type}")
        print(f"  有效期：{c.info.not_before:%Y-%m-%d} 至 {c.info.not_after:%Y-%m-%d}"
              + (f"；✗ {usable.message}" if usable else ""))
        print(f"  SHA-256 指纹：{c.info.fingerprint_display}")
    if not certs:
        print("UKey 中没有证书。")
    return 0 if certs else 1


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


def cmd_cert_import_sm2(args: argparse.Namespace) -> int:
    import getpass
    import os

    from core.package import sm2
    from core.package.certificate import passphrase_from_env_or_prompt

    source_pw = os.environ.get("CLUSTER_DECLARE_IMPORT_PASSPHRASE")
    if source_pw is None:
        source_pw = getpass.getpass(f"“{Path(args.file).name}”的密码：") if sys.stdin.isatty() else ""
    info = sm2.import_sm2(args.file, source_pw.encode("utf-8"), passphrase_from_env_or_prompt())
    print(f"已导入国密 SM2 证书：{info.office}（签发者：{info.issuer}）")
    print(f"SHA-256 指纹：{info.fingerprint_display}")
    print("此后导出的报送包，清单另加 SM2/SM3 签名；申报表 PDF 仍用本单位证书（ECDSA/RSA）签名。")
    return 0


def cmd_cert_sm2_remove(args: argparse.Namespace) -> int:
    from core.package import sm2

    print("已移除国密 SM2 证书。" if sm2.remove_sm2() else "没有国密 SM2 证书。")
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
