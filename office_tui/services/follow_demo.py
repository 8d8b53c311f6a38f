"""The demo's follow-through: contacts with phones (the drivers are already among them),
handlers on some repair jobs, a progress note, a referral to chase tomorrow, and reply
templates in Chinese and English. Loaded inside the demo's transaction (not undoable)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from office_tui.core.vehicles import name_key
from office_tui.store import contacts as contact_store

if TYPE_CHECKING:
    from office_tui.services.context import Services

CONTACTS = (  # name, department, phone, role
    ("王师傅", "后勤服务中心", "13800138001", "电工"),
    ("刘师傅", "后勤服务中心", "13800138002", "水暖工"),
    ("陈经理", "鑫达空调维修", "13900139003", "空调厂家"),
    ("李会计", "财务科", "010-66001234", "报销审核"),
    ("赵主任", "信息中心", "010-66005678", "网络"),
    ("张老师", "总务科", "13700137006", None),
    ("Sarah Lin", "Finance", "+86 138 0000 1111", None),
    ("Tom Baker", "Facilities", "+86 139 0000 2222", "handyman"),
)
HANDLERS = (  # a word of the job's title -> who does it
    ("灯管", "王师傅"), ("水龙头", "刘师傅"), ("空调", "陈经理"), ("Network port", "赵主任"),
    ("chair", "Tom Baker"),
)
TEMPLATES = (
    ("办结", "{requester}您好：您反映的“{title}”已处理完毕（{outcome}）。如仍有问题请随时联系办公室。"),
    ("已转办", "{requester}您好：“{title}”已转{dept}办理，我们会跟进并及时告知结果。"),
    ("done-en", "Dear {requester}, your request \"{title}\" has been dealt with: {outcome}. "
                "Let us know if anything is still wrong."),
)


def load_follow_demo(svc: Services) -> None:
    db, now = svc.db, svc.now()
    stamp = now.isoformat(timespec="seconds")
    for name, dept, phone, role in CONTACTS:
        if contact_store.find(db, name_key(name)) is None:
            contact_store.insert(db, {"name": name, "name_key": name_key(name),
                                      "department": dept, "phone": phone, "role": role,
                                      "active": 1, "created": stamp, "updated": stamp})
    for name, text in TEMPLATES:
        if all(t.name != name for t in svc.follow.templates()):
            svc.follow.add_template(name, text)
    jobs = svc.jobs.list(limit=200)
    for word, who in HANDLERS:
        for job in jobs:
            if word in job.title and job.handler is None:
                svc.jobs.assign(job.id, who)
                break
    for job in jobs:
        if "空调" in job.title:
            svc.jobs.note(job.id, "已联系鑫达空调，陈经理下午上门检查")
            break
    for job in jobs:
        if job.department == "财务科" and job.status in ("open", "inbox"):
            follow_up = now.date() + timedelta(days=1)
            svc.jobs.refer(job.id, "财务科", person="李会计",
                           follow_up=follow_up.isoformat(), note="材料已交财务科审核")
            break
