"""Who sent a message: its department and requester.

Read from where messages put them: a header before the first colon ("财务科王老师：",
"人事科王丽：", "学生处：", "Sarah Lin (Finance):"), a signature after a dash
("——教务处张老师", "— Tom Baker, Facilities", "— Finance"), a name in brackets
("（图书馆 刘老师）"), a sign-off ("Thanks, Amy (Front Desk)"), "联系人：陈老师",
"我是财务科的小王", and English "HR needs …". In those places a department is a known
one (from the database) or a name ending in 科 处 室 部 中心 办 馆 会 (English: … Office,
Department, Team); a person is a surname with a title or a given name (王老师, 小李, 王丽,
Tom Baker). Elsewhere in the text only a known department counts (财务科打印机卡纸), and
stays in the title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from office_tui.core.intake_text import is_cjk

_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
    "戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮"
    "柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古"
    "吉缪简项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇"
    "桑郎甄丛仲虞敖巩明佘池查麻苑迟邝")
_COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐",
                      "夏侯")
_TITLES = ("副主任", "主任", "副科长", "科长", "副处长", "处长", "部长", "馆长", "副院长", "院长",
           "副校长", "校长", "书记", "经理", "师傅", "会计", "出纳", "阿姨", "大姐", "老师", "医生",
           "大夫", "干事", "秘书", "助理", "同学", "主管", "组长", "队长", "站长", "所长", "局长",
           "厅长", "董事长", "总监", "律师", "教授", "博士", "专员", "科员", "班主任", "辅导员",
           "护士", "保安", "姐", "哥", "工", "总", "老")
_TITLE_RE = "|".join(_TITLES)
_SURNAME_RE = "(?:" + "|".join(_COMPOUND_SURNAMES) + "|[" + "".join(sorted(_SURNAMES)) + "])"
_CN_PERSON = re.compile(
    rf"^(?:[老小]{_SURNAME_RE}|{_SURNAME_RE}(?:{_TITLE_RE})|{_SURNAME_RE}[\u4e00-\u9fff]{{1,2}})$")
# Words that read like a surname and a given name but are not names ("明天：…").
_CN_NOT_NAMES = {"关于", "安排", "方便", "明天", "明早", "明晚", "明日", "高温", "于是", "时间",
                 "江湖", "任务", "申请", "金额", "文件", "全体", "全部", "常规", "温馨提示", "孔径",
                 "周末", "周一", "周二", "周三", "周四", "周五", "周六", "周日", "周天", "车辆",
                 "石材", "水电", "钱款", "华为", "宁可", "应急", "和谐", "成本"}
_CN_SUFFIXES = ("中心", "科", "处", "室", "部", "办", "馆", "会")
_EN_DEPT_WORDS = re.compile(
    r"^(?:[A-Z][A-Za-z&]*\s+){0,3}(?:Office|Department|Dept\.?|Team|Centre|Center|Desk|Unit|"
    r"Committee|Services)$")
# Names English offices go by: a signature "— Library" is a department, not a person.
_EN_DEPARTMENTS = {
    "library", "admissions", "marketing", "finance", "accounting", "accounts", "facilities",
    "maintenance", "security", "reception", "administration", "admin", "registry",
    "registrar", "canteen", "kitchen", "cafeteria", "it", "hr", "pr", "sales", "legal",
    "procurement", "purchasing", "logistics", "operations", "housekeeping", "front desk",
    "human resources", "student affairs", "academic affairs", "general affairs",
    "the principal's office", "principal's office", "estates", "catering"}
_EN_PERSON = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}$")
_EN_NOT_NAMES = {"Thanks", "Thank", "Hi", "Hello", "Dear", "Urgent", "Important", "Reminder",
                 "Note", "Request", "Re", "Subject", "Update", "Notice", "Attention", "Please",
                 "Fyi", "Cheers", "Regards", "Best", "Hey", "Sorry", "Help", "Asap", "Today",
                 "Tomorrow", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                 "Saturday", "Sunday", "Printer", "Projector", "Repair", "Broken"}


@dataclass(frozen=True)
class Who:
    department: str | None = None
    requester: str | None = None
    department_span: tuple[int, int] | None = None
    requester_span: tuple[int, int] | None = None
    taken: tuple[tuple[int, int], ...] = ()  # header/signature text left out of the title


@dataclass(frozen=True)
class _Part:
    kind: str  # "department" | "requester"
    value: str
    start: int  # in the text given to _read
    end: int


class People:
    """The known departments, ready for matching."""

    def __init__(self, departments: Sequence[str]) -> None:
        names = sorted({d.strip() for d in departments if d and d.strip()}, key=len,
                       reverse=True)
        self.known = names
        self._folded = {n.casefold(): n for n in names}

    # -- classifying a piece of text -----------------------------------------------------
    def department(self, text: str) -> str | None:
        text = text.strip()
        if not text:
            return None
        known = self._folded.get(text.casefold())
        if known is not None:
            return known
        if text.isascii():
            if text.casefold() in _EN_DEPARTMENTS:
                return text
            if _EN_DEPT_WORDS.match(text):
                return re.sub(r"\s+(?:Team|Unit)$", "", text)
            return None
        if 2 <= len(text) <= 10 and all(is_cjk(c) for c in text) and text.endswith(
                _CN_SUFFIXES) and not text.endswith(("开会", "大会", "我会", "不会")):
            return text
        return None

    @staticmethod
    def person(text: str) -> str | None:
        text = text.strip()
        if not text:
            return None
        if text.isascii():
            if _EN_PERSON.match(text) and text.split()[0] not in _EN_NOT_NAMES:
                return text
            return None
        return text if _CN_PERSON.match(text) and text not in _CN_NOT_NAMES else None

    def read(self, text: str, offset: int = 0, *, loose: bool = False) -> list[_Part] | None:
        """`text` as department and/or requester (spans shifted by `offset`), or None when
        it is anything else. `loose`: a lone capitalised English word may be a
        department (in a signature: "— Li Wei, IT")."""
        stripped = text.strip(" \t,，、:：")
        if not stripped:
            return None
        start = offset + text.index(stripped)
        parts = self._split(stripped, start, loose)
        if not parts:
            return None
        kinds = [p.kind for p in parts]
        if len(set(kinds)) != len(kinds):
            return None
        return parts

    def _split(self, text: str, start: int, loose: bool) -> list[_Part] | None:
        # "Sarah Lin (Finance)", "张老师（教务处）": a part in brackets
        bracket = re.match(r"^(.*?)\s*[(（](.+?)[)）]\s*$", text)
        if bracket:
            outer, inner = bracket.group(1), bracket.group(2)
            first = self._split(outer, start, loose) if outer.strip() else []
            second = self._split(inner, start + bracket.start(2), True)
            if first is None or second is None:
                return None
            return first + second
        # "Tom Baker, Facilities", "图书馆 刘老师", "Tom from HR"
        pieces = [(m.group(), m.start()) for m in re.finditer(r"[^,，、/·]+", text)]
        if len(pieces) == 1 and text.isascii():
            joined = re.split(r"\s+from\s+", text)
            if len(joined) == 2:
                pieces = [(joined[0], 0), (joined[1], text.index(joined[1], len(joined[0])))]
        if len(pieces) == 1 and not text.isascii() and " " in text.strip():
            pieces = [(m.group(), m.start()) for m in re.finditer(r"\S+", text)]
        if len(pieces) > 2:
            return None
        parts: list[_Part] = []
        for piece, at in pieces:
            found = self._one(piece, start + at, loose)
            if found is None:
                return None
            parts += found
        return parts

    def _one(self, text: str, start: int, loose: bool) -> list[_Part] | None:
        stripped = text.strip()
        if not stripped:
            return []
        start += text.index(stripped)
        text = stripped
        end = start + len(text)
        department = self.department(text)
        if department is not None:
            return [_Part("department", department, start, end)]
        person = self.person(text)
        if person is not None and not (loose and text.isascii() and text.isupper()):
            return [_Part("requester", person, start, end)]
        if loose and text.isascii() and re.fullmatch(r"[A-Z][A-Za-z&]{1,15}", text):
            return [_Part("department", text, start, end)]
        if text.isascii():
            return None
        # 财务科王老师, 后勤服务中心李师傅: a department running into a name
        for known in self.known:
            if text.startswith(known) and len(text) > len(known):
                rest = text[len(known):]
                if self.person(rest):
                    return [_Part("department", known, start, start + len(known)),
                            _Part("requester", rest, start + len(known), end)]
        for cut in range(2, len(text)):
            head, rest = text[:cut], text[cut:]
            if head.endswith(_CN_SUFFIXES) and self.department(head) and self.person(rest):
                return [_Part("department", head, start, start + cut),
                        _Part("requester", rest, start + cut, end)]
        return None


_HEADER_END = re.compile(r"[:：]")
_SIGNATURE = re.compile(r"(?:——|—|--|–|~|～|(?<=\s)-)\s*([^—–~～\n]{1,40}?)[\s。.!！]*$")
_SIGN_OFF = re.compile(
    r"(?:(?<![a-z])(?:thanks|thank you|thx|cheers|regards|best)|谢谢|多谢)[\s,，!！.。]*"
    r"([^,，!！.。\n][^!！.。\n]{0,40}?)[\s。.!！]*$", re.IGNORECASE)
_BRACKETED = re.compile(r"[(（]([^()（）\n]{1,24})[)）]")
_CONTACT = re.compile(r"联系人[:：]?\s*")
_SELF = re.compile(r"我是")
_NEEDS = re.compile(
    r"^((?:the\s+)?[A-Z][A-Za-z&]*(?:\s+[A-Z][A-Za-z&]*){0,2}(?:\s+(?:team|office|department|"
    r"dept))?)\s+(?=needs|wants|would like|requests|is asking|is requesting|asks)")
_CLAUSE_START = re.compile(r"(?:^|[\s,.;:!?。、，；：！？]|我是|是|给|帮|替|为)$")


def find_people(text: str, people: People, *, start: int = 0) -> Who:
    """The department and requester of `text`, reading from `start` (past a greeting)."""
    department: _Part | None = None
    requester: _Part | None = None
    taken: list[tuple[int, int]] = []

    def accept(parts: list[_Part] | None, span: tuple[int, int]) -> bool:
        nonlocal department, requester
        if not parts:
            return False
        if any(p.kind == "department" for p in parts) and department is not None:
            return False
        if any(p.kind == "requester" for p in parts) and requester is not None:
            return False
        for part in parts:
            if part.kind == "department":
                department = part
            else:
                requester = part
        taken.append(span)
        return True

    # a header: "财务科王老师：…"
    head = _HEADER_END.search(text, start, min(len(text), start + 32))
    if head and not re.search(r"[,.;!?。，；！？\n]", text[start:head.start()]):
        header = text[start:head.start()]
        inner = header.strip().strip("【】[]")
        parts = people.read(inner, start + header.index(inner) if inner else start)
        if parts is not None:
            accept(parts, (start, _skip_space(text, head.end())))
    # "Facilities — the alarm is beeping": a header before a dash
    dash = re.match(r"([^,.;!?。，；！？:：\n—–]{1,30}?)\s*(?:——|—|–|--)\s*", text[start:])
    if dash and department is None and requester is None:
        accept(people.read(dash.group(1), start), (start, start + dash.end()))
    # 【财务科】 without a colon
    bracket = re.match(r"\s*[【\[]([^】\]]{1,20})[】\]]\s*", text[start:])
    if bracket and department is None and requester is None:
        accept(people.read(bracket.group(1), start + bracket.start(1)),
               (start, start + bracket.end()))
    # a signature or a sign-off at the end
    signature = _SIGNATURE.search(text)
    if signature and signature.start() > start:
        accept(people.read(signature.group(1), signature.start(1), loose=True),
               (_back_space(text, signature.start()), len(text)))
    sign_off = _SIGN_OFF.search(text)
    if sign_off and sign_off.start() > start and not _overlaps(sign_off.span(), taken):
        accept(people.read(sign_off.group(1), sign_off.start(1), loose=True),
               (_back_space(text, sign_off.start()), len(text)))
    # names in brackets anywhere
    for m in _BRACKETED.finditer(text):
        if _overlaps(m.span(), taken):
            continue
        accept(people.read(m.group(1), m.start(1)), (_back_space(text, m.start()), m.end()))
    # 联系人：陈老师
    for m in _CONTACT.finditer(text):
        name = re.match(r"[^\s,.;!?。，；！？、]{1,8}", text[m.end():])
        if name and requester is None:
            value = _leading_person(name.group(), people)
            if value:
                accept([_Part("requester", value, m.end(), m.end() + len(value))],
                       (m.start(), m.end() + len(value)))
    # 我是财务科的小王
    for m in _SELF.finditer(text):
        rest = re.match(r"([^\s,.;!?。，；！？]{2,10}?)的([^\s,.;!?。，；！？]{1,5})", text[m.end():])
        if rest and department is None:
            dept = people.department(rest.group(1))
            person = people.person(rest.group(2))
            if dept and person:
                a = m.end()
                accept([_Part("department", dept, a, a + len(rest.group(1))),
                        _Part("requester", person, a + rest.start(2), a + rest.end(2))],
                       (m.start(), a + rest.end()))
    # "HR needs …"
    if department is None:
        needs = _NEEDS.match(text[start:])
        if needs:
            name = needs.group(1)
            bare = re.sub(r"^the\s+", "", re.sub(r"\s+(?:team|office|department|dept)$", "",
                                                 name, flags=re.I), flags=re.I)
            value = people.department(bare) or people.department(name)
            if value is None and name != bare:  # "Marketing team needs"
                value = bare
            if value is not None:
                accept([_Part("department", value, start, start + len(name))],
                       (start, _skip_space(text, start + needs.end())))
    # a known department anywhere else: kept in the title
    if department is None:
        found = _known_in_body(text, people, taken)
        if found is not None:
            department = found
    return Who(
        department=department.value if department else None,
        requester=requester.value if requester else None,
        department_span=(department.start, department.end) if department else None,
        requester_span=(requester.start, requester.end) if requester else None,
        taken=tuple(taken),
    )


def _leading_person(text: str, people: People) -> str | None:
    for size in range(len(text), 0, -1):
        if people.person(text[:size]):
            return text[:size]
    return None


def _known_in_body(text: str, people: People, taken: list[tuple[int, int]]) -> _Part | None:
    best: _Part | None = None
    for name in people.known:
        if name.isascii():
            pattern = rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])"
        else:
            pattern = re.escape(name)
        for m in re.finditer(pattern, text):
            if _overlaps(m.span(), taken):
                continue
            if not name.isascii() and not _CLAUSE_START.search(text[:m.start()]):
                continue  # 501办公室 is a room
            if best is None or m.start() < best.start:
                best = _Part("department", name, m.start(), m.end())
            break
    return best


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in spans)


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at].isspace():
        at += 1
    return at


def _back_space(text: str, at: int) -> int:
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at
