"""The checks of a form's header and footer lines: who sent it, who signed it, and when.

SPEC 5: the department must be identifiable (the header's 部门, else the file name);
the form must be signed by the department head (主要负责人); 上报人 and 联系方式 are
asked for; the form's 日期 must be readable and not after the return deadline.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path, PurePosixPath

from huitoukan.campaign import Campaign, Unit
from huitoukan.cells import cell_text
from huitoukan.checks.rows import implausible
from huitoukan.dates import (
    DateNotUnderstood,
    month_day_readings,
    parse_date,
    typed_as_number,
)
from huitoukan.forms.layout import FOOTER_LABELS, HEADER_LABELS, LabelValue
from huitoukan.model.problems import Code, date_example, problem
from huitoukan.model.returns import BY_ISSUE, ReturnForm
from huitoukan.text import normalize_key


def identify_department(
    form: ReturnForm,
    path: Path,
    labels: dict[str, LabelValue],
    campaign: Campaign,
    sheet: str,
    several: bool = False,
    issued_to: str = "",
) -> None:
    """Set `form.department` from the header's 部门 (or the file name, or the folder it was
    sent in), with a problem when it cannot be identified or header and name disagree —
    not in a workbook holding `several` departments' forms, whose name names one of them
    (the other's sheet was told to take the file out, its own sheet with it: trial 90).
    A header left blank in a file whose name names no department: the department the form
    was issued to (`issued_to`, written in the workbook), warned (a follow-up form so
    cleared counted twice, as its department's and as a department named by the file:
    clerk trial 136)."""
    entry = labels.get("department")
    typed = cell_text(entry.value) if entry else ""
    by_header = campaign.find_unit(typed) if typed else None
    record = campaign.find_unit(issued_to) if issued_to else None  # whom it was issued to
    sender = sender_part(path.stem, campaign)
    by_name = campaign.find_unit(sender)
    if by_name != record and record in campaign.units_in(sender):
        # 学工处-总务处.xlsx, 总务基建处-学生工作处.xlsx on the form issued to 学生工作处, its
        # header blank: one of the two is the sender, the form says which (the longer name
        # counted it as 总务基建处's, 学生工作处 chased: clerk trial 151)
        by_name = record
    name, named_by = path.stem, "文件名"
    by_folder, folder, folder_by = _sent_in(form, campaign)

    def other_in_folder(unit: Unit) -> Unit | None:
        """The department the folder names when it is another than `unit`, not the
        receiving office, and the folder does not name `unit` too; else None."""
        if (
            by_folder not in (None, unit)
            and by_folder.name != campaign.info.receiver
            and unit not in campaign.units_in(folder)
        ):
            return by_folder
        return None

    if by_name is None and by_folder is not None:  # 教务处/附件2.xlsx, 教务处.zip: where the
        # clerk saved each department's mail, innermost first (a misfiled form in it was
        # counted as its header's department's, replacing that one's own: clerk trial 95)
        by_name, name, named_by = by_folder, folder, folder_by
    elif by_header is not None and by_name == by_header and other_in_folder(by_header):
        # 附属医院's form, its header and name as issued, filled in by 学院警务室 and sent in
        # its mail: counted as 附属医院's newest version, it replaced that one's own return,
        # unsaid (clerk trial 149); the folder disagrees, as a file's name would
        form.named_in_file = by_name.name
        by_name, name, named_by = by_folder, folder, folder_by
    if (
        by_name is not None
        and by_header not in (None, by_name)
        and by_name.name == campaign.info.receiver
        and not _plainly_named(name, by_name, campaign)
    ):
        # 报安全保卫处.xlsx names where the form goes, not whose (trial 92); 保卫处.xlsx is
        # the receiving office's own return, which it fills in like every department's
        # (another department's form so named replaced that one's return: clerk trial 96)
        by_name = None
    if (
        by_name is not None
        and by_header not in (None, by_name)
        and named_by == "文件名"
        and form.source is not None
        and by_header in {campaign.find_unit(folder) for folder in form.source.folders}
        and not _plainly_named(name, by_name, campaign)
    ):
        # 总务基建处/职教中心实训楼及宿舍.xlsx: a place called like 职教中心学校 in the mail of
        # the department its header names (said to be misnamed, and taken for the place's
        # namesake's older version: clerk trial 146)
        by_name = None
    if by_name is not None and named_by == "文件名":
        form.named_in_file = by_name.name
    form.department_text = typed
    cell = entry.value_ref if entry else ""

    def said(
        code: Code, value: str = "", department: str = "", variant: str = "", **params: object
    ) -> None:
        """A problem of the header's 部门（章） cell."""
        form.problems.append(
            problem(
                code,
                form.file,
                sheet=sheet,
                cell=cell,
                row=None,
                field="部门（章）",
                value=value,
                department=department,
                variant=variant,
                **params,
            )
        )

    if (
        by_header
        and by_name
        and not several
        and by_header != by_name
        # (a city's units are scanned only when the two disagree: every return asked it)
        and by_header not in campaign.units_in(name)
    ):
        form.named_for, form.named_by = by_name.name, named_by
        form.named_plainly = _plainly_named(name, by_name, campaign)
        said(
            Code.DEPARTMENT_MISMATCH,
            value=typed,
            department=by_header.name,
            by_header=by_header.name,
            by_name=by_name.name,
            named_by=named_by,
        )
    elif by_header and not several and record not in (None, by_header):
        # 学生工作处's follow-up form, its rows 学生工作处's answers, the header typed over by
        # 各二级学院: counted as 各二级学院's answers without a word (clerk trial 150)
        form.typed_over = record.name if record else ""
        said(
            Code.DEPARTMENT_MISMATCH,
            value=typed,
            variant="header_issued",
            department=by_header.name,
            by_header=by_header.name,
            issued=record.name if record else "",
        )
    if typed and by_header is None and by_name is not None:
        said(
            Code.DEPARTMENT_MISMATCH,
            value=typed,
            variant="unknown",
            department=by_name.name,
            typed=typed,
            by_name=by_name.name,
            named_by=named_by,
        )
    unit = by_header or by_name
    issued = record if not typed else None
    if unit is not None:
        form.department = unit.name
        form.department_by = "" if by_header else named_by
        if by_header is None and issued is not None and issued != unit:
            form.pointed_to, form.named_by = issued.name, named_by
            # a form issued to 学院警务室, its header blank, in 附属医院's mail: counted as
            # the mail's, unsaid, it replaced 附属医院's own return (clerk trial 148)
            said(
                Code.DEPARTMENT_MISMATCH,
                variant="issued",
                department=unit.name,
                issued=issued.name,
                by_name=unit.name,
                named_by=named_by,
                # (the folder agreeing with the form went unsaid: clerk trial 151)
                also=f"，{folder_by}也指向“{issued.name}”" if by_folder == issued else "",
            )
        elif by_header is None and named_by == "文件名" and (other := other_in_folder(unit)):
            # 附属医院's issued form, its name as issued and its header cleared, in 学院警务室's
            # mail: counted as 附属医院's, unsaid, it replaced that one's return (trial 149)
            form.pointed_to, form.pointed_by = other.name, folder_by
            said(
                Code.DEPARTMENT_MISMATCH,
                variant="folder",
                department=unit.name,
                by_name=unit.name,
                other=other.name,
                other_by=folder_by,
            )
        elif by_header is None and entry is not None and not typed and not several:
            agreeing = [folder_by] if by_folder == unit and named_by != folder_by else []
            agreeing += ["表格文件中记着的下发部门"] if record == unit else []
            said(
                Code.DEPARTMENT_BLANK,
                department=unit.name,
                named_by=named_by,
                also=f"（{'、'.join(agreeing)}也是它）" if agreeing else "",
            )
        return
    if issued is not None:
        form.department, form.department_by = issued.name, BY_ISSUE
        said(Code.DEPARTMENT_BY_ISSUED_FORM, department=issued.name)
        return
    said(
        Code.UNKNOWN_DEPARTMENT,
        value=typed,
        variant="" if typed else "blank",
        typed=typed,
        hint=_named_like(typed, path, campaign),
    )


def _sent_in(form: ReturnForm, campaign: Campaign) -> tuple[Unit | None, str, str]:
    """The department the innermost folder or archive `form` was sent in names (where the
    clerk saved each department's mail), that folder's name, and what it is in the
    messages' words (所在文件夹名, 所在压缩包名); (None, "", "") when none names one."""
    source = form.source
    if source is None:
        return None, "", ""
    archives = {source.path.stem, *(PurePosixPath(m).stem for m in source.members[:-1])}
    for folder in reversed(source.folders):
        if (unit := campaign.find_unit(sender_part(folder, campaign))) is not None:
            inside = source.members and folder in archives
            return unit, folder, "所在压缩包名" if inside else "所在文件夹名"
    return None, "", ""


def _named_like(typed: str, path: Path, campaign: Campaign) -> str:
    """“是不是“教务处”？” after the header's name (or, when it is blank, the file's: clerk
    trial 124) when it looks like a typo of a department's, not a guess."""
    hint = campaign.unit_hint(typed or path.stem, cutoff=0.7)
    return f"文件名“{path.stem}”{hint}" if hint and not typed else hint


_LABEL_TEXTS = {label.field: label.text for label in (*HEADER_LABELS, *FOOTER_LABELS)}
"""A label's wording on the form, named in a problem when the form has no such label."""


def read_header_fields(
    form: ReturnForm,
    labels: dict[str, LabelValue],
    campaign: Campaign,
    sheet: str,
    as_of: date,
    todays: Mapping[str, str] | None = None,
) -> None:
    """主要负责人, 上报人, 联系方式 and the form's 日期, with their problems (`todays`: the
    sheet's cells giving the day they are computed, `SheetGrid.todays`)."""

    def add(code: Code, key: str, variant: str = "", **params: object) -> None:
        entry = labels.get(key)
        form.problems.append(
            problem(
                code,
                form.file,
                sheet=sheet,
                cell=entry.value_ref if entry else "",
                row=None,
                field=entry.text if entry else _LABEL_TEXTS[key],
                value=cell_text(entry.value) if entry else "",
                department=form.department,
                variant=variant,
                **params,
            )
        )

    head = labels.get("head")
    form.head = cell_text(head.value) if head else ""
    if not form.head:
        add(Code.MISSING_HEAD, "head")
    form.reporter = cell_text(labels["reporter"].value) if "reporter" in labels else ""
    form.phone = cell_text(labels["phone"].value) if "phone" in labels else ""
    if not form.reporter or not form.phone:
        add(Code.MISSING_REPORTER, "reporter" if not form.reporter else "phone")
    entry = labels.get("form_date")
    form.date_cell = entry.value_ref if entry else ""
    if formula := (todays or {}).get(form.date_cell):  # =TODAY(): a day that moves
        add(
            Code.TODAY_FORMULA,
            "form_date",
            "form_date",
            formula=formula,
            day=campaign.info.returns_due,
        )
    raw = entry.value if entry else None
    due = campaign.info.returns_due
    try:
        form.form_date = parse_date(_date_text(raw), campaign.info.issued_on)
    except DateNotUnderstood:
        # (12.16 typed: said why it is no date, as in the table: clerk trial 185 AK6)
        form.date_unread = cell_text(raw)
        saved = form.saved_on
        issued = campaign.info.issued_on
        number = typed_as_number(raw)
        readings = month_day_readings(form.date_unread, issued) if number else []
        # of 12.1 and 12.10, the one day before its file was saved
        possible = [d for d in readings if issued <= d and (saved is None or d <= saved)]
        form.date_read_as = possible[0] if len(possible) == 1 else None
        form.sent_unknown = form.date_read_as is None and saved is not None and saved > due
        variant = "form_date_number" if number else "form_date"
        if form.date_read_as is not None:
            variant += "_read" if len(readings) > 1 else "_one"
        elif form.sent_unknown:
            variant += "_pending"
        add(
            Code.BAD_DATE,
            "form_date",
            variant,
            **date_example(issued),
            # (one day only: said as the day it is read as)
            maybe=_readings(readings) if len(readings) > 1 or not form.date_read_as else "",
            saved=saved,
            due=due,
            read_as=form.date_read_as,
        )
        if form.date_read_as is not None and form.date_read_as > due:
            late = (form.date_read_as - due).days
            add(
                Code.LATE_RETURN,
                "form_date",
                "read_as",
                form_date=form.date_read_as,
                due=due,
                late=late,
                typed=form.date_unread,
            )
        return
    why = None if form.form_date is None else implausible(form.form_date, campaign, as_of, True)
    if why is not None:
        add(why, "form_date", header="表头日期", day=form.form_date, as_of=as_of)
        # a year typed wrong either way: long before the campaign, or after the day judged
        # by and after the file itself was saved (2025-11-18 for 2024-11-18)
        saved = form.saved_on
        form.date_impossible = why is Code.IMPLAUSIBLE_DATE or (
            saved is not None and form.form_date is not None and form.form_date > saved
        )
    elif form.form_date is not None and form.form_date < campaign.info.issued_on:
        form.date_impossible = True
        add(
            Code.FORM_DATE_BEFORE_ISSUE,
            "form_date",
            day=form.form_date,
            issued=campaign.info.issued_on,
        )
    if form.form_date is None:
        add(Code.MISSING_FORM_DATE, "form_date")
    if form.form_date is None or form.date_impossible:
        _late_by_file_day(form, due, add)
    elif form.form_date > due:
        late = (form.form_date - due).days
        add(Code.LATE_RETURN, "form_date", form_date=form.form_date, due=due, late=late)


def _readings(readings: list[date]) -> str:
    """What a 日期 typed as a number may be (`month_day_readings`), as the message says it
    (12.1: 12月1日, or 12月10日: clerk trial 235 CI3)."""
    days = [f"{d.month}月{d.day}日" for d in readings]
    lost = "，末尾的 0 也会丢掉" if len(days) > 1 else ""
    return f"{lost}；可能是{'，也可能是'.join(days)}" if days else ""


def _late_by_file_day(form: ReturnForm, due: date, add: Callable[..., None]) -> None:
    """A return without a 日期 that can be right was sent the day of its file
    (`ReturnForm.sent_on`): late when that is after `due`, as `status` counts it."""
    sent = form.sent_on
    if sent is not None and sent > due:
        late = (sent - due).days
        add(Code.LATE_RETURN, "form_date", "file_day", form_date=sent, due=due, late=late)


def _date_text(value: object) -> object:
    """The template's `____年__月__日` line, filled in by hand, becomes plain text."""
    if isinstance(value, str):
        return value.replace("_", "").replace(" ", "").replace("\u3000", "")
    return value


_FORM_WORDS = re.compile(
    r"安全隐患|隐患|自查|整改|清单|附件\s*[2二]|回头看|报表|表格|填报|报送|已?盖章|签字|扫描|"
    r"终稿|最终|最新|修改后?|更新|第.{1,3}[版轮稿次]|[版稿表]|情况|副本|复制|copy|[0-9]+|[年月日号]|"
    r"[-_—–.·\s()\[\]【】（）]"
)
"""What a file's name holds besides its department's: the form's words, versions, dates."""


def sender_part(name: str, campaign: Campaign) -> str:
    """A file's or folder's name without the receiving office it names as where it goes
    (学工处自查情况-报保卫处, 各部门报安全保卫处的材料: given to 安全保卫处 when the header was
    blank, its own return replaced and the sender chased: clerk trial 148)."""
    receiver = campaign.named_unit(campaign.info.receiver)
    if receiver is None:
        return name
    called = sorted((receiver.name, *receiver.other_names), key=len, reverse=True)
    for office in called:
        name = re.sub(rf"[报交送转至给致呈]{re.escape(office)}", "", name)
    units = campaign.units_in(name)
    if len(units) > 1 and receiver in units:
        # 学工处-安全保卫处.xlsx, 致安全保卫处：学工处自查整改清单: the other is the sender
        # (counted as the office's, it replaced that one's own return: clerk trial 149)
        for office in called:
            name = name.replace(office, "")
    return name


def _plainly_named(stem: str, unit: Unit, campaign: Campaign) -> bool:
    """Whether the file name `stem` names `unit` and nothing else besides the form's words:
    a place called like it (职教中心实训楼工地检查.xlsx) is not the department (a set-aside
    form was told to 职教中心学校, its sender 总务基建处 told nothing: clerk trial 95)."""
    rest = normalize_key(stem).casefold()
    for name in sorted((unit.name, *unit.other_names, campaign.info.school), key=len, reverse=True):
        rest = rest.replace(normalize_key(name).casefold(), "")
    return not _FORM_WORDS.sub("", rest)
