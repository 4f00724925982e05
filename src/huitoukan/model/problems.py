"""The catalogue of problems found in returned forms, and the `Problem` value.

A problem is data, never an exception: it says where (file, sheet, cell, row), what
(field, value seen) and, in plain Chinese, what to ask the department to fix. Every
kind of problem has a code in `Code`, and its severity, a short Chinese title and
its message template in `CATALOGUE`; problems are made only with `problem()`, so a
code, its severity and its wording live in one place (the README's list of codes
is checked against this catalogue by a test).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from huitoukan.dates import chinese_date


class Severity(StrEnum):
    ERROR = "错误"
    WARNING = "警告"


class Code(StrEnum):
    """Stable slugs of every kind of problem, for tests and machines (`--json`)."""

    UNREADABLE = "unreadable"
    UNREADABLE_SUPERSEDED = "unreadable-superseded"
    WPS_ET = "wps-et"
    HIDDEN_SHEET = "hidden-sheet"
    HIDDEN_ROWS = "hidden-rows"
    SHEETS_OF_ONE_DEPARTMENT = "sheets-of-one-department"
    SHEET_COPY = "sheet-copy"
    FORMULA_WITHOUT_VALUE = "formula-without-value"
    FORMULA_ERROR = "formula-error"
    UNKNOWN_DEPARTMENT = "unknown-department"
    DEPARTMENT_BY_ISSUED_FORM = "department-by-issued-form"
    DEPARTMENT_BLANK = "department-blank"
    DEPARTMENT_MISMATCH = "department-mismatch"
    MISFILED_RETURN = "misfiled-return"
    MISSING_HEAD = "missing-head"
    MISSING_REPORTER = "missing-reporter"
    MISSING_FORM_DATE = "missing-form-date"
    LATE_RETURN = "late-return"
    BAD_DATE = "bad-date"
    DEADLINE_AS_TERM = "deadline-as-term"
    CONTROL_CHARACTERS = "control-characters"
    DATE_IN_TEXT = "date-in-text"
    TODAY_FORMULA = "today-formula"
    MISSING_HAZARD = "missing-hazard"
    FILLED_DOWN_ROWS = "filled-down-rows"
    CONTINUED_ROW = "continued-row"
    EMPTY_RETURN = "empty-return"
    NO_ITEMS = "no-items"
    MISSING_MEASURES = "missing-measures"
    MISSING_OWNER = "missing-owner"
    MISSING_PROGRESS = "missing-progress"
    MISSING_COLUMN = "missing-column"
    BAD_PROGRESS = "bad-progress"
    MISSING_CHECKED_ON = "missing-checked-on"
    MISSING_DEADLINE = "missing-deadline"
    NO_DEADLINE_COLUMN = "no-deadline-column"
    CLOSED_NOT_DONE = "closed-not-done"
    DONE_WITHOUT_CLOSED_ON = "done-without-closed-on"
    CLOSED_BEFORE_CHECKED = "closed-before-checked"
    CLOSED_AFTER_FORM_DATE = "closed-after-form-date"
    CHECKED_AFTER_FORM_DATE = "checked-after-form-date"
    DEADLINE_BEFORE_CHECKED = "deadline-before-checked"
    DEADLINE_FAR_AHEAD = "deadline-far-ahead"
    DEADLINE_BEFORE_ISSUE = "deadline-before-issue"
    CLOSED_BEFORE_ISSUE = "closed-before-issue"
    VANISHED_HAZARD = "vanished-hazard"
    VANISHED_CLOSED = "vanished-closed"
    REWORDED_HAZARD = "reworded-hazard"
    DUPLICATE_RETURN = "duplicate-return"
    BLANK_RETURN = "blank-return"
    NOT_A_RETURN = "not-a-return"
    AFTER_BLANK_MARKER = "after-blank-marker"
    ROW_AFTER_FOOTER = "row-after-footer"
    FOOTER_TYPED_ABOVE = "footer-typed-above"
    BEYOND_COLUMNS = "beyond-columns"
    TEXT_TOO_LONG = "text-too-long"
    DIGITS_LOST = "digits-lost"
    IMPLAUSIBLE_DATE = "implausible-date"
    FORM_DATE_BEFORE_ISSUE = "form-date-before-issue"
    FUTURE_DATE = "future-date"
    FINDING_EXAMPLE_ROW = "finding-example-row"
    FINDING_UNKNOWN_SOURCE = "finding-unknown-source"
    FINDING_SOURCE_OF_SHEET = "finding-source-of-sheet"
    FINDING_NO_SOURCE = "finding-no-source"
    FINDING_LIST_CHANGED = "finding-list-changed"
    FINDING_HIDDEN_SHEET = "finding-hidden-sheet"
    FINDING_ROW_NUMBERS = "finding-row-numbers"
    FINDING_UNREAD_COLUMN = "finding-unread-column"
    FINDING_ROW_SKIPPED = "finding-row-skipped"
    FINDING_MISSING_DESCRIPTION = "finding-missing-description"
    FINDING_UNKNOWN_DEPARTMENT = "finding-unknown-department"
    INSPECTION_UNKNOWN_DEPARTMENT = "inspection-unknown-department"
    FINDING_UNASSIGNED = "finding-unassigned"
    FINDING_NUMBER_DERIVED = "finding-number-derived"
    FINDING_DUPLICATE_NUMBER = "finding-duplicate-number"
    FINDING_DEADLINE_BEFORE_FOUND = "finding-deadline-before-found"
    FINDING_LONG_AGO = "finding-long-ago"
    FINDING_RESTATED = "finding-restated"
    FINDING_SAME_ELSEWHERE = "finding-same-elsewhere"
    FINDING_NO_FOUND_DATE = "finding-no-found-date"
    FINDING_FOUND_OF_SHEET = "finding-found-of-sheet"
    FINDING_NO_DEADLINE_COLUMN = "finding-no-deadline-column"
    ASSIGNMENT_UNANSWERED = "assignment-unanswered"
    ASSIGNMENT_AFTER_RETURN = "assignment-after-return"
    ASSIGNMENT_DATED_WHILE_AWAY = "assignment-dated-while-away"
    ASSIGNMENT_DUE_WHEN_ISSUED = "assignment-due-when-issued"
    BEFORE_FIRST_RETURN = "before-first-return"
    ASSIGNMENT_MATCHED_BY_CONTENT = "assignment-matched-by-content"
    ASSIGNMENT_MATCHED_WITHOUT_COLUMN = "assignment-matched-without-column"
    ASSIGNMENT_UNKNOWN_NUMBER = "assignment-unknown-number"
    ASSIGNMENT_OTHER_DEPARTMENT = "assignment-other-department"
    ASSIGNMENT_ROWS_SHIFTED = "assignment-rows-shifted"
    ASSIGNMENT_RESTATED = "assignment-restated"
    ASSIGNMENT_DEADLINE_LATER = "assignment-deadline-later"
    ASSIGNMENT_CLOSED_BEFORE_FOUND = "assignment-closed-before-found"
    ASSIGNMENT_STILL_THERE = "assignment-still-there"
    REVIEW_BAD_RESULT = "review-bad-result"
    REVIEW_NO_RESULT = "review-no-result"
    REVIEW_UNKNOWN_HAZARD = "review-unknown-hazard"
    REVIEW_BEFORE_CLOSED = "review-before-closed"
    REVIEW_FAILED = "review-failed"
    REVIEW_PASSED_DOUBTED = "review-passed-doubted"
    REVIEW_DITTO_OTHER_DAY = "review-ditto-other-day"
    REVIEW_NEVER_CLOSED = "review-never-closed"
    REOPENED_IN_NEW_VERSION = "reopened-in-new-version"
    DEADLINE_PUT_OFF = "deadline-put-off"
    DEADLINE_PUT_OFF_EXPLAINED = "deadline-put-off-explained"
    DEADLINE_MOVED_BEFORE_ISSUE = "deadline-moved-before-issue"
    DEADLINE_KEPT = "deadline-kept"
    CLOSED_ON_KEPT = "closed-on-kept"
    PROGRESS_KEPT = "progress-kept"
    CLOSED_WHILE_OPEN = "closed-while-open"
    SAME_DATE_VERSIONS = "same-date-versions"
    SPLIT_RETURN = "split-return"
    ROUND_DATE_KEPT = "round-date-kept"
    EARLIER_ROUND_FORM = "earlier-round-form"
    EARLIER_CAMPAIGN_FORM = "earlier-campaign-form"
    OTHER_CAMPAIGN_FORM = "other-campaign-form"
    OLDER_DATE_SAVED_LATER = "older-date-saved-later"
    UNDATED_NEWEST = "undated-newest"
    REVIEW_REOPENED = "review-reopened"
    REVIEW_CLOSURE_CHANGED = "review-closure-changed"
    CHANGED_AFTER_PASSED = "changed-after-passed"
    REVIEW_UNDATED = "review-undated"
    REVIEW_NO_REVIEWER = "review-no-reviewer"
    REVIEW_NOT_REQUIRED = "review-not-required"
    REVIEW_FAILED_NO_NOTE = "review-failed-no-note"
    REVIEW_BY_OWN_OFFICE = "review-by-own-office"
    REVIEW_PASSED_UNREDONE = "review-passed-unredone"
    REVIEW_PASSED_UNSIGNED = "review-passed-unsigned"
    REVIEW_CONFLICT = "review-conflict"
    REVIEW_BEFORE_FORM = "review-before-form"
    REVIEW_BEFORE_CAMPAIGN = "review-before-campaign"
    REVIEW_CLOSURE_EDITED = "review-closure-edited"
    REVIEW_HANDED_OVER = "review-handed-over"
    REVIEW_SAVED_OVER = "review-saved-over"
    CROSSCHECK_BAD_DECISION = "crosscheck-bad-decision"
    CROSSCHECK_UNLIKE_DECISION = "crosscheck-unlike-decision"
    CROSSCHECK_NUMBERED_DECISION = "crosscheck-numbered-decision"
    CROSSCHECK_ASSIGNED_FINDING = "crosscheck-assigned-finding"
    CROSSCHECK_EARLIER_FINDING = "crosscheck-earlier-finding"
    CROSSCHECK_DECISION_IN_RESULT = "crosscheck-decision-in-result"
    CROSSCHECK_SHARED_DECISION = "crosscheck-shared-decision"
    MISSING_PHOTO = "missing-photo"
    REPEATED_HAZARD = "repeated-hazard"
    SEVERAL_HAZARDS = "several-hazards"
    MERGED_ACROSS_FIELDS = "merged-across-fields"
    REPEATED_ANSWER = "repeated-answer"
    UNKNOWN_SOURCE = "unknown-source"
    PICTURE_SKIPPED = "picture-skipped"
    PICTURES_NOT_READ = "pictures-not-read"
    PHOTO_NOT_ON_HAZARD = "photo-not-on-hazard"
    PHOTO_REUSED = "photo-reused"


@dataclass(frozen=True)
class Rule:
    severity: Severity
    title: str
    """A few Chinese words naming the problem (a column a clerk reads)."""
    message: str
    """The message template (`str.format` fields filled by `problem()`)."""
    variants: Mapping[str, str] = field(default_factory=dict)
    """Other wordings of the same problem, chosen by name."""


_E, _W = Severity.ERROR, Severity.WARNING
RESAVE = "请用 Excel 或 WPS 打开后另存为 .xlsx 再重新报送"

CATALOGUE: Mapping[Code, Rule] = {
    Code.UNREADABLE: Rule(_E, "文件无法读取", "{reason}"),
    Code.UNREADABLE_SUPERSEDED: Rule(
        _W,
        "文件无法读取（已重报）",
        "这份文件无法读取，但{department}此后又报来了 {answer}，已按它汇总，这份不再计为错误，"
        "可以移出报表文件夹（无法读取的原因：{reason}）",
        {  # (read, and another campaign's: not 无法读取, clerk trial 178 AE9)
            "other_campaign": "{reason_said}；{department}此后又报来了 {answer}，已按它汇总，"
            "这份不再计为错误，可以移出报表文件夹"
        },
    ),
    Code.WPS_ET: Rule(
        _W, "WPS 格式", "文件为 WPS 表格（.et）格式，已读取；今后请另存为 .xlsx 报送"
    ),
    Code.HIDDEN_SHEET: Rule(
        _W,
        "隐藏的清单",
        "隐藏的工作表“{sheet}”中也有自查整改清单，未汇总；如需报送请取消隐藏并合并到主表",
    ),
    Code.HIDDEN_ROWS: Rule(
        _W,
        "隐患所在的行被隐藏",
        "第 {rows} 行被隐藏，打印出来签字的表格上看不到：已照常汇总；请取消隐藏后重新报送，"
        "让签字的负责人看到全部隐患",
    ),
    Code.SHEETS_OF_ONE_DEPARTMENT: Rule(
        _W,
        "多个工作表同一部门",
        "工作表“{sheets}”的表头都写明是{department}的清单，已合并为{department}的一份报表；"
        "如其中有别的部门（如另一个系、学院或年级组）的清单，请改正该工作表表头的“部门（章）”后重新报送",
        {
            "blank": "工作表“{sheet}”的表头没有填写部门，已作为前面工作表（{department}）的续表汇总；"
            "如是{named}的清单，请在这张工作表表头的“部门（章）”中填写{named}后重新报送",
            "blank_first": "工作表“{sheet}”的表头没有填写部门，已计为{department}的清单；如是{named}的"
            "清单，请在这张工作表表头的“部门（章）”中填写{named}后重新报送",
            "copied": "工作表“{sheets}”的表头都写明是{department}的清单，其中 {count} 行隐患在两张表中"
            "都有（像是复制留底后又改过，见“隐患重复填写”），已合并汇总，两张表中的都计入了台账；"
            "请只保留最新的一张、删去另一张后重新报送",
        },
    ),
    Code.SHEET_COPY: Rule(
        _W,
        "工作表重复",
        "工作表“{sheet}”与工作表“{original}”的隐患行完全相同（像是复制留底的），只计入了一次；"
        "请删去多余的一张后重新报送，以免以后改了一张、漏了另一张",
    ),
    Code.FORMULA_WITHOUT_VALUE: Rule(
        _E,
        "公式没有结果",
        "这个单元格是公式，但文件中没有保存计算结果，请用 Excel 打开并保存后重新报送",
    ),
    Code.FORMULA_ERROR: Rule(
        _E,
        "公式出错",
        "这个单元格显示公式错误 {value}（公式引用的单元格被删除、改动或函数名有误），"
        "其中的内容没有读到；请删除公式，直接填写内容后重新报送",
    ),
    Code.DEPARTMENT_BY_ISSUED_FORM: Rule(
        _W,
        "部门按下发的表格认定",
        "表头“部门（章）”没有填写，文件名也看不出是哪个部门：这份表格是下发给{department}的"
        "（表格文件中记着），已按{department}的报表汇总；不是{department}的，请在表头“部门（章）”"
        "中填写本部门全称",
    ),
    Code.UNKNOWN_DEPARTMENT: Rule(
        _E,
        "部门无法识别",
        # (a department renamed is known by its old name with formerly: clerk trial 118; one
        # campaign.toml left out was asked to write its name right: clerk trial 135) — the
        # bracket is the clerk's, left out of the department's 退回 copy
        "部门“{typed}”不在本次活动的部门名单中，{hint}请填写部门全称（或在 campaign.toml 中："
        '本次活动确有这个部门、名单中漏了的，加上 [[departments]] name = "{typed}"；是某部门的'
        '别称的，在该部门下添加别名；部门改了名称的，在新名称下写 formerly = "旧名称"）',
        {
            "blank": "无法识别报送部门：{hint}请在表头“部门（章）”中填写本部门全称"
            "（或把文件名改为本部门名称后再次汇总）",
            "picture": "表头“部门（章）”只有图片（印章），读不出是哪个部门：请在这一栏填写本部门"
            "全称（嵌在单元格中的印章图片可改为浮动在单元格上方），或把文件名改为本部门名称后再次汇总",
            "floating": "表头“部门（章）”一栏是空的，这一行只有浮动的图片（如印章），读不出是哪个部门："
            "请在“部门（章）”一栏填写本部门全称（印章可留在原处），或把文件名改为本部门名称后再次汇总",
        },
    ),
    Code.DEPARTMENT_BLANK: Rule(
        _W,
        "表头未填部门",
        # known by its file's name (and folder, and the form's record) alone, the blank went
        # unsaid: a form to be signed and sealed for the inspection (clerk trial 153)
        "表头“部门（章）”没有填写，已按{named_by}计为“{department}”{also}；"
        "请在表头“部门（章）”中填写本部门全称（纸质版加盖部门公章）",
    ),
    Code.DEPARTMENT_MISMATCH: Rule(
        _W,
        "部门与文件名不一致",
        "表头部门为“{by_header}”，但{named_by}指向“{by_name}”，已按表头计入，请核对；确是误用了"
        "别的部门的表格的，请移出该文件（再次汇总时加 --force），并请部门用本部门的表格重新报送",
        {
            "unknown": "表头部门“{typed}”不在本次活动的部门名单中，已按{named_by}计为“{by_name}”；"
            "请核对，并填写部门全称（或在 campaign.toml 中为该部门添加别名）",
            "issued": "表头部门没有填写，已按{named_by}计为“{by_name}”，但这份表格是下发给{issued}的"
            "（表格文件中记着{also}）：请核对；是{issued}的报表的，请在表头“部门（章）”中填写{issued}后"
            "重新汇总",
            "header_issued": "表头部门为“{by_header}”，但这份表格是下发给{issued}的（表格文件中记着），"
            "已按表头计入，请核对：是用了{issued}的表格的，表中{issued}的交办问题和预先填写的隐患、"
            "整改情况不是{by_header}的，请删去这些行或改为本部门的情况后重新报送",
            "folder": "表头部门没有填写，已按文件名计为“{by_name}”，但{other_by}指向“{other}”：请核对；"
            "是{other}的报表（用了{by_name}的表格）的，请在表头“部门（章）”中填写{other}后重新汇总",
        },
    ),
    Code.MISFILED_RETURN: Rule(
        _E,
        "用了别的部门的表格",
        "表头部门为“{by_header}”，但{named_by}指向“{by_name}”，而{by_header}另有报表 {own}，这份的隐患"
        "与它的没有一项相同（不像它的新版本）：未汇总，既未替代{by_header}的报表，也未计为{by_name}"
        "报送；请核对：确是{by_name}的，请在表头“部门（章）”中填写{by_name}后重新报送；是"
        "{by_header}另报的补充表格的，请把其中的隐患并入{by_header}的报表（或作为同一工作簿的"
        "另一张工作表）后重新报送；确是{by_header}的新版本的，请改正{named_by}后再次汇总",
        {
            "both": "表头部门为“{by_header}”，但{named_by}指向“{by_name}”，两个部门都另有报表"
            "（{own}；{other}），分不出这份是哪个部门的，未汇总；请与两个部门核对后，改正表头或"
            "{named_by}再次汇总",
            "place": "表头部门为“{by_header}”，{by_header}另有报表 {own}，这份的隐患与它的没有一项相同"
            "（不像它的新版本），{named_by}中的“{by_name}”也不像是报送部门（可能是地点）：未汇总；请与"
            "{by_header}核对：是另报的补充表格的，请把其中的隐患并入{by_header}的报表（或作为同一工作簿的另一张"
            "工作表）后重新报送；是{by_header}的新版本的，移出旧版本后再次汇总；确是{by_name}的，请其在表头"
            "“部门（章）”中填写本部门后重新报送",
            "issued": "表头部门没有填写，{named_by}指向“{by_name}”，但这份表格是下发给{issued}的（表格文件中"
            "记着），而{by_name}另有报表 {own}，这份的隐患与它的没有一项相同（不像它的新版本）：未汇总，"
            "既未替代{by_name}的报表，也未计为{issued}报送；请核对：是{issued}的报表的，请在表头“部门（章）”"
            "中填写{issued}后再次汇总；是{by_name}另报的补充表格的，请把其中的隐患并入{by_name}的报表（或作为"
            "同一工作簿的另一张工作表）后重新报送",
            "issued_only": "表头部门没有填写，文件名和所在文件夹也看不出是哪个部门，这份表格是下发给"
            "{by_name}的（表格文件中记着），而{by_name}另有报表 {own}，这份的隐患与它的没有一项相同"
            "（不像它的新版本）：未汇总，也未替代{by_name}的报表；请核对：是{by_name}的新版本或补充"
            "表格的，请把其中的隐患并入{by_name}的报表（或作为同一工作簿的另一张工作表）后重新报送；是别的"
            "部门用了{by_name}的表格的，请其在表头“部门（章）”中填写本部门后重新报送",
            "folder": "表头部门没有填写，文件名指向“{by_name}”，但{other_by}指向“{issued}”，而{by_name}另有报表"
            " {own}，这份的隐患与它的没有一项相同（不像它的新版本）：未汇总，既未替代{by_name}的报表，也未计为"
            "{issued}报送；请核对：是{issued}的报表（用了{by_name}的表格）的，请在表头“部门（章）”中填写"
            "{issued}后再次汇总；是{by_name}另报的补充表格的，请把其中的隐患并入{by_name}的报表（或作为同一"
            "工作簿的另一张工作表）后重新报送",
            "sender": "表头“部门（章）”填的是“{by_header}”，与{named_by}不符，这份表格未汇总，按未报送计："
            "确是贵部门的，请在“部门（章）”中填写贵部门全称后重新报送{tell}",
        },
    ),
    Code.MISSING_HEAD: Rule(
        _E,
        "未填主要负责人",
        "没有填写主要负责人：自查整改清单须经部门主要负责人签字，请补充",
        {
            "picture": "主要负责人一栏只有图片（签名或印章），台账中记不下姓名：请在这一栏填写"
            "主要负责人姓名（嵌在单元格中的签名图片可改为浮动在单元格上方；纸质版仍须签字）",
            "floating": "主要负责人一栏是空的，这一行只有浮动的图片（如签名或印章），台账中记不下"
            "姓名：请在主要负责人一栏填写姓名（图片可留在原处；纸质版仍须签字）",
        },
    ),
    Code.MISSING_REPORTER: Rule(
        _W, "未填上报人或联系方式", "没有填写上报人或联系方式，请补充，便于核实情况"
    ),
    Code.MISSING_FORM_DATE: Rule(
        _W, "未填表头日期", "表头没有填写日期，报送日期暂按文件日期计，请补充"
    ),
    Code.LATE_RETURN: Rule(
        _W,
        "逾期报送",
        "逾期报送：表头日期 {form_date} 晚于报送截止日期 {due}（逾期 {late} 天）",
        {
            "file_day": "逾期报送：表头日期未填写或不能采用，按文件日期 {form_date} 计，"
            "晚于报送截止日期 {due}（逾期 {late} 天）",
            "read_as": "逾期报送：表头日期“{typed}”按 {form_date} 计，晚于报送截止日期 {due}"
            "（逾期 {late} 天）",
        },
    ),
    Code.BAD_DATE: Rule(
        _E,
        "日期无法识别",
        "{header}“{value}”无法识别为日期，请按 {iso} 或 {day} 这样的格式填写",
        {
            "form_date": "表头日期“{value}”无法识别为日期（报送日期暂按文件日期计），"
            "请按 {day} 这样的格式填写",
            "form_date_number": "表头日期“{value}”无法识别为日期（填的是数字，表格按日期格式会显示为"
            " 1900 年的某一天{maybe}；报送日期暂按文件日期计），请按 {day} 这样的格式填写",
            # (12.5: no other day; “文件是12月5日保存的” read as the file's day being counted:
            # clerk trial 239 CM2)
            "form_date_number_one": "表头日期“{value}”无法识别为日期（填的是数字，表格按日期格式"
            "会显示为 1900 年的某一天；看作 {read_as}，报送日期按这一天计），请按 {day} 这样的格式填写",
            "form_date_number_read": "表头日期“{value}”无法识别为日期（填的是数字，表格按日期格式"
            "会显示为 1900 年的某一天{maybe}；文件是 {saved}保存的，报送日期按 {read_as} 计），"
            "请按 {day} 这样的格式填写",
            # the file's day after the deadline: not said late on it (clerk trial 235 CI3)
            "form_date_pending": "表头日期“{value}”无法识别为日期，报送日期待核实：文件日期 {saved}"
            "晚于报送截止日期 {due}，但可能只是保存或下载的日子，改正前不计为逾期报送；"
            "请按 {day} 这样的格式填写这份表当初填报的日期",
            "form_date_number_pending": "表头日期“{value}”无法识别为日期（填的是数字，表格按日期格式"
            "会显示为 1900 年的某一天{maybe}），报送日期待核实：文件日期 {saved}晚于报送截止日期"
            " {due}，但可能只是保存或下载的日子，改正前不计为逾期报送；请按 {day} 这样的格式填写"
            "这份表当初填报的日期",
            "deadline": "整改时限“{value}”无法识别为日期，暂按活动默认整改时限 {default} 计；"
            "请按 {iso} 或 {day} 这样的格式填写",
            # (12.30 typed, quoted “12.3”, no word why: clerk trials 229 CC6, 234 CH3)
            "deadline_number": "整改时限“{value}”无法识别为日期（填的是数字，表格按日期格式会显示为"
            " 1900 年的某一天，末尾的 0 也会丢掉，如 12.30 存成 12.3），暂按活动默认整改时限 {default} 计；"
            "请按 {iso} 或 {day} 这样的格式填写",
            "long_term": "整改时限“{value}”不是日期：每项隐患都要有整改完成时限，需长期整改的，"
            "请填写计划完成的日期，并在备注中注明“历史遗留”、写明整改完成前的防范措施（暂按活动"
            "默认整改时限 {default} 计）",
            "term_without_found": "整改时限“{value}”要从发现时间算起，而这一行没有填写发现时间："
            "请填写发现时间，或把整改时限写成具体日期，如 {day}",
            "term_found_unread": "整改时限“{value}”要从发现时间算起，而这一行的发现时间无法识别："
            "请改正发现时间，或把整改时限写成具体日期，如 {day}",
            "review": "复查时间“{value}”无法识别为日期{shown}{unused}；请按 {iso} 或 {day} 这样的"
            "格式填写",
            "number": "{header}“{value}”无法识别为日期（填的是数字，表格按日期格式会显示为 1900 年的"
            "某一天，末尾的 0 也会丢掉，如 12.30 存成 12.3）；请按 {iso} 或 {day} 这样的格式填写",
        },
    ),
    Code.TODAY_FORMULA: Rule(
        _W,
        "日期是公式",
        "这个日期是公式 ={formula}，每次打开文件都会按当天重新计算，不是实际的日期"
        "（暂按文件保存时算出的日期计）；请删除公式，直接填写日期，如 {day}",
        {
            "form_date": "表头日期是公式 ={formula}，每次打开文件都会按当天重新计算，"
            "不是填报的日期（报送日期暂按文件保存时算出的日期计）；请删除公式，直接填写日期，如 {day}",
        },
    ),
    Code.DEADLINE_AS_TERM: Rule(
        _W,
        "整改时限不是日期",
        "整改时限写的是“{value}”，从{since} {start} 算起，台账按 {day} 计；请填写具体日期",
        {
            "late": "整改时限写的是“{value}”，从{since} {start} 算起，台账按 {day} 计，销号时间 "
            "{closed} 晚于它，按逾期完成计；整改时限另有约定的，请填写具体日期"
        },
    ),
    Code.CONTROL_CHARACTERS: Rule(
        _W, "含控制字符", "单元格中含有不可见的控制字符，已删除；请核对内容是否完整"
    ),
    Code.DATE_IN_TEXT: Rule(
        _W,
        "文字栏是日期",
        # (a room number 3-2 typed, kept as Excel took it, read as 2026-03-02: trial 213 BM1)
        "{field}一栏的这个单元格是日期，显示为“{value}”，台账照此录入（输入“3-2”“3/2”之类时，"
        "Excel 和 WPS 会自动改成日期）；原意不是日期的，请把单元格设为文本格式、重新输入后报送",
        {
            # (its format not read — an .xls, an .ods —: the cell may show 3月2日, trial 214
            # BN3)
            "written": "{field}一栏的这个单元格是日期（{value}），台账照此录入（输入“3-2”“3/2”之类时，"
            "表格软件会自动改成日期）；原意不是日期的，请把单元格设为文本格式、重新输入后报送"
        },
    ),
    Code.FILLED_DOWN_ROWS: Rule(
        _W,
        "空行只填了部分栏目",
        "第 {rows} 行只填了{fields}，没有部位和存在隐患问题（像是把上一行下拉填充到了空行），"
        "未计入台账；如确是隐患，请补填部位和存在隐患问题后重新报送，否则请清空这些单元格",
    ),
    Code.CONTINUED_ROW: Rule(
        _W,
        "像是上一行的接续",
        "这一行只填了存在隐患问题，像是第 {above} 行隐患的接续（{why}），已按另一项隐患计入台账："
        "如是同一项隐患，请把这段文字并入第 {above} 行后删除这一行；如确是另一项隐患，请补填部位、"
        "整改措施、责任人等各栏",
    ),
    Code.EMPTY_RETURN: Rule(
        _E,
        "报表一行也没有填写",
        "表中一行也没有填写（按已报送计、隐患 0 项），台账“项目覆盖”中本部门的项目都显示为“未报告”："
        "请按附件1逐项检查，每个检查项目填一行——发现隐患的写明隐患，未发现隐患的“存在隐患问题”"
        "填“无”——后重新报送",
    ),
    Code.NO_ITEMS: Rule(
        _W,
        "未填检查内容",
        "表中自查发现的 {count} 项隐患{all}没有填写“检查内容”，台账“项目覆盖”无法统计本部门检查了附件1中的"
        "哪些项目（全部显示为“未报告”）；请在“检查内容”一列选择每项隐患对应的检查项目，"
        "检查过、未发现隐患的项目也填一行（“存在隐患问题”填“无”）",
        {
            "some": "第 {rows} 行的隐患没有填写“检查内容”，台账“项目覆盖”中不计入任何检查项目；"
            "请在“检查内容”一列选择对应的检查项目",
            "no_column": "表格中没有“检查内容”一列，台账“项目覆盖”无法统计本部门检查了附件1中的"
            "哪些项目；请使用下发的附件2填写，每项隐患选择对应的检查项目",
        },
    ),
    Code.MISSING_HAZARD: Rule(
        _E,
        "未填隐患内容",
        "填写了部位但没有写存在隐患问题，请补充隐患内容",
        {"empty": "这一行填写了内容，但没有填写部位和存在隐患问题，请补充或删除该行"},
    ),
    Code.MISSING_MEASURES: Rule(
        _E,
        "未填整改措施",
        "隐患没有填写整改措施，请补充整改措施（短期难以整改的写明补救或替代措施）",
    ),
    Code.MISSING_OWNER: Rule(_E, "未填责任人", "隐患没有填写责任人，请补充责任人"),
    Code.MISSING_PROGRESS: Rule(
        _E, "未填整改完成情况", "没有填写整改完成情况，请选择：已完成、整改中或未整改"
    ),
    Code.MISSING_COLUMN: Rule(
        _E,
        "缺少一列",
        "表中没有“{field}”这一列（可能被删除了），各行的{field}都无从填写；"
        "请在下发的附件2中填写后重新报送",
        {
            "merged": "表中找不到“{field}”这一列：表头 {merged} 合并成了一格，可能盖住了它的表头；"
            "请取消合并、恢复“{field}”的表头后重新报送",
        },
    ),
    Code.BAD_PROGRESS: Rule(
        _E,
        "整改完成情况无法识别",
        "整改完成情况“{value}”无法识别，请选择：已完成、整改中或未整改",
    ),
    Code.MISSING_CHECKED_ON: Rule(_W, "未填检查时间", "没有填写检查时间，请补充"),
    Code.MISSING_DEADLINE: Rule(
        _W,
        "未填整改时限",
        "没有填写整改时限，暂按活动默认整改时限 {default} 计，请补充",
        {
            "assigned": "没有填写整改时限，按交办问题 {number} 的整改时限 {deadline} 计，请补充",
            "found_later": "没有填写整改时限（检查时间晚于活动默认整改时限 {default}，"
            "不按默认时限计，暂不计逾期），请补充",
        },
    ),
    Code.NO_DEADLINE_COLUMN: Rule(
        _W,
        "表中没有整改时限栏",
        "表中没有“整改时限”一栏（不是下发的附件2），各项隐患都暂按活动默认整改时限 {default} 计，"
        "请核对；今后请该部门使用下发的附件2填写，写明各项的整改时限",
    ),
    Code.CLOSED_NOT_DONE: Rule(
        _E,
        "有销号时间但未完成",
        "填写了销号时间，但整改完成情况为“{progress}”：已销号的请改为“已完成”，"
        "未完成的请删去销号时间",
        {  # its own words quoted, not ours (“整改中” for 已完成50%: clerk trial 131)
            "typed": "填写了销号时间，但整改完成情况“{typed}”按“{progress}”计：全部完成、已销号的"
            "请改为“已完成”，未完成的请删去销号时间"
        },
    ),
    Code.DONE_WITHOUT_CLOSED_ON: Rule(
        _E,
        "已完成但未填销号时间",
        "整改完成情况为“已完成”，但没有填写销号时间，请补充销号时间",
    ),
    Code.CLOSED_BEFORE_CHECKED: Rule(
        _E, "销号早于检查", "销号时间 {closed} 早于检查时间 {checked}，请核对"
    ),
    Code.CLOSED_AFTER_FORM_DATE: Rule(
        _W,
        "销号晚于报送",
        "销号时间 {closed} 晚于表头日期 {sent}：报送时还没到销号的日子。表头日期应是报送当天"
        "（各版本按它排先后），请改正其中一个",
    ),
    Code.CHECKED_AFTER_FORM_DATE: Rule(
        _W,
        "检查晚于报送",
        "检查时间 {checked} 晚于表头日期 {sent}：报送时还没有检查。追责核查按检查时间判断"
        "是否在上级检查之前发现，请改正其中一个",
    ),
    Code.DEADLINE_BEFORE_CHECKED: Rule(
        _E, "时限早于检查", "整改时限 {deadline} 早于检查时间 {checked}，请核对"
    ),
    Code.DEADLINE_FAR_AHEAD: Rule(
        _W,
        "时限在一年以后",
        "整改时限 {deadline} 在 {ends} 一年以后，这项隐患在那之前都不会列为逾期；请核对年份"
        "（确需长期整改的，请在备注中注明“历史遗留”并写明补救或替代措施）",
        {  # (it asked for what the row said already: clerk trial 179 AF4)
            "marked": "整改时限 {deadline} 在 {ends} 一年以后，这项隐患在那之前都不会列为逾期；"
            "已写明需长期整改（列入历史遗留问题），请核对年份，无误的不必改动"
        },
    ),
    Code.DEADLINE_BEFORE_ISSUE: Rule(
        _W,
        "时限早于活动印发",
        "整改时限 {deadline} 早于本次活动印发日期 {issued}，台账按此计为已逾期；请核对年份"
        "（以前的检查发现的隐患，请填写检查时间）",
    ),
    Code.CLOSED_BEFORE_ISSUE: Rule(
        _W,
        "销号早于活动印发",
        "销号时间 {closed} 比本次活动印发日期 {issued} 早将近一年，本次自查发现的隐患不会那么早"
        "就已销号：请核对年份；这份表格如果是往期活动的（如去年下发的跟进轮表格），请用本次下发的"
        "表格重新填写报送",
    ),
    Code.VANISHED_HAZARD: Rule(
        _W,
        "隐患在新版本中消失",
        "隐患在新版本中消失：旧版本 {old_file} 第 {old_row} 行的这项隐患（{progress}）在新版本中"
        "被删除，未见销号。已整改的请恢复该行并改为“已完成”、填写销号时间；仍在台账中按未销号跟踪",
        {
            "cleared": "交办问题 {number} 的整改情况在新版本中被清空：旧版本 {old_file} 第 {old_row} 行"
            "填写的是“{progress}”。请在这一行重新填写整改措施、整改完成情况和责任人；"
            "台账中仍按旧版本跟踪",
            "gone": "上次汇总时 {old_file} 第 {old_row} 行的这项隐患（{progress}）在这次汇总的报表中没有了"
            "（该文件已被覆盖或不在报表文件夹中），未见销号。台账中按上次汇总的内容保留，仍按未销号跟踪；"
            "已整改的请部门在报表中恢复该行并改为“已完成”、填写销号时间",
        },
    ),
    Code.VANISHED_CLOSED: Rule(
        _W,
        "已销号隐患不在新版本中",
        "旧版本 {old_file} 第 {old_row} 行的这项隐患（{value}，报已完成，销号时间 {closed_on}）"
        "在新版本中没有了；台账中仍按旧版本所报保留，不因删行而消失",
        {
            "gone": "上次汇总时 {old_file} 第 {old_row} 行的这项隐患（{value}，报已完成，销号时间 "
            "{closed_on}）在这次汇总的报表中没有了（该文件已被覆盖或不在报表文件夹中）；"
            "台账中按上次汇总的内容保留"
        },
    ),
    Code.REWORDED_HAZARD: Rule(
        _W,
        "隐患描述改动",
        "与旧版本 {old_file} 第 {old_row} 行的“{old}”视为同一项隐患（部位或问题描述有改动），"
        "隐患编号 {hazard_id} 不变，照片和复查结论随之保留；如果不是同一项隐患，"
        "请部门恢复旧版本的那一行",
        {  # (the department did as it was asked: clerk trial 178 AE8)
            "split": "旧版本 {old_file} 第 {old_row} 行的“{old}”一行填了多条隐患，已按要求分行："
            "这一行是其中第一条，沿用隐患编号 {hazard_id}（照片和复查结论随之保留），其余各条"
            "按新报的隐患计"
        },
    ),
    Code.REOPENED_IN_NEW_VERSION: Rule(
        _W,
        "已完成改报未完成",
        "这项隐患在旧版本 {old_file} 第 {old_row} 行报“已完成”（销号时间 {closed_on}），"
        "新版本改报为“{progress}”，台账按新版本未销号跟踪；已整改完成的，请改回“已完成”并填写销号时间",
    ),
    Code.DEADLINE_PUT_OFF: Rule(
        _W,
        "整改时限推迟",
        "这项隐患在旧版本 {old_file} 第 {old_row} 行的整改时限是 {old}，新版本推迟为 {new}，"
        "台账按新的整改时限计；请在备注中说明推迟的原因和采取的临时措施",
    ),
    Code.DEADLINE_PUT_OFF_EXPLAINED: Rule(
        _W,
        "整改时限推迟（备注已说明）",
        "这项隐患在旧版本 {old_file} 第 {old_row} 行的整改时限是 {old}，新版本推迟为 {new}，"
        "备注中写明：“{remarks}”；台账按新的整改时限计，请核实推迟理由",
    ),
    Code.DEADLINE_MOVED_BEFORE_ISSUE: Rule(
        _W,
        "整改时限提前到活动印发之前",
        "这项隐患在旧版本 {old_file} 第 {old_row} 行的整改时限是 {old}，新版本改为 {new}，早于"
        "本次活动印发日期 {issued}，台账按新的整改时限计为已逾期：请核对年份；这份表格如果是往期"
        "活动的（如去年下发的跟进轮表格），请用本次下发的表格重新填写报送",
    ),
    Code.DEADLINE_KEPT: Rule(
        _W,
        "整改时限未填写，沿用旧版本",
        "新版本没有填写整改时限，台账沿用旧版本 {old_file} 第 {old_row} 行的 {old}；"
        "请补填（确需推迟的，填写新的时限并在备注中说明原因）",
        {
            "not_a_date": "新版本的整改时限“{value}”无法识别为日期，台账沿用旧版本 {old_file} "
            "第 {old_row} 行的 {old}；请按 {old} 这样的格式填写",
        },
    ),
    Code.CLOSED_ON_KEPT: Rule(
        _W,
        "销号时间未填写，沿用旧版本",
        "新版本报“已完成”，但没有填写销号时间，台账沿用旧版本 {old_file} 第 {old_row} 行的"
        "销号时间 {old}；请补填",
        {
            "not_a_date": "新版本报“已完成”，但销号时间“{value}”无法识别为日期，台账沿用旧版本 "
            "{old_file} 第 {old_row} 行的销号时间 {old}；请按 {old} 这样的格式填写",
            "before_checked": "新版本报“已完成”，但销号时间“{value}”早于检查时间（年份是否写错？），"
            "台账沿用旧版本 {old_file} 第 {old_row} 行的销号时间 {old}；请核对后改正",
            "future": "新版本报“已完成”，但销号时间“{value}”晚于统计日期（年份是否写错？），"
            "台账沿用旧版本 {old_file} 第 {old_row} 行的销号时间 {old}；请核对后改正",
        },
    ),
    Code.PROGRESS_KEPT: Rule(
        _W,
        "整改完成情况无法识别，沿用旧版本",
        "新版本的整改完成情况“{value}”无法识别，台账沿用旧版本 {old_file} 第 {old_row} 行的"
        "“已完成”（销号时间 {old}）；请选择：已完成、整改中或未整改",
        {
            "blank": "新版本没有填写整改完成情况，台账沿用旧版本 {old_file} 第 {old_row} 行的"
            "“已完成”（销号时间 {old}）；请选择：已完成、整改中或未整改",
        },
    ),
    Code.CLOSED_WHILE_OPEN: Rule(
        _W,
        "销号时间早于旧版本",
        "销号时间 {closed_on} 早于旧版本 {old_file} 的表头日期 {old_day}，而那一版中这项隐患"
        "还是“{old_progress}”：请核对，填写全部整改完成的日期",
        {  # the day the older version gave beside a progress not done (trial 133)
            "same": "销号时间 {closed_on} 就是旧版本 {old_file}（表头日期 {old_day}）所填的销号"
            "时间，而那一版中这项隐患还是“{old_progress}”（尚未全部完成）：请核对，填写全部整改"
            "完成的日期"
        },
    ),
    Code.OLDER_DATE_SAVED_LATER: Rule(
        _W,
        "表头日期更早的一版保存得更晚",
        "按表头日期，本文件（{day}）是最新一版；但 {later}（表头日期 {later_day}）是 {saved} 天后"
        "才保存的（表头日期可能沿用了上一版的）。如果 {later} 才是最新的，请把它的表头日期"
        "改为报送当天后重新汇总",
    ),
    Code.UNDATED_NEWEST: Rule(
        _W,
        "最新一版没有表头日期",
        "本文件没有表头日期，按文件修改时间（{saved_on}）晚于 {older}（表头日期 {older_day}），采用了本文件；"
        "如果 {older} 才是最新的（本文件只是又被打开保存过，或一起下载的），请把本文件移到 {old} "
        "子文件夹中（照样读取，其中的隐患和照片都保留，算作较早的一版）后重新汇总，或请部门填写表头日期",
        {  # a date refused (said next) is none to order by, yet it was there (trial 116)
            "impossible": "本文件的表头日期 {day} 不可能是报送日期（见下），按文件修改时间（{saved_on}）"
            "晚于 {older}（表头日期 {older_day}），采用了本文件；如果 {older} 才是最新的"
            "（本文件只是又被打开保存过，或一起下载的），请把本文件移到 {old} 子文件夹中（照样读取，"
            "其中的隐患和照片都保留，算作较早的一版）后重新汇总，或请部门改正表头日期",
            # (12.1 typed: “没有表头日期” said of a date the department wrote: trial 229 CC2)
            "unread": "本文件的表头日期“{typed}”无法识别（见下），按文件修改时间（{saved_on}）"
            "晚于 {older}（表头日期 {older_day}），采用了本文件；如果 {older} 才是最新的"
            "（本文件只是又被打开保存过，或一起下载的），请把本文件移到 {old} 子文件夹中（照样读取，"
            "其中的隐患和照片都保留，算作较早的一版）后重新汇总，或请部门改正表头日期",
        },
    ),
    Code.EARLIER_CAMPAIGN_FORM: Rule(
        _W,
        "往期表格",
        "这是{earlier}，表头日期 {day} 在本次活动中，已按本次的报表汇总：请核对表中的隐患和日期"
        "是不是本次自查的。是把往期的报表改了日期报来的，请用本次下发的附件2重新填写后报送",
    ),
    Code.OTHER_CAMPAIGN_FORM: Rule(
        _W,
        "别处下发的表格",
        # (another school's, another campaign's form summed up without a word, last year's
        # said: clerk trial 155)
        "这份表格是为{other}下发的（表格文件中记着），不是本次活动（{title}）下发的附件2，已按"
        "本次的报表汇总：请核对表中的隐患是不是本次自查的；用错了表格的，请用本次下发的附件2"
        "重新填写后报送",
    ),
    Code.ROUND_DATE_KEPT: Rule(
        _W,
        "跟进轮反馈沿用旧日期",
        "表头日期 {day} 早于 {round} 下发的跟进轮，文件却是 {saved} 保存的：这一版如是跟进轮的"
        "反馈，请把表头日期改为报送当天（按表头日期，本轮仍算未报送）",
        {
            "form": "这是 {round} 下发的跟进轮表格（填报说明要求 {due}前报送），表头日期 {day} 却早于"
            "下发日期：请把表头日期改为报送当天（按表头日期，本轮仍算未报送）",
            "older": "这份是此前报送过的表格（表头日期 {day}，早于 {round} 下发的跟进轮），文件却是"
            " {saved} 保存的，未作为跟进轮的反馈：如是误发了旧表，请用跟进轮下发的表格填写、表头"
            "日期填报送当天后重新报送（本轮仍算未报送）",
        },
    ),
    Code.EARLIER_ROUND_FORM: Rule(
        _W,
        "用了旧一轮的表格",
        "这份用的是{what}，而{round}已下发新一轮跟进表（{due}前报送）：已按所填内容汇总，"
        "作为新一轮的反馈；新一轮表中预填的隐患、复查意见这份表里可能没有或不是最新的，"
        "请核对，下次请用新一轮的表格填写",
    ),
    Code.BEFORE_FIRST_RETURN: Rule(
        _W,
        "表头日期早于首次报送",
        "表头日期 {day} 早于台账记录的本部门首次报送日期 {first}（上次汇总时还没有这份，"
        "或文件已被改写）：首次报送仍按 {first} 计。如这份确是当时报来、此前漏收的，"
        "请加 --force 重新汇总（按文件夹中现有的报表重新计算：被覆盖或移出的旧版本中的隐患、照片和复查结论不再保留）",
        {
            "undated": "表头没有填写日期，按文件日期 {day} 计，早于台账记录的本部门首次报送日期 "
            "{first}（上次汇总时还没有这份，或文件的日期变了）：首次报送仍按 {first} 计。如这份"
            "确是当时报来、此前漏收的，请加 --force 重新汇总（按文件夹中现有的报表重新计算：被覆盖或移出的旧版本中的隐患、照片和复查结论不再保留）",
            "unread_before": "表头日期 {day} 早于 {older}（表头日期“{typed}”无法识别）的文件日期"
            " {saved}：首次报送按这里的 {day} 计；那份文件如确是 {saved}（已过报送截止日期）才收到的，"
            "实际是逾期报送，请核对",
        },
    ),
    Code.SAME_DATE_VERSIONS: Rule(
        _W,
        "两份报表日期相同",
        "与 {older} 表头日期同为 {day}，按文件修改时间采用了本文件；如果 {older} 才是最新的，"
        "请移走本文件（或请部门改正表头日期）后重新汇总",
        {
            "undated": "与 {older} 都没有填写表头日期，按文件修改时间采用了本文件；如果 {older} "
            "才是最新的，请移走本文件（或请部门填写表头日期）后重新汇总",
            "kept": "与 {older} 表头日期同为 {day}，上次汇总采用的是本文件；{older} 后来又保存过，"
            "内容没有变化，仍采用本文件。如果 {older} 才是最新的，请移走本文件（或请部门改正表头日期）"
            "后重新汇总",
            "same_time": "与 {older} 表头日期同为 {day}，文件修改时间也相同，分不出哪份在后，暂按"
            "文件名的顺序采用了本文件；如果 {older} 才是最新的，请移走本文件（或请部门改正表头日期）"
            "后重新汇总",
            "copy": "{older} 没有填写表头日期，文件修改时间与本文件同为 {day}，并且生成本退回修改副本之后"
            "又改过：两份先后无法确定，按副本在后采用了本文件；{older} 中后来改的内容（如新增的隐患）"
            "本文件里没有的，请部门合并到一份中重新报送",
        },
    ),
    Code.SPLIT_RETURN: Rule(
        _W,
        "一次报送分成了几份表格",
        "与 {parts} 同在 {where} 中、表头日期相同（{day}），所列隐患各不相同：按同一次报送的"
        "几份表格计，{count} 项隐患都已收入台账。请部门把全部隐患合并填在一份表格中报送，"
        "以后修改也只改这一份（合并后的表格中没有的隐患，会被当作删除）",
        {
            "undated": "与 {parts} 同在 {where} 中、都没有填写表头日期，所列隐患各不相同：按同一次"
            "报送的几份表格计，{count} 项隐患都已收入台账。请部门把全部隐患合并填在一份表格中、"
            "填写表头日期后报送，以后修改也只改这一份（合并后的表格中没有的隐患，会被当作删除）",
            # a part put right and sent alone, as its 退回 copy asked: the others stand
            # (their rows were said deleted: clerk trial 131)
            "resent": "与 {parts} 按同一次报送的几份表格计：{resent} 是此前分开报送的表格中的一份"
            "改正后单独报来的新版本，与其余几份所列隐患各不相同，{count} 项隐患都已收入台账。"
            "请部门把全部隐患合并填在一份表格中报送，以后修改也只改这一份（合并后的表格中没有的"
            "隐患，会被当作删除）",
        },
    ),
    Code.DUPLICATE_RETURN: Rule(_W, "重复报送", "与 {kept} 内容完全相同（重复报送），已按一份计入"),
    Code.REPEATED_HAZARD: Rule(
        _W,
        "隐患重复填写",
        "与{first_at}第 {first_row} 行的部位和隐患问题相同（可能重复粘贴），两行都计入了台账；"
        "是同一项隐患的请删去一行后重新报送",
    ),
    Code.MERGED_ACROSS_FIELDS: Rule(
        _W,
        "合并单元格跨栏",
        "{merged} 合并成了一格，跨越{headers}几栏，内容只计入“{first}”；请取消合并，各栏分别填写后"
        "重新报送",
    ),
    Code.SEVERAL_HAZARDS: Rule(
        _W,
        "一行填了多条隐患",
        "存在隐患问题一栏列了 {count} 条隐患，台账只计为一项，各条的整改完成情况和销号时间"
        "也无法分别填写；请每条隐患各填一行后重新报送",
    ),
    Code.REPEATED_ANSWER: Rule(
        _W,
        "交办问题重复反馈",
        "问题编号“{value}”在{first_at}第 {first_row} 行已经反馈过：两行都计入台账，这个交办问题要"
        "两行都销号才算清零；请核对编号，同一问题只填一行",
    ),
    Code.UNKNOWN_SOURCE: Rule(
        _W,
        "问题来源不在列表中",
        "问题来源“{value}”不是本次活动的问题来源（{known}），台账照录，追责核查按本部门自查发现计；"
        "是哪一级检查发现的，请从下拉列表中选择后重新报送",
    ),
    Code.BLANK_RETURN: Rule(
        _W,
        "空白表",
        "这是没有填写任何内容的空白表（没有隐患、负责人、日期），不计为已报送；"
        "请{department}填写后重新报送",
        {
            "issued": "这是下发的表格，没有填写也没有保存过（主要负责人、上报人、联系方式都是空的），"
            "不计为已报送；请{department}填写后重新报送",
            "unchanged": "这是下发的跟进轮表格，表中内容与下发时相同、表头日期未填，不计为本轮的报送；"
            "请{department}更新整改完成情况、填写日期后重新报送",
            "answered": "这是没有填写的表格，不计为报送；{department}已另外报来 {answer}，"
            "可以把本文件移出报表文件夹",
        },
    ),
    Code.NOT_A_RETURN: Rule(
        _W,
        "不是部门报表",
        "这是本工具生成的“{title}”，不是部门报送的表格，未汇总；请不要把它放在报表文件夹中",
        {
            "list": "这是交办问题清单（或检查发现问题清单），不是部门报送的表格，未汇总",
            "copy": "这是本工具生成、尚未经部门修改保存的“退回修改副本”，未汇总（部门修改后报回的副本照常汇总）；"
            "请不要把退回修改副本写在报表文件夹中",
            "issue_folder": "这是本工具生成的“{title}”，所在的是发放表格的文件夹：其中 {count} 份下发后没有人"
            "填写保存过的表格不计为报送，不逐一列出；部门报回的表格请放在报表文件夹（如 回收）中汇总",
        },
    ),
    Code.AFTER_BLANK_MARKER: Rule(
        _W,
        "“以下空白”后仍有内容",
        "这一行在“以下空白”之后，已照常汇总；请核对它是否属于本表，不属于的请删除",
    ),
    Code.ROW_AFTER_FOOTER: Rule(
        _W,
        "表尾之后仍有隐患",
        "这一行在表尾（上报人、联系方式）之后，已照常汇总；请把它移到表格内",
    ),
    Code.FOOTER_TYPED_ABOVE: Rule(
        _W,
        "上报人填在了表格内",
        "第 {line} 行只填了{typed}，像是表尾的上报人、联系方式填高了一行，已按上报人、联系方式"
        "读取，没有作为隐患汇总；请改填到第 {footer_row} 行的“上报人：”“联系方式：”之后",
    ),
    Code.BEYOND_COLUMNS: Rule(
        _W,
        "内容超出表格范围",
        "工作表在第 {limit} 列之后还有内容（如 {cell}），未汇总；请把内容移到表格内",
    ),
    Code.DIGITS_LOST: Rule(
        _W,
        "长号码丢了末几位",
        "填的是超过 15 位的数字（显示为 {value}），表格软件只保留 15 位，后面几位已经丢失；"
        "身份证号、账号等长号码请先把单元格设为文本格式（或在号码前加英文单引号 '）再重新输入",
    ),
    Code.TEXT_TOO_LONG: Rule(
        _W,
        "内容过长",
        "内容有 {length} 字，超过 Excel 单元格的上限（32767 字）：台账中只显示前 32767 字，"
        "完整内容仍按原表记录；请精简",
    ),
    Code.IMPLAUSIBLE_DATE: Rule(
        _E, "日期不合常理", "{header} {day} 早于本次活动印发日期一年以上，请核对年份"
    ),
    Code.FUTURE_DATE: Rule(
        _W,
        "日期晚于统计日期",
        "{header} {day} 晚于统计日期 {as_of}，请核对",
        {
            "review": "{header} {day} 晚于统计日期 {as_of}：到统计日期还未复查，这一行的复查结论"
            "未采用（台账按待复查计）；日期写错的，请改正后重新汇总",
            "closed_on": "{header} {day} 晚于统计日期 {as_of}（年份是否写错？）：到统计日期还"
            "不能销号，台账按未销号跟踪；请改正后重新报送",
        },
    ),
    Code.FORM_DATE_BEFORE_ISSUE: Rule(
        _E,
        "表头日期早于活动印发",
        "表头日期 {day} 早于本次活动印发日期 {issued}，不可能是本次报送的日期，请核对年份"
        "（新旧版本按表头日期排先后；这一版暂按文件日期排，也按文件日期计报送时间）",
    ),
    Code.FINDING_EXAMPLE_ROW: Rule(
        _W, "示例行未删除", "问题编号为“示例”的是空白清单自带的示例行，已忽略；请删除该行"
    ),
    Code.FINDING_UNKNOWN_SOURCE: Rule(
        _E,
        "问题来源无法识别",
        "问题来源“{value}”不是本次活动的来源，请填写：{known}（或在 campaign.toml 的 [[sources]] 中添加别名）",
        {
            "blank": "没有填写问题来源，请填写：{known}",
            "level": "问题来源“{value}”是检查单位，本次活动{level}的来源有{several}，请填写是其中哪一项"
            "（或在 campaign.toml 中给该项的 aliases 加上“{value}”）",
        },
    ),
    Code.FINDING_SOURCE_OF_SHEET: Rule(
        _W,
        "问题来源按标题计",
        "清单没有“问题来源”一列，这张工作表的问题都按{where}“{named}”计为{source}；不对的，请加上"
        "“问题来源”一列逐行填写",
    ),
    Code.FINDING_NO_SOURCE: Rule(
        _E,
        "看不出问题来源",
        "清单没有“问题来源”一列，工作表名、标题和文件名中也看不出是哪一级检查发现的问题：请加上"
        "“问题来源”一列逐行填写（{known}），或在标题中写明（如“{example}发现问题清单”）",
        {
            "several": "清单没有“问题来源”一列，而{where}“{named}”中写了几个来源（{sources}），分不出"
            "每个问题是哪一个：请加上“问题来源”一列逐行填写，或每个来源一张工作表",
            "no_level": "清单没有“问题来源”一列，{where}“{named}”中的检查单位是{level}的，而 campaign.toml "
            "中没有{level}的问题来源（现有：{known}）：请在 campaign.toml 中加上这一来源（[[sources]] 一节，"
            'level = "{level}"），或加上“问题来源”一列逐行填写',
            "level": "清单没有“问题来源”一列，{where}“{named}”中的检查单位是{level}的，而本次活动"
            "{level}的来源有{sources}，分不出是哪一项：请加上“问题来源”一列逐行填写，或在标题中写明"
            "（如“{example}发现问题清单”）",
        },
    ),
    Code.FINDING_HIDDEN_SHEET: Rule(
        _W,
        "隐藏工作表中的问题",
        "工作表“{sheet}”是隐藏的，其中的问题也已读取；不是本次要交办的（如旧稿），请删去这张工作表",
        {
            "draft": "工作表“{sheet}”是隐藏的，其中的问题编号（如 {number}）与其他工作表重复，像是旧稿，"
            "未读取；确是要交办的问题，请取消隐藏并改用不同的编号"
        },
    ),
    Code.FINDING_ROW_NUMBERS: Rule(
        _W,
        "序号作问题编号",
        "这张工作表没有“问题编号”一列，按“序号”（1、2、3……）作为问题编号：清单更正后序号若有变动，"
        "部门的反馈就对不上了；建议加上正式的问题编号（如 XJ-01）",
    ),
    Code.FINDING_UNREAD_COLUMN: Rule(
        _W,
        "清单列未读取",
        "这一列不是交办问题清单的栏目，其内容不会写进下发给部门的表格，也不进全校台账；"
        "需要责任部门知道的，请写进“整改要求”",
    ),
    Code.FINDING_LIST_CHANGED: Rule(
        _W,
        "交办问题清单有改动",
        "交办问题 {number}（{what}）已不在交办问题清单中（上次汇总时还在，责任部门"
        "{departments}）：答复它的行改按部门自己的隐患跟踪，追责核查仍把它算作对这个交办问题的反馈；"
        "确已撤销的，请告知{departments}删去表中这一行的问题编号（问题来源照旧，不要改为自查）；"
        "是误删的，请在清单中恢复这一行",
        {
            # (not “报回的表格中这一行”: one with no answer yet has no row, trial 116)
            "renumbered": "清单中编为 {old} 的交办问题现在的编号是 {number}（来源、发现时间和内容相同）：台账按新编号"
            "跟踪；{departments}手中若有填着旧编号 {old} 的表格，报回时按部位和问题描述对应到 {number}；以后下发的表格用新编号"
            "（可下发跟进轮表格：huitoukan issue --followup 全校隐患台账.xlsx）",
            # (“（未明确）手中若有…” of one no department had: clerk trial 150)
            "renumbered_unassigned": "清单中编为 {old} 的交办问题现在的编号是 {number}（来源、发现时间和内容"
            "相同）：台账按新编号跟踪；它还没有明确责任部门，明确后下发的表格用新编号",
            "deadline": "交办问题 {number} 的整改时限由 {old} 改为 {new}：台账已按新时限判断是否逾期；"
            "{departments}手中的表格还是原时限，请告知（可下发跟进轮表格：huitoukan issue --followup "
            "全校隐患台账.xlsx）",
            "wording": "交办问题 {number} 的部位和问题描述由“{old}”改为“{new}”：台账和以后的表格按新的"
            "写法；{departments}手中的表格还是原来的写法，请告知（可下发跟进轮表格：huitoukan issue "
            "--followup 全校隐患台账.xlsx）",
            # (collect said nothing of a problem added: clerk trial 138)
            "added": "交办问题清单新增交办问题 {number}（{what}），责任部门{departments}：台账已列入，"
            "报回答复前按未反馈计；{departments}此前拿到的表格中没有这个问题，请告知（可下发跟进轮表格："
            "huitoukan issue --followup 全校隐患台账.xlsx）{past}",
            "added_answered": "交办问题清单新增交办问题 {number}（{what}），责任部门{departments}：台账已列入；"
            "{departments}报回的表格中已有对应它的行（按部位和问题描述对应），已按它的反馈汇总{past}",
            "added_numbered": "交办问题清单新增交办问题 {number}（{what}），责任部门{departments}：台账已列入；"
            "{departments}报回的表格中已有填着这个问题编号的行，已按它的反馈汇总{past}",
            "added_unassigned": "交办问题清单新增交办问题 {number}（{what}），未填写责任部门：台账已列入"
            "“未分配”，明确责任部门后请告知该部门{past}",
            "departments": "交办问题 {number} 的责任部门由 {old} 改为 {new}：不再负责的部门答复它的行"
            "算作已移交，不再计入该部门的隐患，也不再催办（其报送的整改情况留在该问题的档案中，"
            "追责核查仍算作对这个交办问题的反馈），{added}；"
            "请告知相关部门（可下发跟进轮表格："
            "huitoukan issue --followup 全校隐患台账.xlsx）{past}",
            # one department taken out, none added; one added, none taken out (“新增的部门按
            # 未反馈计” of a removal, “不再负责的部门…” of an addition: clerk trial 166)
            "departments_removed": "交办问题 {number} 的责任部门由 {old} 改为 {new}：不再负责的"
            "部门答复它的行算作已移交，不再计入该部门的隐患，也不再催办（其报送的整改情况留在该问题"
            "的档案中，追责核查仍算作对这个交办问题的反馈）；请告知相关部门（可下发跟进轮表格："
            "huitoukan issue --followup 全校隐患台账.xlsx）{past}",
            "departments_added": "交办问题 {number} 的责任部门由 {old} 改为 {new}：{added}；"
            "请告知相关部门（可下发跟进轮表格：huitoukan issue --followup 全校隐患台账.xlsx）{past}",
            "assigned": "交办问题 {number} 已明确责任部门：{new}，报回答复前按未反馈计；请告知"
            "（可下发跟进轮表格：huitoukan issue --followup 全校隐患台账.xlsx）{past}",
            "assigned_answered": "交办问题 {number} 已明确责任部门：{new}；{new}报回的表格中已有对应"
            "它的行（按部位和问题描述对应），已按它的反馈汇总{past}",
            "assigned_numbered": "交办问题 {number} 已明确责任部门：{new}；{new}报回的表格中已有填着"
            "这个问题编号的行，已按它的反馈汇总{past}",
        },
    ),
    Code.FINDING_ROW_SKIPPED: Rule(
        _W,
        "非问题行已跳过",
        "这一行（“{text}”）像是分组标题，不是问题，已跳过；如确是问题，请补填问题描述、责任部门等各栏",
        {
            "total": "这一行（“{text}”）是合计行，不是问题，已跳过",
            "note": "这一行（“{text}”）是说明文字，不是问题，已跳过",
        },
    ),
    Code.FINDING_MISSING_DESCRIPTION: Rule(_E, "未填问题描述", "没有填写问题描述，请补充"),
    Code.FINDING_UNKNOWN_DEPARTMENT: Rule(
        _E,
        "责任部门无法识别",
        "责任部门“{typed}”不在本次活动的部门名单中，{hint}请填写部门全称（{known}）；本次活动确有"
        "这个部门、campaign.toml 的名单中漏了的，请在 campaign.toml 中加上 [[departments]] name = "
        '"{typed}"；是某部门的别称的，在该部门下添加别名（部门改了名称的，在新名称下写 formerly = '
        '"旧名称"）',
        {
            "joined": "责任部门“{typed}”像是几个部门写在了一起：共同整改的，请用“、”把各部门隔开，"
            "写成“{joined}”",
            "remark": "责任部门“{typed}”中的“{remark}”不是部门名称：请删去，写成“{unit}”（牵头、"
            "配合等分工可写在整改要求中）",
        },
    ),
    Code.INSPECTION_UNKNOWN_DEPARTMENT: Rule(
        _W,
        "检查组写的部门不在名单中",
        "检查组写的责任部门“{typed}”不在本次活动的部门名单中，{hint}核查时按没有写责任部门处理"
        "（在全校台账中查找，核查结果照录检查组写的名称）；是本校某部门的别称的，请在 campaign.toml "
        "中为该部门添加别名",
    ),
    Code.FINDING_UNASSIGNED: Rule(
        _W, "未分配责任部门", "没有填写责任部门：这个问题列为“未分配”，请尽快明确责任部门"
    ),
    Code.FINDING_NUMBER_DERIVED: Rule(
        _W,
        "未填问题编号",
        "没有填写问题编号，已按来源和内容编为 {number_given}（每次运行都相同）；建议填写正式编号",
    ),
    Code.FINDING_DUPLICATE_NUMBER: Rule(
        _E,
        "问题编号重复",
        "问题编号“{value}”与{first_at}第 {first_row} 行重复，请改为不同的编号",
        {
            "twice": "这一行与{first_at}第 {first_row} 行的来源、部位和问题描述都相同（同一个问题列了两次），"
            "请删去其中一行",
            "joint": "这一行与{first_at}第 {first_row} 行是同一个问题，只是责任部门不同：几个部门共同整改的，"
            "请在一行的“责任部门”中写全，用顿号分隔（{both}），再删去另一行",
            "joint-deadlines": "这一行与{first_at}第 {first_row} 行是同一个问题，只是责任部门和整改时限不同："
            "一个问题只有一个整改时限，请在一行的“责任部门”中写全，用顿号分隔（{both}），"
            "写上统一的整改时限，再删去另一行",
        },
    ),
    Code.FINDING_DEADLINE_BEFORE_FOUND: Rule(
        _E, "时限早于发现", "整改时限 {deadline} 早于发现时间 {found}，请核对"
    ),
    Code.FINDING_LONG_AGO: Rule(
        _W,
        "发现时间过早",
        "发现时间 {found} 比本次活动印发日期早 {years} 年以上，请核对年份（确是多年前发现的问题可不改）",
    ),
    Code.FINDING_NO_FOUND_DATE: Rule(
        _W,
        "未填发现时间",
        "没有填写发现时间：哪些隐患是部门在检查之前自己查出的、销号是否早于检查，都要按它判断"
        "（追责核查也用它），请补填",
    ),
    Code.FINDING_FOUND_OF_SHEET: Rule(
        _W,
        "发现时间按标题计",
        "清单没有“发现时间”一列，这张工作表的问题都按标题中的“{named}”计为 {found} 发现；不对的，"
        "请加上“发现时间”一列逐行填写",
    ),
    Code.FINDING_NO_DEADLINE_COLUMN: Rule(
        _W,
        "清单没有整改时限一栏",
        "工作表“{sheet}”中找不到“整改时限”一栏，其中的问题都按活动默认整改时限 {default} 计，"
        "是否逾期据此判断；问题有整改时限的，请把那一栏的表头改为“整改时限”后重新运行",
    ),
    Code.FINDING_RESTATED: Rule(
        _W,
        "同一问题列了两次",
        "与{first_at}第 {first_row} 行的 {number}（{source}，{found}发现）说的是同一个问题（相似度 {score}）："
        "{number} 尚未销号的，请只保留先发现的那一行，在其整改要求中注明再次发现的时间和来源，"
        "部门只需反馈一次；{number} 已销号、这次又被查出的，两行都保留，部门按这一行重新整改；"
        "确是两个问题的，请把部位或问题描述写得能区分开",
        {  # as the register knows it (both cases said of one it knew: clerk trial 186 AL13)
            "open": "与{first_at}第 {first_row} 行的 {number}（{source}，{found}发现）说的是同一个问题"
            "（相似度 {score}）：{number} 尚未销号，请只保留先发现的那一行，在其整改要求中注明再次"
            "发现的时间和来源，部门只需反馈一次；确是两个问题的，请把部位或问题描述写得能区分开",
            "closed": "与{first_at}第 {first_row} 行的 {number}（{source}，{found}发现）说的是同一个"
            "问题（相似度 {score}）：{number} 已销号，这次又被查出，两行都保留即可，部门按这一行重新"
            "整改；确是两个问题的，请把部位或问题描述写得能区分开",
        },
    ),
    Code.FINDING_SAME_ELSEWHERE: Rule(
        _W,
        "同一问题交给了不同部门",
        "与{first_at}第 {first_row} 行的 {number}（{departments}）部位和问题描述相同，而责任部门不同：如是"
        "同一个问题，请合并为一行，在责任部门中列出各部门（共同整改，各自反馈）；确是各部门各自的"
        "问题，请把部位写得能区分开",
    ),
    Code.ASSIGNMENT_UNANSWERED: Rule(
        _E,
        "交办问题未反馈",
        "交办问题 {number}（{source}：{what}）没有在{department}的自查整改清单中反馈，"
        "请在表中该问题的行内填写整改措施、整改完成情况和责任人",
        {
            "other_form": "交办问题 {number}（{source}：{what}）没有反馈：{department}报来的是"
            "下发给{owners}的表格（表格文件中记着），其中没有本部门的交办问题；"
            "请用下发给{department}的附件2（发放文件夹中以本部门命名的表格）填写，在该问题的行内"
            "填写整改措施、整改完成情况和责任人后重新报送",
            "reworked": "交办问题 {number}（{source}：{what}）没有在{department}的自查整改清单中反馈；"
            "表中第 {alike_row} 行的交办问题 {earlier} 与它说的是同一个问题，那一行填了整改情况，"
            "{number} 这一行却空着。{earlier} 此前已报完成、之后检查又查出而另列为 {number} 的，"
            "重新整改的情况请填在 {number} 这一行，{earlier} 那一行保留原来报的已完成和销号时间",
            "no_row": "交办问题 {number}（{source}：{what}）没有在{department}的自查整改清单中反馈，"
            "表中也没有这个问题的行（可能被删除了）：请在表中新增一行，填写问题编号 {number}、"
            "整改措施、整改完成情况和责任人",
            "row_added": "交办问题 {number}（{source}：{what}）没有在{department}的自查整改清单中反馈，"
            "表中也没有这个问题的行（可能被删除了）：本表第 {at} 行已按交办问题清单补回这一行，"
            "请在该行填写整改措施、整改完成情况和责任人",
            "alike": "交办问题 {number}（{source}：{what}）没有在{department}的自查整改清单中反馈；"
            "表中第 {alike_row} 行（{alike_what}）没有填写问题编号，是不是这个问题的反馈？是的，"
            "请在该行填写问题编号 {number}；不是的，请在这个问题的行内填写整改措施、整改完成情况"
            "和责任人",
        },
    ),
    Code.ASSIGNMENT_DATED_WHILE_AWAY: Rule(
        _W,
        "表头日期在交回之前",
        "交办问题 {number}（{source}：{what}）已于 {back} 交回{department}负责，这份表格是交回之后"
        "才收到的，表头日期（{sent}）却在其他部门负责期间：表中它的行（第 {row_number} 行）按当时的"
        "移交说明计，不算整改情况，按未反馈计；如果这份表格是交回后填写的，请改正表头日期后重新报送；"
        "否则请接收部门给{department}下发跟进轮表格（huitoukan issue --followup 全校隐患台账.xlsx "
        "-d {department}）",
    ),
    Code.ASSIGNMENT_AFTER_RETURN: Rule(
        _W,
        "交办问题晚于报送",
        "交办问题 {number}（{source}：{what}）是 {found} 发现的，晚于{department}报送这份表格"
        "（{sent}），表中还没有它，按未反馈计；请接收部门给{department}下发跟进轮表格，表中"
        "附有该问题，并预填了该部门已报送的隐患（huitoukan issue --followup 全校隐患台账.xlsx "
        "-d {department}）",
        {
            "not_issued": "交办问题 {number}（{source}：{what}）不在下发给{department}的这份表格中"
            "（表格下发后才交办），表中还没有它，按未反馈计；请接收部门给{department}下发跟进轮表格，"
            "表中附有该问题，并预填了该部门已报送的隐患（huitoukan issue --followup "
            "全校隐患台账.xlsx -d {department}）",
            "given_back": "交办问题 {number}（{source}：{what}）又交回{department}负责；{department}"
            "报送这份表格（{sent}）时它由其他部门负责，表中它的行算作当时的移交说明，不算整改情况，"
            "按未反馈计；请接收部门给{department}下发跟进轮表格，表中附有该问题，并预填了该部门"
            "已报送的隐患（huitoukan issue --followup 全校隐患台账.xlsx -d {department}）",
            "given_back_said": "交办问题 {number}（{source}：{what}）又交回{department}负责；"
            "{department}报送的这份表格（{sent}）中它的行写的是移交（“{measures}”），算作移交说明，"
            "不算整改情况，按未反馈计；请接收部门给{department}下发跟进轮表格，表中附有该问题，"
            "并预填了该部门已报送的隐患（huitoukan issue --followup 全校隐患台账.xlsx -d {department}）",
            "assigned": "交办问题 {number}（{source}：{what}）是 {found} 才交办给{department}的"
            "（此前的交办问题清单中没有交给该部门），晚于{department}报送这份表格（{sent}），"
            "表中还没有它，按未反馈计；请接收部门给{department}下发跟进轮表格，表中附有该问题，"
            "并预填了该部门已报送的隐患（huitoukan issue --followup 全校隐患台账.xlsx "
            "-d {department}）",
        },
    ),
    Code.ASSIGNMENT_DUE_WHEN_ISSUED: Rule(
        _W,
        "下发时已过时限",
        # (“交给…时（12月21日）” of a part the list gave on 12月18日: the form's day, clerk
        # trial 140)
        "交办问题 {number}（{what}）的整改时限是 {deadline}，{day}下发给{departments}的表格中"
        "已经过了，部门收到表格即已逾期（表中的整改时限锁定，部门不能改）：已同意延期的，"
        # collected first: else the collect after says the forms still carry the old date
        # (said of a form already regenerated with the new one: clerk trial 120)
        "请先在交办问题清单中改为新的整改时限，重新汇总（{collect}）后再重新生成表格（加 --force）",
        {
            "given": "交办问题 {number}（{what}）的整改时限是 {deadline}，交给{departments}时（{day}）"
            "已经过了：逾期天数从交办之日起算，{received}（表中的整改时限锁定，部门不能改）："
            "已同意延期的，请先在交办问题清单中改为新的整改时限，重新汇总（{collect}）后再"
            "重新生成表格（加 --force）",
            # the first round's forms: nothing may have been collected yet (trial 128)
            "first": "交办问题 {number}（{what}）的整改时限是 {deadline}，交给{departments}时（{day}）"
            "已经过了，部门收到表格即已逾期（表中的整改时限锁定，部门不能改）：已同意延期的，"
            "请先在交办问题清单中改为新的整改时限，再重新生成表格（加 --force；已经汇总过的，"
            "先重新汇总 huitoukan collect）",
        },
    ),
    Code.ASSIGNMENT_MATCHED_BY_CONTENT: Rule(
        _W,
        "交办问题编号缺失",
        "这一行没有写交办问题编号（或编号有误），{by}对应到交办问题 {number}；请补上编号 {number}",
        {
            "unknown": "这一行写的编号 {typed} 不在交办问题清单中，{by}对应到交办问题"
            " {number}；请把编号改为 {number}",
            "other": "这一行写的交办问题编号 {typed} 不是本部门的（责任部门：{owners}），"
            "{by}对应到本部门的交办问题 {number}；请把编号改为 {number}",
            "unassigned": "这一行写的交办问题编号 {typed} 尚未明确责任部门，{by}"
            "对应到本部门的交办问题 {number}；请把编号改为 {number}",
            "own": "这一行写的编号 {typed} 是本部门的另一个交办问题（{typed_what}），{by}"
            "对应到交办问题 {number}；请把编号改为 {number}",
            "first": "这一行是本部门自查在先发现的隐患，之后{source}检查也发现了这个问题（交办问题"
            " {number}），已{by}对应，仍算自查发现；再报送时请在“问题编号”中填写 "
            "{number}，以后都对应同一个问题",
        },
    ),
    Code.ASSIGNMENT_MATCHED_WITHOUT_COLUMN: Rule(
        _W,
        "表中没有问题编号栏",
        "表中没有“问题编号”一栏（不是下发的附件2），这一行按部位和问题描述对应到交办问题 {number}，"
        "请核对；今后请该部门使用下发的附件2填写",
    ),
    Code.ASSIGNMENT_UNKNOWN_NUMBER: Rule(
        _W,
        "交办问题编号不存在",
        "问题编号“{value}”不在交办问题清单中，已按本部门自查发现的隐患汇总；请核对编号",
        {
            "withdrawn": "交办问题 {value} 已从交办问题清单中删去（此前的清单中有），这一行已按"
            "本部门自查发现的隐患汇总；该问题确已撤销的，请删去这一行的问题编号（问题来源照旧，不要改为自查）"
        },
    ),
    Code.ASSIGNMENT_ROWS_SHIFTED: Rule(
        _E,
        "交办问题编号与内容错行",
        "问题编号 {value} 是交办问题“{what}”，这一行写的却是“{row_what}”，第 {other} 行写的才是"
        "这项问题：可能只选了部分列排序，行已错开。这一行按它写的内容汇总（写的是别的交办问题的，"
        "按内容对应，否则按自查发现的隐患），第 {other} 行按 {value} 的反馈汇总；请把问题编号、"
        "问题来源移回对应的行后重新报送",
    ),
    Code.ASSIGNMENT_OTHER_DEPARTMENT: Rule(
        _W,
        "交办给其他部门的问题",
        "交办问题 {value} 的责任部门是{owners}，不是本部门；这一行已按本部门自查发现的隐患汇总，"
        "不算 {value} 的反馈。编号写错的请改正；该问题已改由其他部门负责的，删去问题编号即可（问题来源照旧）；"
        "确由本部门整改的，请{tell}在交办问题清单的责任部门中加上本部门",
        {
            "unassigned": "交办问题 {value} 在交办问题清单中还没有明确责任部门，已按本部门自查发现的"
            "隐患汇总；由本部门整改的，请{tell}在清单中写明",
            # (the one it was given before read “不是本部门”, as if it had typed it wrong:
            # clerk trial 138)
            "moved": "交办问题 {number} 已改由{owners}负责（此前交办本部门，本部门报送过整改情况，"
            "留在该问题的档案中）：这一行算作已移交，不再计入本部门的隐患，也不再催办，删去或"
            "保留这一行均可；仍由本部门整改的，请{tell}在交办问题清单的责任部门中加上本部门",
            "sender": "这份表格的表头没有写明本次活动的部门，而这一行写的交办问题 {value} 是交给"
            "{owners}的：可能是{owners}报送的，请核实；确是的，请其在表头“部门（章）”中填写部门"
            "全称后重新报送（或把文件名改为“{owners}”后重新汇总）",
        },
    ),
    Code.ASSIGNMENT_RESTATED: Rule(
        _W,
        "交办问题内容被改动",
        "交办问题 {number} 下发时是“{issued}”，这一行改成了“{typed}”：交办问题的部位和问题描述"
        "由学校填写，请改回下发时的内容（情况有变化的，写在备注中）；台账按下发时的内容记",
    ),
    Code.ASSIGNMENT_DEADLINE_LATER: Rule(
        _W,
        "整改时限晚于交办要求",
        "交办问题 {number} 要求 {required} 前整改完成，这一行的整改时限 {typed} 晚于要求，"
        "台账按 {required} 计；请改为 {required}",
    ),
    Code.ASSIGNMENT_CLOSED_BEFORE_FOUND: Rule(
        _E,
        "销号早于发现",
        "销号时间 {closed} 早于交办问题 {number} 的发现时间 {found}（{source}发现时问题还在），"
        "请核对销号时间",
    ),
    Code.ASSIGNMENT_STILL_THERE: Rule(
        _W,
        "销号后检查时问题仍在",
        "这一行是本部门自查发现的隐患，{closed} 已报销号，但 {found} {source}检查时问题仍在"
        "（交办问题 {number}）：台账按未销号跟踪，请重新整改，完成后把销号时间改为重新整改完成"
        "的日期",
    ),
    Code.REVIEW_BAD_RESULT: Rule(
        _E, "复查结论无法识别", "复查结论“{value}”无法识别，请选择：合格 或 不合格"
    ),
    Code.REVIEW_PASSED_DOUBTED: Rule(
        _E,
        "复查合格但复查意见存疑",
        "复查结论是“{result}”，复查意见却写着“{value}”{doubt}，这一行的复查结论未采用（台账按"
        "待复查计）：确已整改到位、可以销号的，请改写复查意见，写明现场看到的整改情况（如“现场复查，"
        "灭火器已更换”）；没有整改到位的，请把复查结论改为“不合格”，然后重新汇总",
        {
            "ditto": "复查结论是“{result}”，复查意见填的是“同上”，即上一行的“{value}”{doubt}，这一行的"
            "复查结论未采用（台账按待复查计）：请在这一行写明这项隐患现场看到的整改情况（如“现场复查，"
            "灭火器已更换”）；没有整改到位的，请把复查结论改为“不合格”，然后重新汇总",
        },
    ),
    Code.REVIEW_DITTO_OTHER_DAY: Rule(
        _E,
        "复查意见“同上”所指不明",
        "复查意见写的是“同上”，上一行的复查时间却是{above}，不是这一行的{day}：上一行的复查意见"
        "（“{value}”）说的是另一次复查，改过后也会随之改变，这一行的复查结论未采用（台账按待复查"
        "计）：请写明这一项的复查意见后重新汇总",
    ),
    Code.REVIEW_NO_RESULT: Rule(
        _W,
        "复查结论未填",
        "这一行填了复查人或复查时间，复查结论却是空白：这项隐患仍按待复查计；已复查的，请在“复查结论”中"
        "选择合格或不合格后重新汇总",
        {  # typed one column off (a column more on a later form): trial 117
            "shifted": "这一行复查结论空白，“复查人”一栏填的却是“{reviewer}”，不像人名：可能各栏填错了位置"
            "（请对照表头，复查人、复查时间、复查结论各占一栏）；这项隐患仍按待复查计，请改正后重新汇总",
        },
    ),
    Code.REVIEW_UNKNOWN_HAZARD: Rule(
        _E,
        "复查的隐患不在台账中",
        "隐患编号 {value} 不在台账中（可能是其他活动的表，或编号被改动），这一行的复查结论未采用",
    ),
    Code.REVIEW_BEFORE_CLOSED: Rule(
        _E,
        "复查早于销号",
        "复查时间 {reviewed} 早于部门填写的销号时间 {closed}，请核对；这一行的复查结论未采用",
    ),
    Code.REVIEW_UNDATED: Rule(
        _E,
        "复查未填时间",
        "复查结论“{result}”没有填写复查时间，这一行的复查结论未采用；请填写复查验收的日期后重新汇总",
    ),
    Code.REVIEW_PASSED_UNSIGNED: Rule(
        _E,
        "复查合格未填复查人",
        "复查结论“{result}”没有填写复查人，这一行的复查结论未采用（台账按待复查计）：销号须有人复查验收、"
        "验收资料合规，请填写复查人后重新汇总",
        {  # a day in it, typed one column off (clerk trial 118)
            "not-a-name": "复查结论“{result}”的复查人一栏填的是“{value}”，不是人名（是不是填错了列？），"
            "这一行的复查结论未采用（台账按待复查计）：销号须有人复查验收，请填写复查人后重新汇总",
            "nobody": "复查结论“{result}”的复查人一栏填的是“{value}”，没有写明由谁复查验收，这一行的"
            "复查结论未采用（台账按待复查计）：销号须有人到现场复查验收（部门自查不能代替），"
            "请填写复查人后重新汇总",
        },
    ),
    Code.REVIEW_PASSED_UNREDONE: Rule(
        _W,
        "不合格后未重新整改即合格",
        "这项隐患 {failed_on} 经{failed_by}复查不合格（{note}），部门没有报送重新整改的销号时间"
        "（仍为 {closed}），这次复查合格：已按合格销号；请核对两次复查说的是否同一次整改",
    ),
    Code.REVIEW_FAILED_NO_NOTE: Rule(
        _W,
        "不合格未写复查意见",
        "复查结论为“不合格”，但没有写复查意见：部门不知道哪里不合格、该怎样整改，请写明",
    ),
    Code.REVIEW_BY_OWN_OFFICE: Rule(
        _W,
        "本部门隐患自查自验",
        "这项隐患是{office}自己报的，复查人也是{office}报表中的{role}，属于自查自验"
        "（结论已采用）；宜请分管校领导或其他部门复查验收并签字",
    ),
    Code.REVIEW_BEFORE_FORM: Rule(
        _W,
        "复查时间早于复查验收表",
        "复查时间 {day} 早于本表的生成日期 {made}：复查结论签在复查之后生成的表上，看起来像是倒填"
        "日期；请核对复查时间（复查确在之前做的，请在复查意见中写明）",
    ),
    Code.REVIEW_BEFORE_CAMPAIGN: Rule(
        _E,
        "复查早于本次活动",
        "复查时间 {day} 早于本次活动的下发日期 {issued}，像是往期的复查验收表：这一行的复查结论"
        "未采用；本次的复查请填在 huitoukan review 生成的复查验收表上",
    ),
    Code.REVIEW_CONFLICT: Rule(
        _E,
        "复查结论相互矛盾",
        "隐患 {value} 在 {reviewed} 的复查结论，这一行是“{result}”，{other}却是“{other_result}”："
        "两个结论都未采用，台账按待复查计；请删去或改正不作数的那一行后重新汇总",
    ),
    Code.REVIEW_CLOSURE_EDITED: Rule(
        _W,
        "复查表销号时间与报送不符",
        "这一行的销号时间改成了 {shown}，生成这张表时部门报送的是 {issued}：复查按部门报送的"
        "销号时间核对。销号时间须由部门在自查整改清单中改正后重新报送，复查验收表上的改动不算数",
    ),
    Code.REVIEW_NO_REVIEWER: Rule(
        _W,
        "复查未填复查人",
        "复查结论“{result}”没有填写复查人（结论已采用，退回整改）；复查验收须写明由谁复查，请补填",
        {
            "not-a-name": "复查结论“{result}”的复查人一栏填的是“{value}”，不是人名（结论已采用，"
            "退回整改）；复查验收须写明由谁复查，请改正",
            "nobody": "复查结论“{result}”的复查人一栏填的是“{value}”，没有写明由谁复查（结论已采用，"
            "退回整改）；复查验收须写明由谁复查，请改正",
        },
    ),
    Code.REVIEW_CLOSURE_CHANGED: Rule(
        _W,
        "复查合格后改动销号时间",
        "这项隐患 {reviewed} 复查验收合格时的销号时间是 {old}，新版本改为 {new}：复查结论不再适用，"
        "台账按待复查计，须再次复查验收；若不是重新整改、只是部门填错（如重新填写了表格），"
        "请部门改回 {old} 后重新报送",
        {  # reported not done in between: redone, not mistyped (clerk trial 185 AK9)
            "redone": "这项隐患 {reviewed} 复查验收合格时的销号时间是 {old}，{undone}报送的表格改报"
            "未完成，新版本重新报已完成、销号时间 {new}：复查结论不再适用，台账按待复查计，须再次复查验收",
        },
    ),
    Code.CHANGED_AFTER_PASSED: Rule(
        _W,
        "复查合格后改动",
        "这项隐患（{what}）已于 {reviewed} 复查验收合格，新版本{changes}：复查结论仍然有效，"
        "复查时的照片仍归档保留；整改情况确有变化的，请说明情况",
    ),
    Code.REVIEW_REOPENED: Rule(
        _W,
        "复查合格后改报未完成",
        "这项隐患（{what}）已于 {reviewed} 复查验收合格，新版本改报为“{progress}”，"
        "台账按未销号跟踪；已整改完成的，请改回“已完成”并填写销号时间",
        {
            "review": "隐患 {value}（{owner}：{what}）这一行复查合格，但部门的新版本改报为"
            "“{progress}”，台账按未销号跟踪，这次复查结论不再作数；请与部门核实",
            "undated": "这项隐患（{what}）已于 {reviewed} 复查验收合格，新版本的销号时间空白、"
            "无法识别、早于检查时间或晚于统计日期，台账按未销号跟踪；请填写正确的销号时间后重新报送",
            "review-after": "隐患 {value}（{owner}：{what}）{reviewed} 复查合格，但部门 {sent} 报来的"
            "新版本已改报为“{progress}”，复查依据的是此前的整改情况：这次复查结论不作数，台账按"
            "未销号跟踪；请与部门核实，整改完成后再复查",
            "review-undated": "隐患 {value}（{owner}：{what}）这一行复查合格，但部门的新版本"
            "销号时间空白、无法识别、早于检查时间或晚于统计日期，台账按未销号跟踪，复查结论暂未采用；请与部门核实",
        },
    ),
    Code.REVIEW_NEVER_CLOSED: Rule(
        _E,
        "复查的隐患未报销号",
        "隐患 {value}（{owner}：{what}）部门报的是“{progress}”，从未报过已完成和销号时间，这一行"
        "也没有销号时间（复查验收表只列报已完成、待复查的隐患）：这一行的复查结论未采用；请核对隐患"
        "编号是否填错",
    ),
    Code.REVIEW_HANDED_OVER: Rule(
        _W,
        "复查的隐患已移交",
        "隐患 {value}（{owner}：{what}）答复的交办问题 {number} 已改由{owners}负责：这次复查不合格"
        "（{note}）记入该问题的抽查档案，不再退回{owner}整改；请把复查意见告知{owners}",
        {
            "passed": "隐患 {value}（{owner}：{what}）答复的交办问题 {number} 已改由{owners}负责："
            "这次复查合格记入该问题的抽查档案，该问题按{owners}的反馈跟踪；请把复查结果告知{owners}",
        },
    ),
    Code.REVIEW_SAVED_OVER: Rule(
        _W,
        "复查验收表被覆盖",
        "这份复查验收表是另存覆盖了上次汇总时的复查验收表：原表中的 {count} 条复查结论（{ids}）"
        "现在的表中没有，按台账的记录保留{refused}。已签字的复查验收表请留作存档，新的复查请另存为"
        "新文件名（如 {suggested}），不要覆盖",
    ),
    Code.REVIEW_FAILED: Rule(
        _W,
        "复查不合格",
        "这项隐患（{what}）复查验收不合格：{note}。已退回整改中，请继续整改，整改完成后"
        "把销号时间改为重新整改完成的日期，重新报送",
        {
            "vanished": "这项隐患（{what}，原在 {old_file} 第 {old_row} 行）复查验收不合格："
            "{note}。新版本中已没有这一行，台账按整改中跟踪；请把这一行补回表中，继续整改，"
            "整改完成后填写重新整改完成的销号时间，重新报送",
            "early": "这项隐患（{what}）{reviewed}复查验收不合格：{note}。新报的销号时间 {closed} "
            "早于复查时间，仍按复查不合格、整改中跟踪；复查后重新整改完成的，请把销号时间改为"
            "重新整改完成的日期（复查当天或之后），重新报送",
        },
    ),
    Code.CROSSCHECK_BAD_DECISION: Rule(
        _E,
        "对应自查无法识别",
        "“对应自查”应填写对应隐患的隐患编号（如 H1A2B3C4D，核查结果的“说明”列出了相近隐患的"
        "编号）、台账“隐患台账”中的序号（1 到 {size}）或“无”，这里是“{value}”",
        {
            "id": "“对应自查”填写的隐患编号 {value} 不在台账中（可能填写有误，或含这项隐患的报表"
            "已不在汇总的文件夹中）。请按这次核查结果“说明”中列出的编号重新填写",
        },
    ),
    Code.CROSSCHECK_UNLIKE_DECISION: Rule(
        _W,
        "对应自查与问题不相近",
        "“对应自查”填写的隐患（台账第 {number} 项，{owner}，{where}）与这个问题不相近，"
        "已按所填核查；请核对是否填错",
        {
            "none": "“对应自查”填写的是“无”，但台账中的隐患 {hazard_id}（{owner}，{where}）与这个"
            "问题几乎相同（相似度 {score}），已按“无”核查（自查未发现）；请核对是否填错",
        },
    ),
    Code.CROSSCHECK_NUMBERED_DECISION: Rule(
        _W,
        "对应自查填的是序号",
        "“对应自查”填写的是台账序号 {number}（{owner}，{where}）。再次汇总后序号可能变化，"
        "请改填这项隐患的隐患编号 {hazard_id}，以后每次都对应同一项隐患",
    ),
    Code.CROSSCHECK_ASSIGNED_FINDING: Rule(
        _W,
        "交办问题未核查",
        "{number} 是本次活动的交办问题（{same}都与交办问题清单相同）：它已交办部门整改，"
        "不是追责核查的对象，未核查；其整改情况见 huitoukan status 或台账的“交办问题”工作表",
        {
            "renumbered": "{number} 是本次活动的交办问题 {listed}（来源、部位、问题描述和发现时间都与"
            "交办问题清单中的 {listed} 相同，只是编号改了）：它已交办部门整改，不是追责核查的对象，"
            "未核查；其整改情况见 huitoukan status 或台账的“交办问题”工作表"
        },
    ),
    Code.CROSSCHECK_EARLIER_FINDING: Rule(
        _W,
        "发现早于本次活动",
        "{number} 的发现时间 {day} 早于本次活动的下发日期 {issued}：是往期检查发现的问题的，"
        "不应按本次自查追责，请核对发现时间（已按所填核查）",
    ),
    Code.CROSSCHECK_SHARED_DECISION: Rule(
        _W,
        "对应自查重复",
        "“对应自查”填写的隐患 {hazard_id} 也是问题 {other} 的对应自查：一项隐患对应两个检查发现的"
        "问题，已都按所填核查；请核对是否填错（如从上一行复制下来的）",
    ),
    Code.CROSSCHECK_DECISION_IN_RESULT: Rule(
        _W,
        "核对结论填在了核查结果中",
        "{number} 的核对结论填写在了上次的核查结果中，未被采用：核查结果每次运行都重新"
        "写出（填写过的一份已另存）。请把它填写到问题清单 {listed} 中这个问题的“对应自查”一栏"
        "（没有就加一列），再运行一次",
    ),
    Code.MISSING_PHOTO: Rule(
        _W,
        "未附整改后照片",
        "整改完成情况为“已完成”，但这一行没有附整改后照片，请把照片粘贴在该行后重新报送",
        {
            "before": "整改完成情况为“已完成”，但这一行的照片都是整改中时已报送过的"
            "（{old_file} 第 {old_row} 行），是整改前照片，不能证明已整改，"
            "请把整改后照片粘贴在该行后重新报送",
            # (the proof of a closing the inspection belied: clerk trial 153)
            "found": "整改完成情况为“已完成”，但这一行的照片都是在{source}发现 {number}（{found}）"
            "之前报送的，不能证明此后已整改到位，请把整改后照片粘贴在该行后重新报送",
            "borrowed": "整改完成情况为“已完成”，但这一行的照片都是{owner}在其隐患尚未整改时报送的"
            "（{old_file} 第 {old_row} 行：{what}），是那里的整改前照片，不能证明本行已整改，"
            "请把本行的整改后照片粘贴在该行后重新报送",
        },
    ),
    Code.PICTURE_SKIPPED: Rule(_W, "图片未读取", "{detail}"),
    Code.PICTURES_NOT_READ: Rule(
        _W,
        "图片无法读取",
        # (the 退回修改 copy is an .xlsx without them: told only to save as .xlsx, a
        # department mending the copy would send no photo at all, clerk trial 240 CN1)
        "这是早期 Excel（.xls）或 WPS（.et）格式的文件，其中的照片无法读取；附有照片的，"
        "请把原表另存为 .xlsx 后重新报送，或在退回修改副本（.xlsx，不带原表的照片）的各行重新"
        "粘贴照片后报回",
    ),
    Code.PHOTO_NOT_ON_HAZARD: Rule(
        _W,
        "照片不在隐患行",
        "第 {rows} 行的照片不在任何隐患所在的行，未归入隐患；请把照片放在对应隐患的行内",
    ),
    Code.PHOTO_REUSED: Rule(
        _W,
        "照片重复使用",
        # (that hazard's: a follow-up form's row shows none of the photos sent before it,
        # and “第 8 行的照片” named a row without a picture: clerk trial 115)
        "这一行的照片与本表第 {rows} 行隐患的照片是同一张：一张照片不能分别证明不同隐患已整改，"
        "请换上各自的整改照片（确是一次整改一并消除的，在备注中写明，供复查核对）",
        {
            "other": "这一行的照片与{owner}报送的照片是同一张（{old_file} 第 {old_row} 行，"
            # (“后重新报送”: its copy said it need not be sent again, status and remind
            # asked for the photo: clerk trial 146)
            "{what}）：请换上本部门这项隐患自己的整改照片后重新报送",
            "earlier": "这一行的照片与本表第 {rows} 行隐患在之前报送的 {old_file} 中所附的照片是同一张："
            "一张照片不能分别证明不同隐患已整改，请换上各自的整改照片（确是一次整改一并消除的，"
            "在备注中写明，供复查核对）",
            # (LibreOffice moves a deleted row's picture up onto the next: clerk trial 155)
            "deleted": "这一行的照片是之前报送的 {old_file} 第 {old_row} 行隐患（{what}）的照片，"
            "那一行已从表中删除（删除行时，表格软件可能把那一行的照片留在了下一行）：照片仍算"
            "那项隐患的；不是这一行隐患的照片，请从这一行删去后重新报送",
        },
    ),
    Code.REVIEW_NOT_REQUIRED: Rule(
        _W,
        "未开启复查验收",
        "收到复查验收表，但本次活动未开启复查验收（campaign.toml 中 review_required = false），"
        "其中的复查结论未采用",
    ),
}


def catalogue_table() -> str:
    """The catalogue as the Markdown table the README shows (a test keeps them equal)."""
    lines = ["| 代码 | 严重程度 | 问题 | 说明（模板） |", "| --- | --- | --- | --- |"]
    for code, rule in CATALOGUE.items():
        message = rule.message.replace("|", "\\|")
        lines.append(f"| `{code.value}` | {rule.severity.value} | {rule.title} | {message} |")
    return "\n".join(lines)


class Problem(BaseModel):
    model_config = ConfigDict(frozen=True)

    severity: Severity
    code: Code
    file: str
    sheet: str = ""
    cell: str = ""
    """An A1 reference (H6), or '' when the problem has no cell of its own."""
    row: int | None = None
    """1-based row of the sheet the problem concerns, when it concerns a row."""
    field: str = ""
    value: str = ""
    message: str
    department: str = ""
    variant: str = Field(default="", exclude=True)
    """The catalogue's variant its message was made from ('' for the rule's own): what a
    later step asks of it, not its words (left out of the JSON, as the message says it)."""

    @property
    def where(self) -> str:
        """Where to look, as a clerk reads it: 自查整改清单!H6, or the sheet and row."""
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        if self.row is not None:
            return f"{self.sheet}!第{self.row}行" if self.sheet else f"第{self.row}行"
        return self.sheet

    @property
    def title(self) -> str:
        return CATALOGUE[self.code].title

    @property
    def at(self) -> tuple[str, str, int]:
        """(file, sheet, row) it is about, as `HazardRow.at` names a row (row 0: none)."""
        return (self.file, self.sheet, self.row or 0)


def date_example(day: date) -> dict[str, Any]:
    """The params of a message asking for a date the way it is written (`BAD_DATE`): `day`,
    a date of the campaign's own year, as 2026-12-05 and as 2026年12月5日."""
    return {"iso": day.isoformat(), "day": day}


def problem(
    code: Code,
    file: str,
    *,
    sheet: str = "",
    cell: str = "",
    row: int | None = None,
    field: str = "",
    value: str = "",
    department: str = "",
    variant: str = "",
    **params: object,
) -> Problem:
    """A problem of kind `code`, its message made from the catalogue's template, which may
    use `params` (dates written 2023年12月20日) and the fields `file`, `sheet`, `cell`,
    `field` and `value`."""
    rule = CATALOGUE[code]
    template = rule.variants[variant] if variant else rule.message
    shown = {k: chinese_date(v) if isinstance(v, date) else v for k, v in params.items()}
    if shown.get("old_file") == file:  # a return written over by its newer version
        shown["old_file"] = f"{file}（被覆盖前的一版）"  # (“旧版本 X” of X read as one: trial 57)
    return Problem(
        severity=rule.severity,
        code=code,
        file=file,
        sheet=sheet,
        cell=cell,
        row=row,
        field=field,
        value=value,
        message=template.format_map(
            {
                "file": file,
                "sheet": sheet,
                "cell": cell,
                "field": field,
                "value": value,
                "department": department,
                **shown,
            }
        ),
        department=department,
        variant=variant,
    )


NOT_A_DATE = "不是日期"
"""How a row's errors (`HazardRow.errors_said`) say a date typed was no date at all (长期)."""


def said_again(said: Problem, variant: str, **params: object) -> Problem:
    """`said`, where it is and of what, in the words of its `variant` with `params` (a
    problem found while reading, told otherwise once more is known)."""
    return problem(
        said.code,
        said.file,
        sheet=said.sheet,
        cell=said.cell,
        row=said.row,
        field=said.field,
        value=said.value,
        department=said.department,
        variant=variant,
        **params,
    )


def count(problems: Iterable[Problem], severity: Severity) -> int:
    return sum(p.severity is severity for p in problems)


class ProblemCounts(BaseModel):
    """A result that holds problems, with their counts by severity."""

    problems: list[Problem] = []

    @property
    def errors(self) -> int:
        return count(self.problems, Severity.ERROR)

    @property
    def warnings(self) -> int:
        return count(self.problems, Severity.WARNING)
