"""Write examples/: a whole "回头看" of the default campaign, as the people in it fill it in.

    python scripts/make_examples.py

- 交办问题清单.xlsx: the problems earlier inspections found (县级普查 … 审计调查, 学校通报),
  typed by the security office into the blank list `init --findings` writes: one problem
  shared by two departments, one left without a department, one without a 编号;
- 回收/: the returns. Eight departments were sent forms listing their assigned problems;
  six answered, one of them twice, one late, one on the seed's original ten columns
  (no 问题编号: its answer is recognised by content), and a few made the mistakes real
  people make (a missing 责任人, a row deleted instead of closed, dates typed as text, an
  assigned problem left unanswered in a second version). Some rows carry photos, pasted
  as WPS (in the cell), Excel 365 (in the cell) and any suite (floating) store them;
- 市级抽查问题.xlsx: what the city's spot check of 12月18日 found, for `crosscheck`;
- campaign.toml: the default campaign with 复查验收 and photos required and the list named;
- 复查/: the 复查验收表 `huitoukan review` wrote on 12月19日, as the security office filled it.
"""

from __future__ import annotations

import os
import shutil
import sys
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from huitoukan.campaign import (  # noqa: E402
    Campaign,
    default_campaign,
    default_campaign_text,
    load_campaign,
)
from huitoukan.findings.reading import read_findings  # noqa: E402
from huitoukan.findings.template import blank_list  # noqa: E402
from huitoukan.forms.findings_layout import LIST_COLUMNS  # noqa: E402
from huitoukan.forms.layout import FORM_SHEET  # noqa: E402
from huitoukan.model.findings import Finding  # noqa: E402
from tests.helpers import filled_form, header_position, set_label  # noqa: E402
from tests.photo_forms import paste_photos  # noqa: E402

EXAMPLES = ROOT / "examples"
OUT = EXAMPLES / "回收"
FINDINGS = EXAMPLES / "交办问题清单.xlsx"
SPOT_CHECK = EXAMPLES / "市级抽查问题.xlsx"
CAMPAIGN = EXAMPLES / "campaign.toml"
REVIEWED = EXAMPLES / "复查" / "复查验收表（安全保卫处已填）.xlsx"

ASSIGNED = [
    ["XJ-2023-07", "县级普查", "2023-09-20", "北围墙", "北围墙约15米段墙体开裂倾斜",
     "安全保卫处、总务基建处", "设置围挡和警示标志，落实维修资金，限期修复", "2024-06-30"],
    ["XJ-2023-11", "县级普查", "2023-09-20", "第一食堂", "后厨燃气管道软管老化",
     "总务基建处", "更换为金属软管，建立燃气设施检查台账", "2023-12-13"],
    ["SD6-03", "省第六轮督查", "2023年10月26日", "锅炉房", "锅炉房未安装一氧化碳报警器",
     "总务基建处", "安装一氧化碳报警器并定期检测", "2023-12-18"],
    ["SD6-04", "省级督查", "2023年10月26日", "学院警务室", "值班巡逻记录不全",
     "警务室", "完善值班巡逻记录", "2023-12-10"],
    ["SJ4-02", "四进", "2023-11-08", "焊接实训室", "气瓶未固定存放",
     "高级技工学校", "加装气瓶固定架", "2023-12-20"],
    ["", "四进工作队巡查", "2023-11-08", "医疗废物暂存间", "医疗废物暂存间未上锁",
     "附属医院", "加装门锁，专人管理", "2023-12-15"],
    ["SJ-2023-09", "审计", "2023-11-15", "监控中心", "一键式报警装置未与公安机关联网",
     "保卫处", "与属地派出所联网并测试", "2023-12-15"],
    ["XN-2023-12", "学校通报", "2023-11-30", "信息学院机房", "机房通风消毒记录不全",
     "二级学院", "完善通风消毒台账", "2023-12-15"],
    ["XN-2023-13", "学校通报", "2023-11-30", "体育馆", "看台安全出口指示标志缺失",
     "", "补装安全出口指示标志", "2023-12-20"],
]  # fmt: skip
"""问题编号, 问题来源 (as typed: aliases), 发现时间, 部位, 问题描述, 责任部门, 整改要求, 整改时限."""

SPOT = [
    ["SC-01", "市级抽查", "2023-12-18", "图书馆", "二楼灭火器压力不足", "安全保卫处"],
    ["SC-02", "市级抽查", "2023-12-18", "6号学生公寓", "宿舍内违规使用大功率电器", "学生工作处"],
    ["SC-03", "市级抽查", "2023-12-18", "实训楼配电室", "配电室内堆放杂物", "总务基建处"],
    ["SC-04", "市级抽查", "2023-12-18", "2号学生公寓", "楼道消防栓箱内水带缺失", "学生工作处"],
    ["SC-05", "市级抽查", "2023-12-18", "东门", "防冲撞设施不全", "安全保卫处"],
]  # fmt: skip
"""What the city's spot check found (问题编号, 来源, 发现时间, 部位, 问题描述, 责任部门)."""


def write_list(path: Path, campaign: Campaign, rows: list[list[str]], title: str) -> None:
    """The blank list `init --findings` writes, filled in as the security office types."""
    workbook = blank_list(campaign)
    ws = workbook.active
    header_row = next(r for r in range(1, 6) if ws.cell(r, 1).value == LIST_COLUMNS[0].header)
    ws.cell(1, 1).value = title
    for r, values in enumerate(rows, start=header_row + 1):  # the example row typed over
        for c in range(1, len(LIST_COLUMNS) + 1):
            ws.cell(r, c).value = (values[c - 1] if c <= len(values) else None) or None
    workbook.save(path)


def photo(text: str, colour: tuple[int, int, int], seed: int) -> bytes:
    """A small JPEG standing in for a phone photo: a scene of blocks with a caption."""
    import io
    import random

    from PIL import Image, ImageDraw, ImageFont

    rng = random.Random(seed)
    image = Image.new("RGB", (480, 360), colour)
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randrange(0, 440), rng.randrange(0, 300)
        shade = tuple(max(0, min(255, c + rng.randrange(-60, 60))) for c in colour)
        draw.rectangle((x, y, x + rng.randrange(30, 160), y + rng.randrange(20, 90)), fill=shade)
    try:
        font = ImageFont.truetype("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 36)
    except OSError:
        font = ImageFont.load_default()
    draw.rectangle((0, 300, 480, 360), fill=(255, 255, 255))
    draw.text((16, 310), text, fill=(0, 0, 0), font=font)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def cell_of(path: Path, number: str | None, header: str, row: int | None = None) -> str:
    """The A1 name of `header`'s cell on the row answering `number` (or data row `row`)."""
    ws = load_workbook(path)[FORM_SHEET]
    header_row, columns = header_position(ws)
    if number is not None:
        row = next(
            r
            for r in range(header_row + 1, ws.max_row + 1)
            if ws.cell(r, columns["问题编号"]).value == number
        )
    else:
        assert row is not None
        row = header_row + row
    letter = ws.cell(row, columns[header]).column_letter
    return f"{letter}{row}"


def campaign_text() -> str:
    """The default campaign, with 复查验收 and photos required and the list named."""
    text = default_campaign_text()
    for old, new in (
        ("review_required = false", "review_required = true "),
        ("require_photo = false", "require_photo = true "),
        ('# [findings]\n# file = "交办问题清单.xlsx"', '[findings]\nfile = "交办问题清单.xlsx"'),
    ):
        assert old in text, old
        text = text.replace(old, new)
    return text


def fill_review(campaign: Campaign) -> None:
    """The 复查验收表 as `huitoukan review` writes it on 12月19日, filled in by the office:
    every rectification passed but one."""
    from huitoukan.actions.review import review

    REVIEWED.parent.mkdir(parents=True, exist_ok=True)
    REVIEWED.unlink(missing_ok=True)  # made again, not kept as a person's backup
    hazards, written, _ = review(campaign, [OUT], REVIEWED, date(2023, 12, 19))
    path = written.path
    path.with_name(f".{path.name}.huitoukan").unlink()  # the record of what review wrote
    wb = load_workbook(path)
    ws = wb.active
    header_row = next(r for r in range(1, 6) if ws.cell(r, 1).value == "序号")
    columns = {ws.cell(header_row, c).value: c for c in range(1, ws.max_column + 1)}
    for offset, hazard in enumerate(hazards, start=1):
        row = header_row + offset
        failed = "交通安全" in hazard.item or "交通安全" in hazard.hazard
        ws.cell(row, columns["复查人"]).value = "刘建国"
        ws.cell(row, columns["复查时间"]).value = "2023-12-19"
        ws.cell(row, columns["复查结论"]).value = "不合格" if failed else "合格"
        if failed:
            ws.cell(row, columns["复查意见"]).value = "新生班级签到表不全，补课后再报"
    wb.save(path)


def main() -> None:
    campaign = default_campaign()
    text = campaign_text()  # before anything is taken away
    if OUT.exists():
        shutil.rmtree(OUT)
    EXAMPLES.mkdir(exist_ok=True)
    CAMPAIGN.write_text(text, encoding="utf-8")
    write_list(FINDINGS, campaign, ASSIGNED, f"{campaign.info.school}交办问题清单")
    write_list(SPOT_CHECK, campaign, SPOT, "市级安全检查抽查发现问题清单（2023年12月18日）")
    findings: list[Finding] = read_findings(FINDINGS, campaign).findings
    by_number = {f.number: f for f in findings}
    medical = next(f.number for f in findings if not f.number_given)
    files: list[tuple[Path, date]] = []

    def form(
        department: str, name: str, rows: list[dict[str, object]], day: date, **kw: object
    ) -> Path:
        path = filled_form(
            campaign,
            department,
            OUT / name,
            rows,
            form_date=day,
            assigned=findings,
            **kw,  # type: ignore[arg-type]
        )
        files.append((path, day))
        return path

    security = form(
        "安全保卫处",
        "安全保卫处-安全隐患自查整改清单.xlsx",
        [
            {
                "部位": "东校门",
                "检查内容": "校园封闭化管理情况。包括校园出入管理、围墙建设、校门口防冲撞设施配备等方面情况。",
                "存在隐患问题": "校门口防冲撞隔离桩缺失2处",
                "整改措施": "采购安装防冲撞隔离桩",
                "整改时限": "2023-12-20",
                "整改完成情况": "整改中",
                "责任人": "刘建国",
                "检查时间": "2023-12-08",
            },
            {
                "部位": "监控中心",
                "检查内容": "学校一键式报警装置、视频监控系统配置情况。具体包括一键式报警装置与视频监控系统运转和维护、信号传输、与公安系统联网等方面情况。",
                "存在隐患问题": "3号教学楼西侧摄像头画面中断",
                "整改措施": "更换摄像头及线路",
                "整改时限": date(2023, 12, 12),
                "整改完成情况": "已完成",
                "责任人": "陈明",
                "检查时间": date(2023, 12, 7),
                "销号时间": date(2023, 12, 11),
            },
            {
                "部位": "图书馆",
                "检查内容": "“消防安全检查日”制度落实情况。",
                "存在隐患问题": "二楼2具灭火器压力不足",
                "整改措施": "更换灭火器",
                "整改时限": "12月15日",
                "整改完成情况": "整改中",
                "责任人": "陈明",
                "检查时间": "12月8日",
            },
            {
                "检查内容": "专职保安员配备情况。包括专职保安员配备数量、年龄结构、上岗资格证配备、日常培训及安保器械配备等方面。",
                "存在隐患问题": "未发现问题",
            },
        ],
        date(2023, 12, 14),
        head="王志强",
        reporter="陈明",
        phone="0632-3456789",
        answers={
            "XJ-2023-07": {
                "整改措施": "已设置临时围挡和警示标志，维修列入明年计划",
                "整改时限": "2024年6月30日",
                "整改完成情况": "整改中",
                "责任人": "刘建国",
                "检查时间": "2023.12.08",
                "备注": "历史遗留问题，短期内难以整改到位，已落实替代措施",
            },
            "SJ-2023-09": {
                "整改措施": "与属地派出所完成联网并测试",
                "整改时限": date(2023, 12, 15),
                "整改完成情况": "已完成",
                "责任人": "陈明",
                "检查时间": date(2023, 12, 7),
                "销号时间": date(2023, 12, 13),
            },
        },
    )
    # WPS: the photo placed in the cell (嵌入单元格图片); any suite: one floating over a row
    paste_photos(
        security,
        wps={
            cell_of(security, "SJ-2023-09", "备注"): photo(
                "整改后：报警装置已联网", (90, 120, 160), 1
            )
        },
        floating=[
            (
                cell_of(security, None, "备注", row=4),
                photo("整改后：已更换摄像头", (120, 120, 110), 2),
            )
        ],
    )

    rows_v1: list[dict[str, object]] = [
        {
            "部位": "实训楼配电室",
            "检查内容": "宿舍楼、教学楼、实验室、食堂、体育馆、图书馆、礼堂等人员密集场所消防安全责任制、消防设施设备、消防应急演练等工作落实情况。",
            "存在隐患问题": "配电室堆放杂物",
            "整改措施": "清理杂物",
            "整改时限": date(2023, 12, 14),
            "整改完成情况": "整改中",
            "责任人": "孙立",
            "检查时间": date(2023, 12, 9),
        },
    ]
    answers_v1: dict[str, dict[str, object]] = {
        "XJ-2023-07": {
            "整改措施": "申请维修资金，委托设计单位出具加固方案",
            "整改时限": date(2024, 6, 30),
            "整改完成情况": "整改中",
            "责任人": "周德海",
            "检查时间": date(2023, 12, 9),
        },
        "XJ-2023-11": {
            "整改措施": "更换金属软管",
            "整改时限": date(2023, 12, 13),
            "整改完成情况": "整改中",
            "责任人": "赵红",
            "检查时间": date(2023, 12, 9),
        },
        "SD6-03": {
            "整改措施": "安装一氧化碳报警器，加装排风扇",
            "整改时限": date(2023, 12, 18),
            "整改完成情况": "未整改",
            "责任人": "孙立",
            "检查时间": date(2023, 12, 9),
        },
    }
    general = form(
        "总务基建处",
        "总务基建处-安全隐患自查整改清单.xlsx",
        rows_v1,
        date(2023, 12, 12),
        head="周德海",
        reporter="孙立",
        phone="0632-3456790",
        answers=answers_v1,
    )
    paste_photos(  # 整改前
        general,
        floating=[
            (cell_of(general, "XJ-2023-11", "备注"), photo("整改前：软管老化", (150, 110, 90), 3))
        ],
    )
    answers_v2 = {  # 北围墙 left unanswered, the 配电室 row deleted instead of closed
        "XJ-2023-11": dict(answers_v1["XJ-2023-11"], 整改完成情况="已完成", 销号时间="2023-12-13"),
        "SD6-03": dict(answers_v1["SD6-03"], 整改完成情况="整改中"),
    }
    general_v2 = form(
        "总务基建处",
        "总务基建处-安全隐患自查整改清单（修改后）.xlsx",
        [],
        date(2023, 12, 15),
        head="周德海",
        reporter="孙立",
        phone="0632-3456790",
        answers=answers_v2,
    )
    paste_photos(  # Excel 365: 放置在单元格中
        general_v2,
        excel={
            cell_of(general_v2, "XJ-2023-11", "备注"): photo(
                "整改后：已换金属软管", (110, 150, 110), 4
            )
        },
    )

    form(
        "学生工作处",
        "学工处.xlsx",
        [
            {
                "部位": "6号学生公寓",
                "检查内容": "取暖安全和预防煤气（一氧化碳）中毒安全教育",
                "存在隐患问题": "个别宿舍违规使用大功率电器",
                "整改措施": "开展专项检查并收缴，召开主题班会",
                "整改时限": "2023.12.22",
                "整改完成情况": "正在整改",
                "责任人": "钱芳",
                "检查时间": "2023.12.16",
            },
            {
                "部位": "学生活动中心",
                "检查内容": "校园交通安全教育情况。",
                "存在隐患问题": "冬季交通安全教育未覆盖新生",
                "整改措施": "补开交通安全教育课",
                "整改时限": "2023.12.20",
                "整改完成情况": "已完成",
                "责任人": "钱芳",
                "检查时间": "2023.12.16",
                "销号时间": "2023.12.18",
            },
        ],
        date(2023, 12, 18),
        head="李文",
        reporter="钱芳",
        phone="13906321234",
        department_text="学工处",
    )

    form(
        "各二级学院",
        "二级学院汇总.xlsx",
        [
            {
                "部位": "机电学院实训车间",
                "检查内容": "宿舍楼、教学楼、实验室、食堂、体育馆、图书馆、礼堂等人员密集场所消防安全责任制、消防设施设备、消防应急演练等工作落实情况。",
                "存在隐患问题": "安全出口指示灯损坏",
                "整改措施": "更换指示灯",
                "整改时限": "2023/12/16",
                "整改完成情况": "整改中",
                "检查时间": "2023/12/11",
            },
            {"检查内容": "校园交通安全教育情况。", "存在隐患问题": "无"},
        ],
        date(2023, 12, 13),
        head="郑华",
        reporter="吴磊",
        phone="0632-3456791",
        answers={
            "XN-2023-12": {
                "整改措施": "完善通风消毒台账",
                "整改时限": "2023/12/15",
                "整改完成情况": "已完成",
                "责任人": "吴磊",
                "检查时间": "2023/12/11",
                "销号时间": "2023/12/12",
            },
        },
    )

    form(
        "附属医院",
        "附属医院.xlsx",
        [
            {
                "检查内容": "预防流行病（新冠、流感、诺如病毒感染等）科普防治和防范工作情况",
                "存在隐患问题": "未发现隐患",
                "检查时间": date(2023, 12, 10),
            },
        ],
        date(2023, 12, 11),
        head="冯医生",
        reporter="何静",
        phone="0632-3456792",
        answers={
            medical: {
                "整改措施": "已加装门锁，指定专人管理钥匙",
                "整改时限": date(2023, 12, 15),
                "整改完成情况": "整改中",
                "责任人": "何静",
                "检查时间": date(2023, 12, 10),
            },
        },
    )

    # 高级技工学校 filled the seed's own ten-column form, without the assigned rows: it
    # wrote the 四进 problem in as a row of its own (recognised by its content)
    welding = by_number["SJ4-02"]
    path = filled_form(
        campaign,
        "高级技工学校",
        OUT / "高级技工学校.xlsx",
        [
            {
                "部位": welding.location,
                "检查内容": "宿舍楼、教学楼、实验室、食堂、体育馆、图书馆、礼堂等人员密集场所消防安全责任制、消防设施设备、消防应急演练等工作落实情况。",
                "存在隐患问题": welding.description,
                "整改措施": "加装气瓶固定架",
                "整改完成情况": "整改中",
                "责任人": "韩勇",
                "检查时间": "2023年12月12日",
            },
        ],
        form_date=date(2023, 12, 15),
        head="邓校长",
        reporter="韩勇",
        phone="0632-3456793",
    )
    files.append((path, date(2023, 12, 15)))
    _seed_ten_columns(
        path,
        {
            "主要负责人": "邓校长",
            "日期": date(2023, 12, 15),
            "上报人": "韩勇",
            "联系方式": "0632-3456793",
        },
    )

    for index, (path, day) in enumerate(files):
        stamp = datetime(day.year, day.month, day.day, 9, 0, index).timestamp()
        os.utime(path, (stamp, stamp))
    fill_review(load_campaign(CAMPAIGN))
    print(f"written {FINDINGS.name}, {SPOT_CHECK.name} and {len(files)} returns to {OUT}")


def _seed_ten_columns(path: Path, values: dict[str, object]) -> None:
    """A department that used the seed's own ten-column form (no 问题编号, 问题来源,
    整改时限), its header and footer `values` typed in again: laid out as such a form is
    (the title and notes across its ten columns, each column as wide as before, none of
    the issued form's drop-downs — left on the wrong columns, they refused a date typed
    into 销号时间 and the title printed cut off: clerk trial 67)."""
    wb = load_workbook(path)
    ws = wb[FORM_SHEET]
    last = ws.max_column
    merges = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges]
    for merged in list(ws.merged_cells.ranges):
        ws.unmerge_cells(str(merged))
    _, columns = header_position(ws)
    gone = {columns[h] for h in ("整改时限", "问题来源", "问题编号")}
    kept = [c for c in range(1, last + 1) if c not in gone]
    widths = [ws.column_dimensions[get_column_letter(c)].width for c in kept]
    for index in sorted(gone, reverse=True):  # right to left
        ws.delete_cols(index)
    for c in range(1, last + 1):
        letter = get_column_letter(c)
        if c <= len(widths):
            ws.column_dimensions[letter].width = widths[c - 1]
        else:
            del ws.column_dimensions[letter]
    for top, left, bottom, right in merges:  # each over the columns it kept
        inside = [n for n, c in enumerate(kept, start=1) if left <= c <= right]
        if inside and (len(inside) > 1 or bottom > top):
            ws.merge_cells(
                start_row=top, start_column=inside[0], end_row=bottom, end_column=inside[-1]
            )
    ws.data_validations.dataValidation = []
    ws.print_area = f"A1:{get_column_letter(len(widths))}{ws.max_row}"
    for label, value in values.items():
        set_label(ws, label, value)
    wb.save(path)


if __name__ == "__main__":
    main()
