"""Write examples/回收/: realistic returns of the default campaign, as departments fill them.

    python scripts/make_examples.py

Eight departments were sent forms; five answered, one of them twice, one late, one
on the seed's original ten columns, and a few made the mistakes real people make
(a missing 责任人, a row deleted instead of closed, dates typed as text).
"""

from __future__ import annotations

import os
import shutil
import sys
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from huitoukan.campaign import default_campaign  # noqa: E402
from huitoukan.forms.layout import FORM_SHEET  # noqa: E402
from tests.helpers import filled_form, header_position, set_label  # noqa: E402

OUT = ROOT / "examples" / "回收"


def main() -> None:
    campaign = default_campaign()
    if OUT.exists():
        shutil.rmtree(OUT)
    files: list[tuple[Path, date]] = []

    def form(
        department: str, name: str, rows: list[dict[str, object]], day: date, **kw: object
    ) -> Path:
        path = filled_form(campaign, department, OUT / name, rows, form_date=day, **kw)  # type: ignore[arg-type]
        files.append((path, day))
        return path

    form(
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
                "部位": "北围墙",
                "检查内容": "校园封闭化管理情况。包括校园出入管理、围墙建设、校门口防冲撞设施配备等方面情况。",
                "存在隐患问题": "北围墙约15米段墙体开裂倾斜",
                "整改措施": "已设置临时围挡和警示标志，列入明年维修计划",
                "整改时限": "2024年6月30日",
                "整改完成情况": "整改中",
                "责任人": "刘建国",
                "检查时间": "2023.12.08",
                "备注": "历史遗留问题，短期内难以整改到位，已落实替代措施",
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
    )

    rows_v1: list[dict[str, object]] = [
        {
            "部位": "锅炉房",
            "检查内容": "取暖安全",
            "存在隐患问题": "锅炉房通风不良，一氧化碳报警器未安装",
            "整改措施": "安装一氧化碳报警器，加装排风扇",
            "整改时限": date(2023, 12, 18),
            "整改完成情况": "未整改",
            "责任人": "孙立",
            "检查时间": date(2023, 12, 9),
        },
        {
            "部位": "第一食堂",
            "检查内容": "食品安全工作情况",
            "存在隐患问题": "后厨燃气管道软管老化",
            "整改措施": "更换金属软管",
            "整改时限": date(2023, 12, 13),
            "整改完成情况": "整改中",
            "责任人": "赵红",
            "检查时间": date(2023, 12, 9),
        },
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
    form(
        "总务基建处",
        "总务基建处-安全隐患自查整改清单.xlsx",
        rows_v1,
        date(2023, 12, 12),
        head="周德海",
        reporter="孙立",
        phone="0632-3456790",
    )
    rows_v2 = [
        dict(rows_v1[0], 整改完成情况="整改中"),
        dict(rows_v1[1], 整改完成情况="已完成", 销号时间="2023-12-13"),
    ]
    form(
        "总务基建处",
        "总务基建处-安全隐患自查整改清单（修改后）.xlsx",
        rows_v2,
        date(2023, 12, 15),
        head="周德海",
        reporter="孙立",
        phone="0632-3456790",
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
            {
                "部位": "信息学院机房",
                "检查内容": "预防流行病（新冠、流感、诺如病毒感染等）科普防治和防范工作情况",
                "存在隐患问题": "机房通风消毒记录不全",
                "整改措施": "完善通风消毒台账",
                "整改时限": "2023/12/15",
                "整改完成情况": "已完成",
                "责任人": "吴磊",
                "检查时间": "2023/12/11",
                "销号时间": "2023/12/12",
            },
            {"检查内容": "校园交通安全教育情况。", "存在隐患问题": "无"},
        ],
        date(2023, 12, 13),
        head="郑华",
        reporter="吴磊",
        phone="0632-3456791",
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
    )

    path = form(
        "高级技工学校",
        "高级技工学校.xlsx",
        [
            {
                "部位": "焊接实训室",
                "检查内容": "宿舍楼、教学楼、实验室、食堂、体育馆、图书馆、礼堂等人员密集场所消防安全责任制、消防设施设备、消防应急演练等工作落实情况。",
                "存在隐患问题": "气瓶未固定存放",
                "整改措施": "加装气瓶固定架",
                "整改完成情况": "整改中",
                "责任人": "韩勇",
                "检查时间": "2023年12月12日",
            },
        ],
        date(2023, 12, 15),
        head="邓校长",
        reporter="韩勇",
        phone="0632-3456793",
    )
    _seed_ten_columns(path)

    for index, (path, day) in enumerate(files):
        stamp = datetime(day.year, day.month, day.day, 9, 0, index).timestamp()
        os.utime(path, (stamp, stamp))
    print(f"written {len(files)} returns to {OUT}")


def _seed_ten_columns(path: Path) -> None:
    """A department that used the seed's own ten-column form (no 整改时限)."""
    wb = load_workbook(path)
    ws = wb[FORM_SHEET]
    values: dict[str, object] = dict.fromkeys(("主要负责人", "日期", "上报人", "联系方式"))
    for merged in list(ws.merged_cells.ranges):
        ws.unmerge_cells(str(merged))
    for label in values:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(label):
                    values[label] = ws.cell(cell.row, cell.column + 1).value
    _, columns = header_position(ws)
    ws.delete_cols(columns["整改时限"])
    for label, value in values.items():
        set_label(ws, label, value)
    wb.save(path)


if __name__ == "__main__":
    main()
