"""`office-tui asset`, `count` and `dept head` as the issue's "Done when" runs them, on a
fixed clock (Fri 2026-11-27 10:00)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import segno

from tests.cli.helpers import js, ok, refused, run


@pytest.fixture
def db(tmp_path, cli_on_clock) -> Path:
    return tmp_path / "office.db"


def add(db, *args) -> str:
    return ok(db, "asset", "add", *args).strip()


def test_add_transfer_lend_return_dispose_round_trip(db):
    tag = add(db, "--name", "联想台式机", "--value", "4599", "--purchased", "2024-03-15",
              "--life", "5", "--keeper", "张三", "--dept", "财务科", "--location", "3F-301")
    assert tag == "GZ-2026-0001"
    ok(db, "asset", "transfer", tag, "--dept", "办公室", "--keeper", "王五", "--reason", "调动")
    shown = js(db, "asset", "show", tag)
    assert (shown["dept"], shown["keeper"], shown["value"]) == ("办公室", "王五", "4599.00")
    ok(db, "asset", "lend", tag, "--to", "赵六", "--due", "2026-12-04")
    assert js(db, "asset", "show", tag)["status"] == "lent"
    ok(db, "asset", "return", tag)
    assert js(db, "asset", "show", tag)["lent_to"] is None
    ok(db, "asset", "dispose", tag, "--reason", "主板损坏")
    shown = js(db, "asset", "show", tag)
    assert shown["status"] == "disposed"
    assert [h["action"] for h in shown["history"]] == ["add", "transfer", "lend", "return",
                                                       "dispose"]


def test_the_threshold_warning_fires_at_1999(db):
    assert "consumable" in refused(db, "asset", "add", "--name", "键盘", "--value", "1999",
                                   "--purchased", "2026-01-05", "--life", "3")
    result = run(db, "asset", "add", "--name", "键盘", "--value", "1999", "--purchased",
                 "2026-01-05", "--life", "3", "--force")
    assert result.exit_code == 0 and "consumable" in result.stderr
    assert add(db, "--name", "显示器", "--value", "2000", "--purchased", "2026-01-05",
               "--life", "5")


def test_the_threshold_is_a_setting(db):
    ok(db, "config", "asset-threshold", "--value", "5000")
    assert "5000.00" in ok(db, "config", "asset-threshold")
    assert "consumable" in refused(db, "asset", "add", "--name", "打印机", "--value", "2800",
                                   "--purchased", "2026-01-05", "--life", "5")
    assert "not 'x'" in refused(db, "config", "asset-threshold", "--life", "x")


def test_a_count_leaves_a_job_for_the_head_and_the_moved_location(db):
    ok(db, "dept", "head", "财务科", "--name", "李科长")
    pc = add(db, "--name", "联想台式机", "--value", "4599", "--purchased", "2024-03-15",
             "--keeper", "张三", "--dept", "财务科", "--location", "3F-301")
    printer = add(db, "--name", "惠普打印机", "--value", "2800", "--purchased", "2023-06-01",
                  "--dept", "财务科", "--location", "3F-302")
    count = js(db, "count", "start", "--dept", "财务科")
    ok(db, "count", "mark", str(count["id"]), pc, "missing")
    ok(db, "count", "mark", str(count["id"]), printer, "found", "--at", "3F-310")
    assert js(db, "count", "status", str(count["id"]))["marked"] == 2
    ok(db, "count", "finish", str(count["id"]))
    [job] = [j for j in js(db, "list") if pc in j["title"]]
    assert (job["handler"], job["department"]) == ("李科长", "财务科")
    assert js(db, "asset", "show", printer)["location"] == "3F-310"
    assert "| 财务科 | 2 | 1 | 1 | 0 | 1 | 0 |" in ok(db, "count", "report", str(count["id"]))


def test_labels_hold_a_qr_code_of_each_tag(db, tmp_path):
    tags = [add(db, "--name", f"投影仪 {n}", "--value", "3500", "--purchased", "2025-01-02",
                "--keeper", "王老师", "--dept", "教务处") for n in range(4)]
    target = tmp_path / "labels.svg"
    ok(db, "asset", "labels", "--all", "-o", str(target))
    svg = target.read_text(encoding="utf-8")
    for tag in tags:
        # the same matrix, made again with the same library, is in the sheet
        expected = segno.make(tag, error="m").svg_inline(scale=1, border=0, omitsize=True)
        path = re.search(r'<path[^>]*d="([^"]+)"', expected).group(1)
        assert path in svg, tag
        assert f'data-tag="{tag}"' in svg
    assert "王老师" in svg and "教务处" in svg
    assert "exists" in refused(db, "asset", "labels", "--all", "-o", str(target))
    assert refused(db, "asset", "labels", "--all", "-o", str(db), "--force")
    assert len(js(db, "asset", "list")) == 4  # the database untouched


def test_a_repair_job_shows_in_the_assets_history(db):
    tag = add(db, "--name", "显示器", "--value", "2300", "--purchased", "2025-01-02")
    job_id = ok(db, "add", f"显示器不亮 asset:{tag} #报修").strip()
    assert [r["id"] for r in js(db, "asset", "show", tag)["repairs"]] == [int(job_id)]
    assert "No asset tagged" in refused(db, "add", "x asset:NOPE-1")


def test_list_filters_and_pinyin(db):
    add(db, "--name", "打印机", "--value", "2800", "--purchased", "2025-01-02", "--dept", "财务科")
    add(db, "--name", "空调", "--value", "5200", "--purchased", "2025-01-02", "--dept", "办公室")
    assert [a["name"] for a in js(db, "asset", "list", "--search", "dyj")] == ["打印机"]
    assert [a["name"] for a in js(db, "asset", "list", "--dept", "办公室")] == ["空调"]
    assert "Unknown status" in refused(db, "asset", "list", "--status", "asleep")


def test_import_assets_checks_every_row_first(db, tmp_path):
    good = tmp_path / "assets.csv"
    good.write_text("name,value,purchased,dept,keeper,life\n"
                    "联想台式机,4599,2024-03-15,财务科,张三,5\n"
                    "格力空调,6200.50,2022-05-10,办公室,,8\n", encoding="gb18030")
    ok(db, "import-assets", str(good))
    assert [a["name"] for a in js(db, "asset", "list")] == ["格力空调", "联想台式机"]
    bad = tmp_path / "bad.csv"
    bad.write_text("\ufeffname,value,purchased\n投影仪,lots,2024-01-01\n,3000,2024-13-01\n",
                   encoding="utf-8")
    message = refused(db, "import-assets", str(bad))
    assert "row 2, column value" in message and "row 3, column purchased" in message
    assert "row 3, column name" in message
    assert len(js(db, "asset", "list")) == 2  # nothing imported
    assert "not a file" in refused(db, "import-assets", str(db))


def test_pdf_labels_draw_each_qr_module_and_the_chinese_text(db, tmp_path):
    tags = [add(db, "--name", "投影仪", "--value", "3500", "--purchased", "2025-01-02",
                "--keeper", "王老师", "--dept", "教务处") for _n in range(2)]
    target = tmp_path / "labels.pdf"
    ok(db, "asset", "labels", *tags, "-o", str(target))
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and b"STSong-Light" in data
    # Uncompressed: each dark module of each tag's QR (segno, made again) is one filled
    # rectangle; the label frames are the only other paths.
    dark = sum(sum(row) for tag in tags for row in segno.make(tag, error="m").matrix)
    assert data.count(b" re f") == dark
    # The CID text is UCS-2 in a PDF string: the keeper's name and each tag are there.
    for text in ("王老师", "教务处", *tags):
        assert pdf_string(text) in data, text


def pdf_string(text: str) -> bytes:
    """UCS-2 bytes written as a PDF literal string does (octal escapes)."""
    return "".join(chr(b) if 32 <= b < 127 and b not in b"()\\" else f"\\{b:03o}"
                   for b in text.encode("utf-16-be")).encode("latin-1")
