"""The demo's fixed assets: about 80 across the departments (computers, printers, air
conditioners, projectors, furniture, a camera), department heads, a count finished last
June with two assets missing, and two loans (one overdue). Loaded once, inside the demo's
transaction (not undoable)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from office_tui.core.job import to_iso
from office_tui.store import assets as store

if TYPE_CHECKING:
    from office_tui.services.context import Services

HEADS = (("办公室", "周主任"), ("财务科", "李科长"), ("教务处", "孙处长"),
         ("人事科", "吴科长"), ("总务科", "郑科长"), ("信息中心", "赵主任"))
KINDS = (  # name, category, value, life, how many per department
    ("联想启天台式机", "电子设备", "4599.00", 5, 4),
    ("惠普激光打印机", "电子设备", "2800.00", 5, 2),
    ("格力柜式空调", "空调", "6200.00", 8, 2),
    ("爱普生投影仪", "投影设备", "3899.00", 5, 1),
    ("实木会议桌", "办公家具", "5600.00", 10, 1),
    ("文件柜（钢制）", "办公家具", "2180.00", 10, 2),
    ("联想笔记本电脑", "电子设备", "6999.00", 5, 1),
)
KEEPERS = ("张三", "李四", "王五", "赵六", "钱七", "孙八", "周九")


def load_assets_demo(svc: Services) -> int:
    db = svc.db
    if store.listing(db, limit=1):
        return 0
    now = svc.now()
    stamp = to_iso(now)
    for dept, head in HEADS:
        store.put_head(db, dept, head)
    made: list[int] = []
    n = 0
    for d, (dept, _head) in enumerate(HEADS):
        for kind, category, value, life, count in KINDS:
            for i in range(count):
                n += 1
                year = 2019 + (n % 6)
                made.append(store.insert(db, {
                    "tag": f"GZ-{year}-{n:04d}", "name": kind, "category": category,
                    "value": value, "purchased": date(year, 1 + n % 12, 1 + n % 27).isoformat(),
                    "life_years": life, "keeper": KEEPERS[(n + d) % len(KEEPERS)],
                    "department": dept, "location": f"{2 + d % 4}F-{200 + d * 10 + i + 1}",
                    "status": "in_use", "created": stamp, "updated": stamp}))
    made.append(store.insert(db, {
        "tag": f"GZ-2023-{n + 1:04d}", "name": "佳能单反相机", "category": "摄影器材",
        "value": "8999.00", "purchased": "2023-04-18", "life_years": 5, "keeper": "周九",
        "department": "办公室", "location": "2F-201", "status": "in_use",
        "created": stamp, "updated": stamp}))
    # Two loans: the camera (back next week) and a projector (overdue).
    camera = store.get(db, made[-1])
    store.update(db, {**camera, "status": "lent", "lent_to": "宣传部 小刘",
                      "lent_due": (now.date() + timedelta(days=5)).isoformat()})
    projector = next(store.get(db, i) for i in made if store.get(db, i)["name"] == "爱普生投影仪")
    store.update(db, {**projector, "status": "lent", "lent_to": "教务处 王老师",
                      "lent_due": (now.date() - timedelta(days=3)).isoformat()})
    # Last June's count, finished: two missing (their jobs were made then and are done).
    june = date(now.year if now.month > 6 else now.year - 1, 6, 20)
    count_id = store.insert_count(db, {"scope_kind": "all", "scope": None,
                                       "started": f"{june.isoformat()}T09:00:00"})
    store.insert_lines(db, count_id, made[:-1])
    for line in store.lines(db, count_id):
        result = "missing" if line["asset_id"] in made[5:7] else "found"
        store.mark_line(db, line["id"], result, None, None, f"{june.isoformat()}T10:00:00")
    store.finish_count(db, count_id, f"{june.isoformat()}T16:00:00")
    return len(made)
