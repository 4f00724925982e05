"""催报 / 督办: short notices, one per department that has something to be told.

- not returned: the deadline, what to send and to whom (逾期 N 天 once it has passed);
- overdue hazards: each with 部位, 问题, 整改时限 and days overdue;
- assigned problems (交办问题) not yet answered, or overdue: each with its 编号 and source;
- rectifications the receiving office's review found 不合格;
- hazards reported 已完成 without the photo the campaign asks for (require_photo);
- a follow-up round not answered: its due date (逾期 N 天 once it has passed);
- returned late: a polite note, in the week after the return came in.
Departments with nothing to be told get no notice. The receiving office (安全保卫处) is
not sent a letter from itself: its own items are written as a to-do list (本处待办).
The texts are plain, ready to paste into a message or an email.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path

from pydantic import BaseModel

from huitoukan.campaign import Campaign
from huitoukan.dates import chinese_date
from huitoukan.files import as_argument, collect_command, followup_command, write_atomically
from huitoukan.forms.layout import COLUMN_BY_FIELD, REVIEW_FILE, REVIEWS_FOLDER
from huitoukan.letters.photos import before_photos
from huitoukan.model.findings import PartState, number_key
from huitoukan.model.problems import CATALOGUE, Code
from huitoukan.model.returns import STILL_THERE, marked_long_standing
from huitoukan.register.layout import REGISTER_FILE
from huitoukan.register.status import DepartmentSummary, HazardView, StatusReport
from huitoukan.returns.archives import for_the_sender
from huitoukan.returns.finding import sent_name

COMBINED_FILE = "全部通知.txt"
CUT_LINE = "- - - - - - - - - - - - - - - - 沿此线剪开 - - - - - - - - - - - - - - - -"
"""What parts one department's notice from the next in `COMBINED_FILE`."""
CLOSED_ON = COLUMN_BY_FIELD["closed_on"].header
PROGRESS = COLUMN_BY_FIELD["progress"].header
_BLANK_PROGRESS = CATALOGUE[Code.MISSING_PROGRESS].title
"""How `HazardRow.errors_said` says the 整改完成情况 was left blank (`checks.rows._said_short`)."""


class Notice(BaseModel):
    department: str
    kinds: list[str]
    """催报 (not returned), 督办 (overdue hazards), 交办问题 (assigned problems unanswered),
    复查不合格, 说明推迟原因 (a 整改时限 put off without a word), 补充照片 (done without a
    photo), 补填销号时间 (done without a usable 销号时间), 重新整改 (closed, then found still
    there by an inspection), 改正错误 (rows of the return with
    errors), 补填部门 (its header's 部门（章） left blank), 跟进轮催报 (a follow-up round not answered), 逾期报送 (returned late),
    核对另报表格 (another form of its header set aside); 核实部门 in the receiving office's
    own list (returns whose department could not be identified), and 明确责任部门 (assigned
    problems the list gives no department)."""
    text: str
    own: bool = False
    """The receiving office's own to-do list, not a letter."""


_DONE_THEN = "整改完成后填写销号时间报送"
_ROUND_DATE_KEPT = CATALOGUE[Code.ROUND_DATE_KEPT].title
_BLANK_HEADER = CATALOGUE[Code.DEPARTMENT_BLANK].title


def _deadline(hazard: HazardView) -> str:
    return f"整改时限 {_day(hazard.deadline)}{hazard.default_mark}{hazard.given_mark}" + (
        f"，已逾期 {hazard.days_overdue} 天" if hazard.days_overdue else ""
    )


def notices(
    campaign: Campaign,
    report: StatusReport,
    looked_in: Sequence[str] = (),
    register: Path | None = None,
) -> list[Notice]:
    """The notices due as of the report's day; the office's own list (本处待办) gives the
    collect to run with the folders the register was collected from (`looked_in`; “如
    huitoukan collect 回收 复查” was an example whatever they were called: trial 132), into
    `register` when it is kept elsewhere (`kept_elsewhere`)."""
    info = campaign.info
    due = chinese_date(info.returns_due)
    as_of = chinese_date(report.as_of)
    result: list[Notice] = []
    for dept in report.departments:
        if not dept.known:
            continue  # a name only a return gave: no one to write to (本处待办 says so below)
        kinds: list[str] = []
        lines = [f"{dept.department}："]
        if not dept.returned and dept.department in report.not_returned:
            kinds.append("催报")
            when = _when((report.as_of - info.returns_due).days, due)
            why = for_the_sender(dept.unreadable_why.rstrip("。"))
            why = why or "设有打开密码、文件已损坏或不是 Excel 表格"
            # what came, said before the form it was to be ("贵部门的《清单》报来的文件…"
            # read as the form sending a file: clerk trial 100)
            again = "按未报送计（确是贵部门的，请在表头填写贵部门后重新报送）"
            came, sent = "", f"截至{as_of}尚未报送"
            if dept.unreadable_file:
                name = sent_name(dept.unreadable_file)  # (c.zip of 医院.zip/a.zip/…: trial 150)
                sent = "按未报送计"
                if dept.sent_another_campaigns:  # (“无法读取（这是往期…）”: trial 109), its
                    # why a sentence, not brackets around brackets, its 请… said once (112)
                    came = f"贵部门报来的文件 {name}：{why.split('；请')[0]}；"
                    sent = "按未报送计（请用本次下发的附件2填写）"
                else:
                    came = f"贵部门报来的文件 {name} 无法读取（{why}），"
            elif dept.set_aside_file:  # not a word of it, 尚未报送 (clerk trial 93)
                came = (
                    f"收到下发给贵部门的表格 {Path(dept.set_aside_file).name}（"
                    f"{dept.set_aside_named()}），待核对，未汇总；"
                    if dept.set_aside_issued
                    # named for it, not known to come from it (“贵部门报来的” of a file
                    # another department saved under its name: clerk trial 177 AD6)
                    else f"收到名为 {Path(dept.set_aside_file).name} 的文件，"
                    f"{dept.set_aside_named()}，不是贵部门，未汇总；"
                )
                sent = again
                kinds.append("核对来件")  # (a bare 催报 in remind's list: clerk trial 153)
            elif dept.counted_file:  # counted as its header's: 尚未报送 said only (trial 97)
                came = (
                    f"收到下发给贵部门的表格 {Path(dept.counted_file).name}（"
                    f"{dept.counted_named}），已计为{dept.counted_header}报送；"
                    if dept.counted_issued
                    else f"收到名为 {Path(dept.counted_file).name} 的文件，"
                    f"{dept.counted_named}，已计为{dept.counted_header}报送；"
                )
                sent = again
                kinds.append("核对来件")
            # the receiving office's own to-do: its form is filed, not sent to itself (trial 70);
            # signed as the form's own 填报说明 and the plan ask, no seal added (trial 79)
            to = "存档" if dept.department == info.receiver else f"报{info.receiver}"
            lines.append(
                f"根据《{info.title}工作方案》（{info.document_number}），{came}贵部门的"
                f"《安全隐患自查整改清单》（附件2）{sent}，{when}：纸质版经主要领导签字后{to}，"
                "电子版同时报送。"
            )
        if dept.returned and dept.set_aside_file and dept.set_aside_header == dept.department:
            kinds.append("核对另报表格")  # its hazards in no register, no one told (trial 96)
            lines.append(
                # (or its header blank, in the department's mail, a form issued to another
                # department: trial 148)
                f"收到的文件 {dept.set_aside_file} {dept.set_aside_named('贵部门')}，"
                "但与贵部门报表中的隐患没有一项相同，未汇总：是贵部门补充报送的隐患的，"
                "请并入贵部门的报表（或作为同一工作簿的另一张工作表）后重新报送；"
                + (  # whose it may be, when its record says (clerk trial 153)
                    f"不是贵部门的，请告知{info.receiver}（表格文件中记着这份表格是下发给"
                    f"{dept.set_aside_issued_to}的）。"
                    if dept.set_aside_issued_to
                    else f"不是贵部门的表格（如下发给别的部门的表格），请告知{info.receiver}是哪个部门的。"
                )
            )
        if dept.returned and dept.borrowed_form:  # the warning reached the clerk alone (151)
            kinds.append("核对所用表格")
            name, other = Path(dept.borrowed_form).name, dept.borrowed_from
            lines.append(
                f"贵部门报来的 {name} 是下发给{other}的表格，表头改填了贵部门：表中{other}的交办问题"
                # (a row left as issued is no answer: counted for none, trial 203 BC8)
                "（已填写的）和预先填写的隐患、整改情况已按贵部门的汇总。不是贵部门的，请删去这些行或改为本部门的"
                "情况后重新报送（下发给贵部门的附件2中已有贵部门的交办问题）。"
                if not dept.borrowed_by
                # its header blank, counted by its file's or folder's name (clerk trial 153)
                else f"贵部门报来的 {name} 是下发给{other}的表格，表头“部门（章）”没有填写，已按"
                f"{dept.borrowed_by}计为贵部门的报表：请在表头填写贵部门全称；表中如有{other}的交办"
                "问题和预先填写的隐患，不是贵部门的，请删去后重新报送（下发给贵部门的附件2中已有"
                "贵部门的交办问题）。"
            )
        if dept.returned and dept.old_form:  # the warning reached the clerk alone (trial 110)
            kinds.append("核对往期表格")
            lines.append(
                f"贵部门报来的 {Path(dept.old_form).name} 是往期活动的表格（表头日期是本次的）：请核对"
                "其中的隐患和日期是不是本次自查的；是把往期的报表改了日期报来的，请用本次下发的"
                "附件2重新填写后报送。"
            )
        owed = [
            round_
            for round_ in report.rounds
            # who never returned is 催报'd above; a round issued that very day is not chased
            # (7 departments were chased for forms just sent: clerk trial 79)
            if dept.department in round_.not_answered
            and dept.returned
            and round_.form_date < report.as_of
        ]
        if owed:  # the latest round's form answers every round before it: that one is asked
            # for (three forms were, one a round: clerk trial 90)
            round_ = max(owed, key=lambda r: r.form_date)
            kinds.append("跟进轮催报")
            when = _when((report.as_of - round_.due).days, _day(round_.due))
            to = "" if dept.department == info.receiver else f"后报{info.receiver}"
            before = "、".join(_day(r.form_date) for r in owed if r is not round_)
            also = f"（此前{before}下发的跟进轮也未报送，报送这一份即可）" if before else ""
            if _ROUND_DATE_KEPT in dept.form_errors:  # sent, dated before the round: its
                # date to put right, not 尚未收到 (clerk trial 114)
                lines.append(
                    f"贵部门报来的跟进轮表格，表头日期早于本轮下发日期（{_day(round_.form_date)}），"
                    "按表头日期本轮仍算未报送：请把表头日期改为报送当天的日期后重新报送。"
                )
            else:
                lines.append(
                    f"{_day(round_.form_date)}下发的跟进轮《安全隐患自查整改清单》（已预填贵部门报送的"
                    f"隐患）尚未收到{also}，{when}：请在表中更新每项隐患的整改完成情况和销号时间、"
                    f"补充新发现的隐患，纸质版经主要领导签字{to}。"
                )
        sent_as = [h for h in report.sent_as_answers if h.department == dept.department]
        if sent_as:  # (the 退回修改 copy said it, the notice nothing: clerk trials 137, 139)
            kinds.append("核对问题编号")
            owners: dict[str, list[str]] = {}
            for part in report.parts:
                owners.setdefault(number_key(part.number), []).append(part.department)
            lines.append(
                f"贵部门报表中有 {len(sent_as)} 行写的交办问题编号，在交办问题清单中不是交给贵部门"
                f"的，{'这一行' if len(sent_as) == 1 else '这些行'}已按贵部门自查发现的隐患汇总："
                "问题已改由其他部门负责或已撤销的，删去问题编号即可（问题来源照旧）；编号写错的，请"
                "改正后重新报送；确由贵部门整改的，"
                # (the office told to tell itself: clerk trial 140)
                + (
                    "请在交办问题清单的责任部门中加上贵部门："
                    if dept.department == info.receiver
                    else f"请告知{info.receiver}："
                )
            )
            lines += _numbered(
                f"{_what(h)}（写的编号是 {h.sent_as}，"
                + (
                    f"清单中现由{'、'.join(whose)}负责）"
                    if (whose := owners.get(number_key(h.sent_as)))
                    else "清单中没有这个编号）"
                )
                for h in sent_as
            )
        # reported 已完成, but with no 销号时间 that can be read: done, only not 销号 yet
        # (asked before its 整改时限 too: only the overdue were, once it had passed)
        undated = [h for h in report.undated if h.department == dept.department]
        overdue = [h for h in report.overdue if h.department == dept.department and not h.undated]
        failed = [h for h in report.review_failed if h.department == dept.department]
        # an overdue hazard reviewed 不合格 is listed once: among the overdue, with its review
        refused = {h.source: h.review_note for h in failed}
        if overdue:
            kinds.append("督办")
            lines.append(
                f"截至{as_of}，贵部门有 {len(overdue)} 项隐患已超过整改时限尚未销号，"
                f"请抓紧整改，{_DONE_THEN}"
                + (
                    "（复查不合格的，完成后把销号时间改为重新整改完成的日期）"
                    if any(h.source in refused for h in overdue)
                    else ""
                )
                + "；短期内难以整改到位的，请落实补救或替代措施并在备注中注明"
                + (
                    "（已注明的，请按所报措施落实并报告整改进度）"
                    if any(map(_marked, overdue))
                    else ""
                )
                + "："
            )
            # the review's words after the brackets: they may hold brackets of their own
            lines += _numbered(
                f"{_what(h)}（{_deadline(h)}，责任人 {h.owner or '未填写，请补充'}"
                + _progress_asked(h)
                + ("，贵部门最新报送的表格中已没有这一项，但未见销号，请说明" if h.vanished else "")
                # its measures said, the notice asked for them all the same (trial 194 AT8)
                + (f"，已报历史遗留{_measures(h)}" if _marked(h) else "")
                + "）"
                # (“复查意见：未写明意见” quoted a comment nobody wrote: clerk trial 136)
                + (f"，复查不合格{_opinion(refused[h.source])}" if h.source in refused else "")
                for h in overdue
            )
            listed = {h.source for h in overdue}
            failed = [h for h in failed if h.source not in listed]
        # closed, then found still there by an inspection: to rectify again, not to date
        reopened = [h for h in undated if h.closing_flaw == STILL_THERE]
        if reopened:
            kinds.append("重新整改")
            lines.append(
                f"贵部门已报销号的 {len(reopened)} 项隐患，之后上级检查时问题仍在（已列为交办问题），"
                "台账按未销号跟踪：请重新整改，完成后把销号时间改为重新整改完成的日期，重新报送："
            )
            lines += _numbered(f"{_what(h)}（{_deadline(h)}）" for h in reopened)
        misdated = [h for h in undated if h.closing_flaw != STILL_THERE]
        if misdated:
            kinds.append("补填销号时间")
            late = sum(1 for h in misdated if h.days_overdue)
            lines.append(
                f"贵部门报“已完成”的 {len(misdated)} 项隐患没有可用的销号时间（各项原因见下），"
                "台账按未销号计"
                + (
                    ""
                    if not late
                    else "，已超过整改时限"
                    if late == len(misdated)
                    else f"，其中 {late} 项已超过整改时限"
                )
                + "；请填写正确的销号时间后重新报送："
            )
            # its photo asked now too, not only once the date is mended (clerk trial 133)
            lines += _numbered(
                f"{_what(h)}（销号时间{h.closing_flaw or '有误'}；{_deadline(h)}）"
                + (
                    "；同时请附整改后照片"
                    if info.require_photo and (not h.photos or h.photos_before_only)
                    else ""
                )
                for h in misdated
            )
        # gone from its newest return, not closed, and not overdue (those are asked above)
        chased = {h.source for h in overdue}
        vanished = [h for h in report.vanished if h.department == dept.department]
        gone = [h for h in vanished if h.source not in chased]
        if gone:
            kinds.append("核对未销号隐患")
            # (those listed above as overdue said apart: “以下 1 项” of two deleted read as
            # one: clerk trial 126)
            also = "除上面已列出的逾期隐患外，" if len(gone) < len(vanished) else ""
            lines.append(
                f"贵部门最新报送的表格中，{also}以下 {len(gone)} 项隐患的行被删除或整改情况被清空，"
                "但未见销号，台账中仍按未销号跟踪：请恢复这些行、填写整改情况后重新报送"
                "（已整改完成的，同时填写销号时间）："
            )
            lines += _numbered(f"{_what(h)}（整改时限 {_day(h.deadline)}）" for h in gone)
        asked = {h.source for h in undated}
        wrong = [
            (h, _to_put_right(h, asked))
            for h in report.with_errors
            if h.department == dept.department
        ]
        wrong = [(h, said) for h, said in wrong if said or not h.errors_said]
        form_errors = [e for e in dept.form_errors if e != _ROUND_DATE_KEPT or not owed]
        if _BLANK_HEADER in form_errors:  # (asked above of a form issued to another)
            form_errors.remove(_BLANK_HEADER)
            if not dept.borrowed_by:
                kinds.append("补填部门")
                lines.append(
                    "贵部门报送的自查整改清单表头“部门（章）”没有填写（已按文件名或所在文件夹名计为"
                    "贵部门的报表）：请在表头填写本部门全称，纸质版加盖部门公章。"
                )
        if form_errors:  # off the rows: no notice at all (clerk trial 112)
            kinds.append("改正错误")
            lines.append(
                f"贵部门报送的自查整改清单中，表头、表尾等处填写有误（{'、'.join(form_errors)}），"
                "请改正后重新报送。"
            )
        if wrong:
            kinds += [] if "改正错误" in kinds else ["改正错误"]
            lines.append(
                f"贵部门报送的自查整改清单中有 {len(wrong)} 项隐患填写有误，请改正后重新报送："
            )
            lines += _numbered(
                f"{_what(h)}（{'、'.join(said) or f'{h.errors} 处错误'}）" for h, said in wrong
            )
        unanswered = [
            p
            for p in report.parts
            if p.department == dept.department and p.state is PartState.UNANSWERED
        ]
        if unanswered:
            kinds.append("交办问题")
            # the list's 整改时限 is filled in and locked on the issued form: asked to fill
            # it in, the department found the cell locked (clerk trial 70)
            untimed = any(p.deadline is None for p in unanswered)
            lines.append(
                f"交办贵部门整改的 {len(unanswered)} 个问题尚未反馈整改情况，请在自查整改清单中"
                "该问题的行内（表中没有该问题的，新增一行并填写其问题编号）填写整改措施、责任人和"
                "整改完成情况"
                + ("（交办时未定整改时限的，同时填写整改时限）" if untimed else "")
                + "后报送："
            )
            lines += _numbered(
                # a 序号 alone said as one (“1. 3（县级普查…”: clerk trial 150)
                f"{'问题编号 ' if p.number.isdigit() else ''}{p.number}（{p.source}"
                + (
                    f"，整改时限 {_day(p.deadline)}{p.given_mark}，已逾期 {p.days_overdue} 天"
                    if p.days_overdue
                    else ""
                )
                # which ones the 整改时限 is asked of, in a list of both (trial 72)
                + ("，交办时未定整改时限，请填写" if untimed and p.deadline is None else "")
                # given back: what it sent meanwhile was no answer (trial 164)
                + (
                    f"，{_day(p.given_back)}又交回贵部门负责，其他部门负责期间报送的行只算移交说明"
                    if p.given_back
                    else ""
                )
                + f"）{p.what}"
                for p in unanswered
            )
        if refused:
            kinds.append("复查不合格")
        if failed:
            lines.append(
                f"经{info.receiver}复查验收，贵部门报已完成的 {len(failed)} 项隐患不合格，已退回整改中，"
                "请按复查意见继续整改，完成后把销号时间改为重新整改完成的日期，重新报送（销号时间"
                "不改的，仍按复查不合格计）："
            )
            lines += _numbered(f"{_what(h)}{_opinion(h.review_note)}" for h in failed)
        put_off = [h for h in report.put_off if h.department == dept.department and h.put_off_from]
        if put_off:  # (the warning on the return asked; the 督办 list no longer shows them)
            kinds.append("说明推迟原因")
            lines.append(
                f"贵部门有 {len(put_off)} 项隐患的整改时限比此前报送的推迟了，备注中未说明原因，"
                "请在备注中写明推迟的原因和采取的临时措施后重新报送："
            )
            lines += _numbered(
                f"{_what(h)}（整改时限由 {_day(h.put_off_from)} 推迟至 {_day(h.deadline)}）"
                for h in put_off
            )
        no_photo = [h for h in report.missing_photos if h.department == dept.department]
        if no_photo:
            kinds.append("补充照片")
            lines.append(
                f"贵部门报已完成的 {len(no_photo)} 项隐患未附整改后照片，请把照片粘贴在该隐患所在行"
                "（WPS、Excel 中可选“嵌入单元格”或“放置在单元格中”，也可浮动放在该行上），"
                "随自查整改清单重新报送："
            )
            lines += _numbered(
                f"{_what(h)}（销号时间 {_day(h.closed_on)}）"
                + (f"，表中粘贴的照片未能读取：{h.photos_unread}" if h.photos_unread else "")
                # why a row with a photo is asked for one (none was said: clerk trial 87)
                + (f"，所附照片是{before_photos(h.number)}" if h.photos_before_only else "")
                + (  # (asked in its 退回修改 copy alone: clerk trial 112)
                    f"，所附照片是{h.photos_of_others}报送的，不是这项隐患自己的整改照片"
                    if h.photos_of_others and not h.photos_before_only
                    else ""
                )
                + (f"；{h.photo_hint}" if h.photo_hint else "")
                for h in no_photo
            )
        own = dept.department == info.receiver  # its own to-do list: no note on lateness
        said_late = dept.returned and dept.late and _lately(dept, report.as_of) and not own
        if said_late:
            kinds.append("逾期报送")
            # its own form, come in another's folder and set aside, may be the one on time
            # (counted late with no word of it: clerk trial 107)
            aside = dept.set_aside_file and dept.set_aside_header == dept.department
            lines.append(
                f"贵部门的自查整改清单已于{_day(dept.first_returned_on)}收到，晚于报送截止日期（{due}），"
                + (
                    f"这是按已汇总的报表计的：上文待核对的 {dept.set_aside_file} 确是贵部门"
                    f"按时报送的，请并入后重新报送，经{info.receiver}核实后按其日期计。"
                    if aside
                    else "请今后按时报送。"
                )
            )
        # a follow-up round answered late, as the first (none was said: clerk trial 46); a
        # return that answers two rounds at once is said of the later one
        # (its first return, late for the campaign, said once: clerk trial 56)
        late_rounds = {
            day: round_
            for round_ in report.rounds
            if (day := round_.answered_late.get(dept.department)) is not None
            and 0 <= (report.as_of - day).days <= LATE_NOTE_DAYS
            and not own
            and not (said_late and day == dept.first_returned_on)
        }
        for day, round_ in late_rounds.items():
            kinds += [] if "逾期报送" in kinds else ["逾期报送"]
            lines.append(
                f"贵部门对{_day(round_.form_date)}下发的跟进轮的反馈已于{_day(day)}收到，晚于截止日期"
                f"（{_day(round_.due)}），请今后按时报送。"
            )
        if not kinds:
            continue
        if kinds == ["逾期报送"]:  # thanked for its return; not after a 督办 (trial 112)
            lines[-1] += "感谢配合。"
        if own:
            mine = [  # (its own form is filed, not 报送 to itself: clerk trial 112)
                line.replace("贵部门", "本处").replace(_DONE_THEN, "整改完成后填写销号时间")
                for line in lines[1:]
            ]
            result.append(_own_list(info.receiver, as_of, kinds, mine))
        else:
            lines.append(f"{info.receiver}　{as_of}")
            result.append(Notice(department=dept.department, kinds=kinds, text="\n".join(lines)))
    unknown = [d for d in report.departments if not d.known]
    if unknown:
        _add_to_own(result, info.receiver, as_of, "核实部门", _unknown_lines(unknown))
    if report.unassigned:  # no department is told of them: the office is (clerk trial 42)
        line = (
            f"交办问题清单中有 {len(report.unassigned)} 个问题尚未明确责任部门，未交办整改："
            f"{report.unassigned_named()}。请在清单的“责任部门”一栏填写后重新汇总"
            f"（{_collect(looked_in, register)}），并给该部门下发附有这些问题的跟进轮表格"
            f"（{_followup(register)}）。"
        )
        _add_to_own(result, info.receiver, as_of, "明确责任部门", [line])
    belied = report.belied_unlisted()
    if belied:  # the crosscheck's advice, on the screen alone, scrolled away (trial 155)
        named = "；".join(
            f"交办问题 {number} 部门报已完成，{said}检查时问题仍在" for number, said in belied
        )
        line = (
            f"{named}：请把检查发现的问题作为新的问题加入交办问题清单（原来的那一行保留），写明"
            f"责任部门和整改时限，重新汇总（{_collect(looked_in, register)}）后下发跟进轮表格"
            f"（{_followup(register)}），部门即按它重新整改。"
        )
        _add_to_own(result, info.receiver, as_of, "重新交办", [line])
    waiting = report.totals.unreviewed
    if waiting:  # the office's own part of 销号: its 复查验收
        lines = [
            f"各部门报已完成的 {waiting} 项隐患待复查验收：请运行 "
            + " ".join(["huitoukan review", *([as_argument(register)] if register else [])])
            + " 生成复查验收表，"
            f"现场复查后填写复查人、复查时间和复查结论，把填好的表放入 {REVIEWS_FOLDER} 文件夹，"
            f"与报表一起重新汇总（{_collect([*looked_in, REVIEWS_FOLDER], register)}）。"
        ]
        # verdicts on a form already, not taken for an error: put right, not a new form
        # (only the review command was named: clerk trial 101)
        lines += reviews_refused(report.reviews_not_taken)
        _add_to_own(result, info.receiver, as_of, "复查验收", lines)
    return result


def _opinion(note: str) -> str:
    """A failed review's 复查意见 as a notice quotes it (none written, said so)."""
    return f"，复查意见：{note}" if note else "（复查时未写明意见）"


def reviews_refused(not_taken: Mapping[str, Sequence[int]]) -> list[str]:
    """The rows of each 复查验收表 whose verdicts were not taken, and what to do about them
    (`StatusReport.reviews_not_taken`)."""
    return [
        f"{_review_form(Path(file).name)} {_rows_named(rows)}的复查结论因填写有误"
        "未采用（见 collect 列出的问题）：在该表中改正后重新 collect 即可。"
        for file, rows in not_taken.items()
    ]


ROWS_NAMED = 10
"""Rows of a form named before the rest are counted (490 row numbers came before the
summary of status: trial 230 CD56)."""


def _rows_named(rows: Sequence[int]) -> str:
    """第 3、5、8 行, or the first `ROWS_NAMED` of many, then how many in all."""
    named = "、".join(map(str, rows[:ROWS_NAMED]))
    return f"第 {named} 行" if len(rows) <= ROWS_NAMED else f"第 {named} 行等 {len(rows)} 行"


def _review_form(name: str) -> str:
    """A 复查验收表 by its file's name (“复查验收表 复查验收表 12.19.xlsx”: clerk trial 136)."""
    title = Path(REVIEW_FILE).stem
    return name if name.startswith(title) else f"{title} {name}"


def _followup(register: Path | None) -> str:
    """The follow-up round's command, of `register` when kept elsewhere (“issue --followup”
    alone could not be typed as it stood: clerk trial 155)."""
    return followup_command(register or REGISTER_FILE)


def _collect(folders: Sequence[str], register: Path | None) -> str:
    """The collect of `folders` into `register` (an example when the register recorded none)."""
    if any(folder != REVIEWS_FOLDER for folder in folders):
        return collect_command(folders, register)
    return "如 " + collect_command(["回收", *folders], register)


def _unknown_lines(unknown: Sequence[DepartmentSummary]) -> list[str]:
    lines = [
        f"有 {len(unknown)} 个名称不在本次活动的部门名单中（报表表头“部门（章）”未填写或写法不对，"
        "按文件名或所填名称暂记），其中的隐患已计入台账；请核实是哪个部门的：是本次活动的部门而 "
        "campaign.toml 的名单中漏了的，请在 campaign.toml 中加上该部门后重新汇总；否则请该部门"
        "在表头填写部门全称后重新报送："
    ]
    for number, dept in enumerate(unknown, start=1):
        overdue = f"，其中逾期 {dept.overdue} 项" if dept.overdue else ""
        lines.append(f"  {number}. “{dept.department}”：隐患 {dept.hazards} 项{overdue}")
    return lines


def _own_list(receiver: str, as_of: str, kinds: list[str], lines: list[str]) -> Notice:
    """The receiving office's to-do list (本处待办): `lines` under its heading, the date last."""
    head = f"本处待办（{receiver}是本次活动的接收部门，以下事项不另发通知）："
    text = "\n".join([head, *lines, f"统计日期：{as_of}"])
    return Notice(department=receiver, kinds=kinds, text=text, own=True)


def _add_to_own(
    result: list[Notice], receiver: str, as_of: str, kind: str, lines: list[str]
) -> None:
    """Add `lines` to the receiving office's to-do list (made when it had nothing else)."""
    own = next((n for n in result if n.own), None)
    if own is None:
        own = _own_list(receiver, as_of, [], [])
        result.append(own)
    body, _, stamp = own.text.rpartition("\n")
    own.text = "\n".join([body, *lines, stamp])
    own.kinds.append(kind)


LATE_NOTE_DAYS = 7
"""The polite note on a late return goes out in the week after it came in, not every week
the clerk sends reminders."""


def _marked(hazard: HazardView) -> bool:
    """The department marked the hazard 历史遗留 in its 备注 (its measures there)."""
    return marked_long_standing(hazard.remarks)


def _measures(hazard: HazardView) -> str:
    """The 备注 of a hazard marked 历史遗留, quoted after the words (its measures)."""
    said = re.sub("^历史遗留[问题]*[：:，,；;。]?", "", hazard.remarks.strip())[:60]
    return f"（备注：{said}）" if said else ""


def _progress_asked(hazard: HazardView) -> str:
    """What an overdue hazard's notice asks of its 整改完成情况 when the register has none:
    filled in with words not understood (已经弄好了), it was said not filled in, and the
    same notice said it could not be read (clerk trial 186 AL4)."""
    if hazard.progress:
        return ""
    if any(column == PROGRESS and said != _BLANK_PROGRESS for column, said in hazard.errors_said):
        return "，整改完成情况无法识别，请选择：已完成、整改中或未整改"
    return "，整改完成情况未填写，请补充"


def _to_put_right(hazard: HazardView, asked: set[str]) -> list[str]:
    """What is wrong in the hazard's row, but in its 销号时间 when that is asked for already
    (the hazards whose `source` is in `asked`): said twice, one mistake read as two (clerk
    trial 72)."""
    again = hazard.source in asked
    return [said for column, said in hazard.errors_said if not (again and column == CLOSED_ON)]


def _when(late: int, due: str) -> str:
    """When to send it, `late` days after the day it is `due` (negative: before it)."""
    if late > 0:
        return f"已逾期 {late} 天，请尽快报送"
    if late == 0:  # (请于今天前 would say it is already too late)
        return f"今天（{due}）是报送截止日期，请于今天报送"
    return f"请于{due}前报送"


def _lately(dept: DepartmentSummary, as_of: date) -> bool:
    first = dept.first_returned_on
    return first is None or 0 <= (as_of - first).days <= LATE_NOTE_DAYS


def _numbered(items: Iterable[str]) -> list[str]:
    """A notice's list: each item on its line, indented and numbered from 1 (a cell's
    lines joined by ；: two hazards typed into one cell broke the list, the second a stray
    line of its own, clerk trial 52)."""
    return [
        f"  {number}. {'；'.join(filter(None, map(str.strip, item.splitlines())))}"
        for number, item in enumerate(items, start=1)
    ]


def _what(hazard: HazardView) -> str:
    """The hazard as a letter names it; an assigned problem's with its 编号 first (an
    inspection's problem is followed more closely than one the department found)."""
    where = hazard.named() or _unnamed(hazard)
    return f"【{hazard.number}】{where}" if hazard.number else where


_ROW = re.compile(r"第(\d+)行$")


def _unnamed(hazard: HazardView) -> str:
    """A row of no 部位 nor 存在隐患问题, by its row and what it holds (“1. （未填隐患内容）”
    gave the department nothing to find it by: trial 216 BP5)."""
    row = _ROW.search(hazard.source)
    held = next(
        (
            f"{label}“{text if len(text) <= 20 else text[:19] + '…'}”"
            for label, text in (("整改措施", hazard.measures), ("责任人", hazard.owner))
            if text
        ),
        "",
    )
    at = f"第 {row.group(1)} 行" if row else "一行"
    return f"{at}（{held}）" if held else at


def _day(day: date | None) -> str:
    return chinese_date(day) if day else "未填写"


def notice_file(department: str, own: bool = False) -> str:
    return f"{department}-{'本处待办' if own else '通知'}.txt"


def is_notice_file(name: str) -> bool:
    """A file `write_notices` writes, by its name: the office's own letter, not anything a
    department sent (read as one, remind told 学院警务室 its file “学院警务室-通知.txt” could not
    be read: clerk trial 116)."""
    return name == COMBINED_FILE or name.endswith(("-通知.txt", "-本处待办.txt"))


def write_notices(
    items: Sequence[Notice], out_dir: Path, departments: Sequence[str] = ()
) -> list[Path]:
    """One text file per department plus one combined file (UTF-8 with a BOM, which every
    Windows editor recognises). The notice an earlier run wrote to one of `departments`
    that is owed none now is removed (the folder is sent or printed as a whole: a 催报 to
    a department that has since returned went out again)."""
    texts = {notice_file(n.department, n.own): n.text for n in items}
    # the departments' alone, each after a line to cut along (the office's own to-do list
    # was printed with them, all run on one page: clerk trial 234 CH13)
    texts[COMBINED_FILE] = f"\n\n{CUT_LINE}\n\n".join(n.text for n in items if not n.own)
    written = []
    for name, text in texts.items():
        path = out_dir / name
        _write_text(path, text + "\n")
        written.append(path)
    for department in departments:
        for own in (False, True):
            stale = out_dir / notice_file(department, own)
            if stale.name not in texts:
                with contextlib.suppress(FileNotFoundError):
                    stale.unlink()
    return written


def _write_text(path: Path, text: str) -> None:
    write_atomically(path, lambda tmp: tmp.write_text(text, encoding="utf-8-sig"))
