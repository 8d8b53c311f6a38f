"""`print trip|issue|count|job ID -o F.pdf`: the printed forms for signatures, read back
with pdftotext (Debian's poppler-utils) in Chinese, one rendered with pdftoppm."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import datetime

import pytest

from office_tui import i18n
from office_tui.core.vehicles import BookingRequest
from office_tui.services import Services
from tests.cli.helpers import ok, refused

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="pdftotext (poppler-utils) is not installed")


@pytest.fixture(autouse=True)
def zh():
    i18n.set_language("zh")
    yield
    i18n.set_language("en")


@pytest.fixture
def data(db_path, clock):
    """A trip, an issue, a count and a job with a note, made through the services."""
    s = Services(db_path, clock=clock).open()
    try:
        s.vehicles.add_vehicle("京A·10001", "帕萨特", 4)
        s.vehicles.add_driver("李师傅")
        trip = s.vehicles.book(BookingRequest(
            vehicle="京A·10001", start=datetime(2026, 11, 30, 9), end=datetime(2026, 11, 30, 11),
            destination="市教育局" * 12, driver="李师傅", department="财务科",
            requester="张三", passengers=3, purpose="送材料\u202e"))
        s.inventory.add_item("A4", "A4 复印纸", "包")
        s.inventory.receive("A4", 10)
        issued = s.inventory.issue("A4", 4, department="教务处", person="王老师")
        for n, place in enumerate(("一楼 101", "二楼 205", "一楼 101")):
            s.assets.add(name=f"投影仪{n}", value=3500, purchased="2025-01-02",
                         keeper="王老师", location=place)
        count = s.assets.start_count()
        job = s.jobs.add("3楼会议室空调不制冷 @教务处", requester="赵老师")
        s.jobs.note(job.id, "已联系厂家，周三上门")
        s.jobs.done(job.id, "更换压缩机电容，恢复制冷")
        return {"trip": trip.booking.id, "issue": issued.movement.id, "count": count.id,
                "job": job.id}
    finally:
        s.close()


def text_of(pdf) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


def test_trip_slip_holds_the_car_destination_and_title(db_path, data, tmp_path):
    target = tmp_path / "t.pdf"
    ok(db_path, "print", "trip", str(data["trip"]), "-o", str(target))
    text = text_of(target)
    squeezed = "".join(text.split())
    for field in ("派车单", "京A·10001", "帕萨特", "李师傅", "财务科", "张三", "目的地",
                  "申请人", "驾驶员", "审批人", "2026-11-30 09:00"):
        assert field in text, field
    # the long destination wraps within its cell: all of it is there, on several lines
    assert "市教育局" * 12 in squeezed
    assert not any("市教育局" * 12 in line for line in text.splitlines())
    # a bidi override is written escaped, not obeyed
    assert "\u202e" not in text and "送材料" in text


def test_issue_count_and_job_forms(db_path, data, tmp_path):
    ok(db_path, "print", "issue", str(data["issue"]), "-o", str(tmp_path / "i.pdf"))
    text = text_of(tmp_path / "i.pdf")
    for field in ("领用单", "A4 复印纸", "包", "教务处", "王老师", "领用人", "发放人"):
        assert field in text, field
    assert "4" in text.split("数量")[1].splitlines()[0]

    ok(db_path, "print", "count", str(data["count"]), "-o", str(tmp_path / "c.pdf"))
    text = text_of(tmp_path / "c.pdf")
    assert "盘点表" in text and "盘点人" in text
    # grouped by location: each place's heading once, its assets under it
    assert text.count("一楼 101") == 1 and text.count("二楼 205") == 1
    first, second = text.index("一楼 101"), text.index("二楼 205")
    assert first < text.index("投影仪0") < text.index("投影仪2") < second < text.index("投影仪1")

    ok(db_path, "print", "job", str(data["job"]), "-o", str(tmp_path / "j.pdf"))
    text = text_of(tmp_path / "j.pdf")
    for field in ("处理单", "3楼会议室空调不制冷", "赵老师", "教务处", "已联系厂家，周三上门",
                  "更换压缩机电容，恢复制冷", "申请人", "经办人",
                  "2026-11-27 10:00 已联系厂家"):
        assert field in text, field


def test_refusals_change_nothing(db_path, data, tmp_path):
    target = tmp_path / "t.pdf"
    assert "-o" in refused(db_path, "print", "trip", str(data["trip"]))
    assert not target.exists()
    assert "999" in refused(db_path, "print", "trip", "999", "-o", str(target))
    assert "999" in refused(db_path, "print", "job", "999", "-o", str(target))
    assert "999" in refused(db_path, "print", "count", "999", "-o", str(target))
    # a receipt is a movement but no issue
    assert refused(db_path, "print", "issue", str(data["issue"] - 1), "-o", str(target))
    assert not target.exists()
    target.write_bytes(b"mine")
    refused(db_path, "print", "trip", str(data["trip"]), "-o", str(target))
    assert target.read_bytes() == b"mine"
    before = db_path.read_bytes()
    refused(db_path, "print", "trip", str(data["trip"]), "-o", str(db_path), "--force")
    assert db_path.read_bytes() == before
    link = tmp_path / "link.pdf"
    os.symlink(target, link)
    refused(db_path, "print", "trip", str(data["trip"]), "-o", str(link), "--force")
    assert target.read_bytes() == b"mine" and link.is_symlink()
    ok(db_path, "print", "trip", str(data["trip"]), "-o", str(target), "--force")
    assert target.read_bytes().startswith(b"%PDF")


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm is not installed")
def test_a_form_renders_with_visible_glyphs(db_path, data, tmp_path):
    target = tmp_path / "t.pdf"
    ok(db_path, "print", "trip", str(data["trip"]), "-o", str(target))
    subprocess.run(["pdftoppm", "-gray", "-r", "50", "-f", "1", "-l", "1", str(target),
                    str(tmp_path / "page")], check=True)
    (pgm,) = tmp_path.glob("page*.pgm")
    width, height, pixels = read_pgm(pgm.read_bytes())
    # The title's band (the top ~12% of the page, inside the margins, no frame lines) has
    # dark pixels only if the glyphs were drawn.
    band = [pixels[y * width + x] for y in range(int(height * 0.04), int(height * 0.09))
            for x in range(int(width * 0.3), int(width * 0.7))]
    assert sum(1 for p in band if p < 128) > 20


def read_pgm(data: bytes) -> tuple[int, int, bytes]:
    """A binary PGM (P5): width, height, one byte per pixel."""
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    assert fields[0] == b"P5" and int(fields[3]) == 255
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[pos + 1:pos + 1 + width * height]
