"""`copy ID --campaign YEAR`: the CLI side of 复制为下一年度, against a real SQLite file."""

from __future__ import annotations

import json

from core.cli.main import main
from core.paths import resource
from core.store import Store

SAMPLE = resource("samples", "sample-application.json")
SAMPLE_ID = json.loads(SAMPLE.read_text(encoding="utf-8"))["uuid"]


def test_copy_to_next_campaign_shifts_per_year_figures(capsys, tmp_path):
    db = tmp_path / "copy.sqlite"
    assert main(["import", str(SAMPLE), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["copy", SAMPLE_ID[:8], "--campaign", "2024", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "已复制" in out and "2024年" in out
    with Store.open(str(db)) as store:
        apps = {a.id: a for a in store.list_applications()}
        assert len(apps) == 2
        (new_id,) = set(apps) - {SAMPLE_ID}
        assert new_id in out
        copy, original = store.get(new_id), store.get(SAMPLE_ID)
    assert copy["campaign"] == 2024 and original["campaign"] == 2023
    assert copy["status"] == "draft"
    # 2020–2022 become 2021–2023: the known years keep their figures, the new year starts blank.
    assert original["values"]["industry.output_total"] == {"2020": "41.20", "2021": "46.80", "2022": "53.60"}
    assert copy["values"]["industry.output_total"] == {"2021": "46.80", "2022": "53.60", "2023": None}
    assert copy["name"] == original["name"]  # no year in the name to move


def test_copy_same_year_is_a_named_duplicate(capsys, tmp_path):
    db = tmp_path / "copy.sqlite"
    assert main(["import", str(SAMPLE), "--db", str(db)]) == 0
    assert main(["copy", SAMPLE_ID[:8], "--name", "复制的集群", "--db", str(db)]) == 0
    with Store.open(str(db)) as store:
        names = sorted(a.name for a in store.list_applications())
    assert names == sorted(["复制的集群", "上海市闵行区智能传感器产业集群"])


def test_copy_of_unknown_id_fails_in_chinese(capsys, tmp_path):
    db = tmp_path / "copy.sqlite"
    assert main(["import", str(SAMPLE), "--db", str(db)]) == 0
    capsys.readouterr()
    code = main(["copy", "ffffffff", "--campaign", "2024", "--db", str(db)])
    err = capsys.readouterr().err
    assert code != 0 and err.strip() and any("\u4e00" <= ch <= "\u9fff" for ch in err)
