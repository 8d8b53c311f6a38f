"""Pinyin search on a real SQLite file: jobs and items are found by full pinyin and by
initials, alongside the plain text match, and every write path keeps the stored key."""

from __future__ import annotations

from office_tui.services import Services
from office_tui.store import jobs as job_store
from office_tui.store import write


def titles(services: Services, search: str, **kwargs) -> list[str]:
    return sorted(j.title for j in services.jobs.list(search=search, **kwargs))


def stored_key(services: Services, table: str, row_id: int) -> str | None:
    return services.db.execute(f"SELECT search_key FROM {table} WHERE id = ?",
                               [row_id]).fetchone()[0]


def test_jobs_by_initials_full_pinyin_and_plain_text(services):
    services.jobs.add("会议室布置 @行政办公室 #会议")
    services.jobs.add("fix the Projector @总务科")
    services.jobs.add("打印 handouts")
    assert titles(services, "hysbz") == ["会议室布置"]
    assert titles(services, "hys") == ["会议室布置"]
    assert titles(services, "huiyi") == ["会议室布置"]
    assert titles(services, "huiyishibuzhi") == ["会议室布置"]
    assert titles(services, "Hui Yi") == ["会议室布置"]  # case and spaces do not matter
    assert titles(services, "会议") == ["会议室布置"]  # the plain text match still works
    assert titles(services, "project") == ["fix the Projector"]  # English by substring
    assert titles(services, "PROJ") == ["fix the Projector"]
    assert titles(services, "dayin") == ["打印 handouts"]
    assert titles(services, "dyhandouts") == ["打印 handouts"]  # initials run into English
    assert titles(services, "zzq") == []
    assert services.jobs.count(search="hysbz") == 1


def test_department_and_requester_by_pinyin(services):
    services.jobs.add("换灯管 @财务科", requester="张三")
    services.jobs.add("water @总务科", requester="李四")
    assert titles(services, "cwk") == ["换灯管"]
    assert titles(services, "caiwu") == ["换灯管"]
    assert titles(services, "zhangsan") == ["换灯管"]
    assert titles(services, "ls") == ["water"]


def test_a_query_never_runs_across_two_texts(services):
    services.jobs.add("会议 @财务科")  # initials hy, cwk: "hycwk" spans title and department
    assert titles(services, "hy") == ["会议"]
    assert titles(services, "hycwk") == []


def test_closed_jobs_with_all(services):
    job = services.jobs.add("会议室布置 #会议")
    services.jobs.done(job.id, "布置好了")
    assert titles(services, "hysbz") == []
    assert titles(services, "hysbz", include_closed=True) == ["会议室布置"]


def test_wildcards_in_a_query_are_text(services):
    services.jobs.add("会议室布置")
    services.jobs.add("100% 打印")
    assert titles(services, "%") == ["100% 打印"]
    assert titles(services, "h_s") == []


def test_an_update_keeps_the_key_in_step(services):
    job = services.jobs.add("会议室布置")
    services.jobs.triage(job.id, importance="high")  # a change through store.replace
    assert titles(services, "hysbz") == ["会议室布置"]
    db = services.db
    with write(db):
        row = job_store.get(db, job.id)
        job_store.replace(db, {**row, "title": "接待来宾"})
    assert titles(services, "hysbz") == []
    assert titles(services, "jdlb") == ["接待来宾"]


def test_undo_and_redo_restore_the_key(services):
    job = services.jobs.add("会议室布置")
    services.history.undo()  # the row is deleted
    assert titles(services, "hysbz", include_closed=True) == []
    services.history.redo()  # the row is put back from the event log, key and all
    assert titles(services, "hysbz") == ["会议室布置"]
    assert stored_key(services, "jobs", job.id) == "会议室布置 huiyishibuzhi hysbz"


def test_the_event_log_holds_no_search_key(services):
    job = services.jobs.add("会议室布置")
    services.jobs.start(job.id)
    services.history.undo()
    logged = " ".join(r[0] for r in services.db.execute(
        "SELECT COALESCE(before, '') || COALESCE(after, '') FROM events").fetchall())
    assert "会议室布置" in logged
    assert "search_key" not in logged and "hysbz" not in logged


def test_demo_rows_and_generated_rows_have_keys(services):
    services.load_demo(jobs=200)
    missing = services.db.execute(
        "SELECT COUNT(*) FROM jobs WHERE search_key IS NULL OR search_key = ''").fetchone()[0]
    assert missing == 0
    assert services.db.execute(
        "SELECT COUNT(*) FROM items WHERE search_key IS NULL").fetchone()[0] == 0
    generated = services.jobs.list(search="huiyishi", include_closed=True, limit=1000)
    assert generated and all("会议室" in j.title for j in generated)


# -- items ------------------------------------------------------------------------------
def codes(services: Services, search: str) -> list[str]:
    return sorted(i.code for i in services.inventory.items(search=search))


def test_items_by_pinyin_and_plain_text(services):
    inv = services.inventory
    inv.add_item("A4", "A4 复印纸", "包", category="纸张", location="A-01 文具柜")
    inv.add_item("PEN", "中性笔", "支", location="C-01")
    inv.add_item("TEA", "Green tea", "盒", location="B-01")
    assert codes(services, "fyz") == ["A4"]
    assert codes(services, "a4fyz") == ["A4"]
    assert codes(services, "fuyinzhi") == ["A4"]
    assert codes(services, "zxb") == ["PEN"]
    assert codes(services, "zhongxing") == ["PEN"]
    assert codes(services, "wjg") == ["A4"]  # location
    assert codes(services, "zz") == ["A4"]  # category 纸张
    assert codes(services, "笔") == ["PEN"]
    assert codes(services, "green") == ["TEA"]
    assert [line.item.code for line in inv.stock(search="zxb")] == ["PEN"]
    assert inv.count(search="zxb") == 1


def test_item_edit_and_undo_keep_the_key_in_step(services):
    inv = services.inventory
    inv.add_item("P1", "打印纸", "包")
    inv.edit_item("P1", name="订书机")
    assert codes(services, "dyz") == []
    assert codes(services, "dsj") == ["P1"]
    services.history.undo()
    assert codes(services, "dyz") == ["P1"]
    assert codes(services, "dsj") == []


def test_imported_items_have_keys(services):
    services.inventory.import_items("code,name,unit\nINK,墨盒,个\n")
    assert codes(services, "mh") == ["INK"]
