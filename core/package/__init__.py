"""Signed submission packages: export one application as a zip, sign it, verify it.

Public API (heavy libraries load inside the functions, so importing this is cheap)::

    from core.package import ExportOptions, checklist, export_package, verify_package
    from core.package import certificate          # the office certificate

See docs/package.md.
"""

from core.package.export import Checklist, ExportOptions, ExportResult, checklist, export_package
from core.package.sources import FolderEvidence, StoreEvidence
from core.package.verify import VerifyResult, verify_package

__all__ = [
    "Checklist", "ExportOptions", "ExportResult", "FolderEvidence", "StoreEvidence", "VerifyResult", "checklist",
    "export_package", "verify_package",
]
