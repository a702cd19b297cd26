"""Damage anywhere in a real .xls, .ods or .xlsx — the OLE2 directory, the BIFF records, the ZIP
entries — ends in a Chinese message or a clean read, never an exception of another kind (the OLE2
directory reader core/xlsx/cfb.py and python-calamine both see the hostile bytes)."""

from __future__ import annotations

import random

import pytest

from core.errors import UserError
from core.xlsx.cfb import CfbError, directory_names
from core.xlsx.list_import import read_list_workbook
from tests.office import convert, needs_soffice

from .helpers import firm, list_workbook

pytestmark = needs_soffice


@pytest.fixture(scope="module")
def originals(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("damage")
    xlsx = list_workbook(tmp / "l.xlsx", [firm(i) for i in range(30)], sheet="集群企业清单")
    (xls,) = convert([xlsx], "xls", tmp / "xls", tmp)
    (ods,) = convert([xlsx], "ods", tmp / "ods", tmp)
    return {"xlsx": xlsx.read_bytes(), "xls": xls.read_bytes(), "ods": ods.read_bytes()}


@pytest.mark.parametrize("fmt", ["xls", "ods", "xlsx"])
def test_random_damage_is_a_message(originals, tmp_path, fmt):
    rnd = random.Random(18)
    good = originals[fmt]
    outcomes = {"read": 0, "refused": 0}
    for n in range(120):
        data = bytearray(good)
        start = rnd.randrange(len(data))
        if n % 3 == 0:  # a burst of garbage
            data[start:start + 64] = bytes(rnd.randrange(256) for _ in range(64))
        elif n % 3 == 1:  # single flipped bytes
            for _ in range(8):
                data[rnd.randrange(len(data))] ^= 0xFF
        else:  # cut off
            data = data[:start]
        path = tmp_path / f"d{n}.{fmt}"
        path.write_bytes(bytes(data))
        try:
            read_list_workbook(path, "enterprises")
            outcomes["read"] += 1
        except UserError as exc:
            assert f"“{path.name}”" in exc.message or "「集群企业清单」" in exc.message, exc.message
            outcomes["refused"] += 1
    assert outcomes["refused"] > 20, outcomes


def test_directory_chain_that_loops_is_refused(originals):
    data = bytearray(originals["xls"])
    first_dir = int.from_bytes(data[0x30:0x34], "little")
    fat_sector = int.from_bytes(data[0x4C:0x50], "little")
    at = (fat_sector + 1) * 512 + first_dir * 4
    data[at:at + 4] = first_dir.to_bytes(4, "little")  # the directory's next sector is itself
    with pytest.raises(CfbError, match="directory chain"):
        directory_names(bytes(data))
    assert "Workbook" in directory_names(originals["xls"])
