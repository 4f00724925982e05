"""What a reviewer writes on a returned 复查验收表, read: the verdict (复查结论), whether the
复查人 names anyone, and whether the 复查意见 beside a 合格 doubts it.

The form's drop-down offers 合格 and 不合格; reviewers paste and type over it (整改到位,
合格，同意销号, √), write in 复查人 who did not review (部门自查, 略), and say in 复查意见 what a
合格 does not (灭火器仍未更换, 据部门反映已整改). A verdict is read from a fixed list only: a
word not on it is asked about, never guessed (the progress reader as a fallback closed
hazards on 待验收 and 照片显示已整改: trial 217's blind list).
"""

from __future__ import annotations

import re

from huitoukan.forms.nothing_found import says_nothing_found
from huitoukan.forms.progress import normalize_progress, simplified
from huitoukan.model.returns import DONE, FAILED, IN_PROGRESS, NOT_STARTED, PASSED
from huitoukan.text import normalize_key

_CLOSING = ("同意销号", "予以销号", "准予销号", "可以销号")
_VERDICTS = {
    **dict.fromkeys(
        ("合格", "验收合格", "复查合格", "通过", "验收通过", "复查通过", "同意", "同意验收")
        + ("整改到位", "已整改到位", "整改合格", "已整改", "已完成整改", "整改完成", "已整改完成")
        + ("整改已完成", "整改完毕", "已整改完毕", "已完成", "完成", "符合要求", "符合安全要求")
        + (
            "隐患已消除",
            "√",
            "✓",
            "✔",
            "☑",
            "ok",
            "pass",
            "好",
            "很好",
            "可以",
            "行",
            "y",
            "fine",
            "改了",
            "换了",
            "换好了",
            "修好了",
            "没毛病",
        )
        + _CLOSING,
        PASSED,
    ),
    **dict.fromkeys(
        ("不合格", "验收不合格", "复查不合格", "不通过", "未通过", "复查未通过", "验收未通过")
        + ("未整改", "未整改到位", "整改不到位", "整改不彻底", "未完成", "未完成整改", "尚未整改")
        + ("没有整改", "正在整改", "整改中", "不同意", "不同意销号", "不予销号", "仍存在隐患")
        + ("隐患仍存在", "不符合要求", "未落实", "重新整改", "需重新整改", "继续整改", "限期整改")
        + ("退回整改", "×", "✗", "✘"),
        FAILED,
    ),
}
"""复查结论 as offices write it (the form's drop-down offers 合格 and 不合格; pasted or typed
over it, 整改到位, 合格，同意销号, √ and × were asked about: trial 217 BQ4)."""
_VERDICT_MARKS = re.compile("[，,、；;。.！!“”\"'（）()【】\\[\\]]")


def review_verdict(typed: str) -> str:
    """The verdict a 复查结论 gives (PASSED, FAILED, '' when not understood): one of
    `_VERDICTS`, in traditional characters too, its punctuation and brackets aside, or a pass
    followed by its closing (合格，同意销号)."""
    key = _VERDICT_MARKS.sub("", _mended(typed))
    verdict = _VERDICTS.get(key, "")
    if not verdict:
        closing = next((c for c in _CLOSING if key.endswith(c)), "")
        if closing and _VERDICTS.get(key.removesuffix(closing)) == PASSED:
            verdict = PASSED
    return verdict


_NOT_A_NAME = re.compile(r"[\d\s.:/\-年月日时分]+")
"""A 复查人 that is a day or a number: typed into the wrong column."""
_NOBODY = re.compile(
    "[无空?？略]|无人|暂无|没有|不详|未知|未填|待定|.*(?:未|没|没有)(?:复查|签字|检查).*"
    "|无人复查|.*自查.*|.*自报.*|.*自检.*|已?完成|整改中|未整改|已整改|已销号|已处理|已?复查"
    "|签字|见上|[xX×*＊]+|.[xX×*＊]+|某某|.某|本部门|部门|本人|(?:部门|校)?(?:负责人|领导)"
    "|.{0,8}(?:处|科|室|部|中心|办|组|学院|学校)"
)
"""A 复查人 that names no one who reviewed: 部门自查, 没复查, 略, 王某, an office (保卫处:
the department's own review, or no one's); a verdict or a state typed one column off
(trials 217 BQ2, 219 BS3). Not the words the progress reader knows: 陈完成 is a name."""


def names_no_reviewer(typed: str) -> str:
    """Why a 复查人 as typed names no reviewer: "not-a-name" (a day or a number, typed one
    column off), "nobody" (无, 未复查, 部门自查, a verdict), '' (a name)."""
    if _NOT_A_NAME.fullmatch(typed):
        return "not-a-name"
    key = _mended(typed)
    if _NOBODY.fullmatch(key) or review_verdict(key):
        return "nobody"
    return ""


_REVIEW_DOUBTS = re.compile(
    "(?:不同意|不予|暂不|暂缓|不能|不宜|不可)(?:销号|通过|验收)|^(?:不同意|驳回|不予认可|不认可)"
    "|退回(?!的)"
    "|予以退回|(?:未|没|没有|未能)(?:到|去|进入|进|赴)?现场|未(?:实地|现场)(?:查看|核实|核查|复查)"
    "|(?:下[周月次]|明[天日]|后天|过几天|月底|年底|择日|改日|改天|另行|延期|以后|之后|后再|(?<!无需)(?<!不需)(?<!不用)(?<!经)(?<!经过)(?<!今日)(?<!今天)(?<!现场)再"
    "|(?<![无不])需|待|未|没|没有|还未|尚未)"
    "(?:次)?(?:复查|复核|验收|查看|核查)|(?:下[次周月]|改天|以后|之后|后)再(?:看|查|定)|再定|观察一段"
    "|待.{0,12}(?:后|再|确认|复查|复核|审核|审批|验收|检测|观察)|等待(?!的)|后可销号"
    "|据.{0,10}(?:反映|反馈|说|称|介绍|自述|报告|了解|讲|回复|表示)"
    "|(?:说|称|讲|反映|反馈|回复|表示|来电|告知|(?<![测改修验])报告|答复)[“\"'「]?(?:已|已经)(?!存档|归档|附|上传|出具|留存|收到)"
    "|函告|发函|听说|自报|自称|自述|电话(?:询问|确|核实|说|了解|沟通|联系)(?![^,]{0,4}现场)|微信(?:确认|核实|照片|告知已)"
    "|微信(?:发|传)?(?:来的?)?照片|照片看|(?:看|查看)了?监控(?:回放|录像)?|监控回放|口头|远程"
    "|视频(?:查看|核实|确认|连线|通话|检查|复查)|通过视频"
    "|(?<!电)线上(?:复查|查看|核查|验收|确认)|网上(?:复查|查看|核查|验收)|在线(?:复查|查看|验收)"
    "|(?<!加强)(?<!定期)(?<!做好)(?<!开展)自查(?:合格|已?整改|已?完成|通过|到位|无问题|无误)"
    "|(?:画面|监控)显示|委托|代签|代为|代替|他人"
    "|照片(?:显示|核实|确认|复查|看出|来看|判断)|(?:看|根据|凭|通过|依据)(?:了)?(?:上报的?|提供的?)?照片"
    "|暂定|^拟(?:同意|予以|准予)?销号|拟同意|报[^,]{0,8}(?:审批|审核|批准|签字)|(?<!原)暂时|暂按|有条件|附条件|先行(?:销号|通过|验收)|勉强|基本(?:合格|整改|到位|完成|符合|达到|满足|达标|正常|可以|没问题|解决|消除)"
    "|已(?:做|作|进行|采取)?临时|(?<![不无])(?:需|待|有待|仍需|还需|需要)(?:持续|继续|进一步|长期|跟踪|再)?(?:观察|跟踪|核实|确认)"
    "|(?:如|若|如果|假如).{0,12}(?:可予?|再|方可|才)(?:销号|通过|验收)|(?:再|方可|才能?)销号"
    "|(?<!原)(?:需|待|等)(?:学校)?(?:统一)?(?:安排|申请|落实|筹措)?(?:资金|经费|采购|招标|立项|审批|预算)"
    "|(?:应该|好像|估计|可能|似乎|大概|也许)(?:已|改|修|整改|好|完成|没问题|合格)|[似应]已|快[^,]{0,3}好了"
    "|快完成|马上就好|差不多|(?:继续|持续|跟踪)(?:观察|复查|监测)"
    "|[?？]|(?<!同意)后再?(?:销号|验收)"
    "|建议(?:尽快|尽早|立即|马上)|(?<![测改修])报告了?给?[^,]{0,4}(?:处|科|室|学校|领导|校长|物业|后勤|总务)"
    "|已?(?:通知|联系|告知)了?(?:物业|电工|维修|厂家|施工|后勤|总务|供电|燃气|消防|水电)"
    "(?![^。]*(?:已于|已修复|已修好|已完成|已更换))|打报告"
    "|(?:维修|报修|申请)单?已?(?:提交|签字)|^已?(?:部署|布置)(?:整改)?$|下发了?(?:整改)?通知"
    "|(?:监控|视频)(?:画面|录像)?(?:查看|核实|确认|显示)|通过监控|以.{0,8}为准|需(?:提供|补交|补充|补齐)"
    "|条件是|前补齐|时再?确认$|(?:需|要|待)再(?:看|查)|(?:如|若|如果|假如).{0,14}则|凑合"
    "|后(?:方|即|才)?可(?:恢复)?(?:销号|使用|通过|验收)|是否|(?:需|需要|待|要等|还要|等)[^,]{0,8}(?:鉴定|检测|审批|审核|验收)|(?:看|根据|凭)了?[^,]{0,6}(?:发的?|提供的?)照片|^落实整改|加快(?:整改)?进度"
    "|(?:需|待)[^,]{0,6}签字|一并(?:解决|处理|整改)|结合[^,]{0,10}(?:改造|维修|施工)"
    "|(?:近日|近期|本周|下周|月底前?)内?(?:安排|组织)?(?:维修|更换|整改|施工|处理)|正在|推进中|进行中|协调中"
    "|(?:\\d+|[一二三四五六七八九十两几])(?:天|日|周|个月)(?:后|内)再?(?:复查|验收|查看|整改|更换|维修)|(?<![未不没])(?<!无需)(?<!不需)延期(?!.{0,6}(?:已|按期))"
    "|(?<!原计划)(?<!原定)(?:下个?月|明年|下学期|寒假|暑假|下半年|年后|节后|明天|后天|过几天|下周|近期|近日|(?:放假|开学|假期|工程|验收|天气[^,]{0,4})后)"
    "(?:统一|再|前|进行|彻底|全面|集中|一并){0,3}(?:更换|改造|维修|整改|处理|施工|安装|解决|修|换)"
    "|(?:以后|之后|回头|过后|有空)再说|^后续(?:再|将|会)?(?:整改|处理|维修|更换|解决|跟进)|(?:继续|持续)(?:跟踪|跟进)(?!到位|落实到位)"
    "|下[次周月][^,]{0,3}(?:需|要|应)?再(?:检查|复查|查看|核查|看)"
    "|需要?(?:一段)?时间(?:验证|检验|观察|考验)|(?:需|要|待|由)(?:报)?[^,]{0,4}(?:上级|教育局|政府|街道|社区|主管部门|住建|供电局|物业公司)[^,]{0,4}(?:解决|处理|协调|批准|审批)"
    "|前提是|只要[^,]{0,12}(?:即可|就行|就可以|就好)|^(?:如|若|如果|假如)(?:能|可以?|按时|按期|确保)"
    "|(?:同意|予以|准予|可以?|方可)?后(?:同意|予以|准予|可以?)销号|等[^,]{0,12}(?:后|再)"
    "|已?启动(?:整改|维修|施工|流程|程序|采购|招标)|工作已启动|已启动$|已进场|进入[^,]{0,6}(?:流程|程序)|已立项"
    "|(?<!无)(?<!没有)(?<!不存在)遗留(?:问题|部分|事项)(?![^,]{0,4}(?:已|均已|全部))"
    "|其余(?:问题|隐患|部分|项目?)(?![^,]{0,4}(?:均|都|也|全部)?(?:已(?:整改|完成|修|解决|消除|更换|处理|落实|到位)|正常|良好|完好|合格|无))"
    "|简易|简单(?:处理|修|弄|补)|草草|应付|尚(?:能|可)(?:使用|用)|只能(?:这样|如此|先这样)|暂且|看(?:起来|上去|着)(?:已|像|好像|还行|可以|没问题)"
    "|(?:应该|估计|大概)(?:可以|行|能|没问题|没事)|[了的]吧$|估计"
    "|又(?:有|出现|发现|发生|被|坏)|再次(?:出现|发现|发生)|暂且?(?:同意|予|准)|初步|大致|原则上?同意"
    "|(?:须|需|请|应)(?:于|在).{0,10}前|一部分|小部分"
    "|(?<!原)(?<!不是)(?<!非)(?<!不存在)(?<!无需)(?<!无)(?<!没有)(?<!不用)临时(?:绑扎|覆盖|固定|封堵|处理|加固|封闭|措施|围挡|遮挡|支撑)(?!已?改为|已拆除|[^,]{0,10}已(?:用|改|换|拆|更换|永久))|(?:需|待|要|安排)二次(?:复查|验收)"
    "|(?<![无不未没])缺\\d|(?<!按)限期"
    "|(?<![已在上于])(?<!计划)(?:本周[一二三四五六日末]?|周[一二三四五六日末]|下周[一二三四五六日]?|月底|年底|年前|开学|放假|元旦|春节|国庆|节后"
    "|寒假|暑假|\\d+天|很快|近期|近日|择日|改日|改天)(?:假期)?(?:前|后|内|期间|以前|之前)?(?:完成|进行|再|统一|将|到货后)?"
    "(?:二次)?(?:安装|加装|张贴|更换|改造|维修|修复|整改|复查|抽查|验收|年检|检测|送修|换|开始|进行|出结果)"
    "|(?<![已于])\\d{1,2}月(?:\\d{1,2}[日号])?(?:前|之前|以前)|(?<![已于])\\d{4}年\\d{1,2}月(?:\\d{1,2}[日号])?(?:前|之前|以前|再)"
    "|进行二次(?:复查|验收)$|拟于|拟定于|(?<!按)计划于|预计于?|(?:剩下|余下)(?![^,]{0,6}(?:均|都|也)已)|另有\\d"
    "|(?<![未没无])(?<!上次)(?<!首次)(?<!前次)(?<!第一次)(?:复查|检查|现场|查看)时?发现(?![^,]*(?:已|无|没有|未))"
    "|照片上看|从照片|(?:查看|根据|凭|依据|审核)了?(?:佐证|整改)?(?:材料|资料)|基本上|主要(?:问题|部分)已?"
    "|[^,]{1,8}(?:以外|之外)|看样子|看来|预验收|初验|初查|姑且|将就|大体|胶带"
    "|^已?(?:明确|落实)了?[^,]{0,8}(?:责任人|时限|资金|经费)$|沟通[^,]{0,6}事宜|纳入[^,]{0,6}(?:观察|计划)"
    "|安排[^,]{0,6}(?:整改|维修|处理)$|组织(?:人员)?(?:维修|整改|施工)$|建立整改台账|暂缓|待补"
    "|(?:交|转交|移交|报|反馈给?|转给)[^,]{0,8}(?:处|科|室|中心|公司|部门|物业|后勤|总务)(?:进行)?(?:维修|处理|整改|更换)"
    "(?![^。]*(?:已修好|已修复|已完成|已更换|已整改|整改到位|修好了))"
    "|(?:须|需|请|应|要)[^,]{0,6}前(?:上交|提交|完成|补交|报送)"
    # (trial 233: stopgaps' materials, things booked or bought, hedges, hearsay, relapses)
    "|胶布|胶带|包扎|绳子?(?:绑|捆|系|拴)|绑住|铁丝|贴膜|接水盘|接水桶|备胎|叠放|普通玻璃|橡胶垫|可拆卸"
    "|预约|订做|订购|下单|网购|已购买|列入[^,]{0,8}(?:项目库|计划|预算)|致函"
    "|(?:转交|移交)(?:给)?[^,]{0,8}(?:街道|社区|属地|公司|局|部门)"
    "|基本(?!功|建设|信息|情况)|原则上|暂不影响|约?半数|待(?:出|检|测|验|指定|安排|落实|确定)"
    # (trial 236: another look to come, results awaited, stopgaps, a verdict heard)
    "|还得|下次还|送检(?![^。]*(?:有效|合格|通过|正常))|报名|木桩|顶撑|沙袋|抽水泵|抽排|粘鼠板|每天用肥皂水"
    "|(?:^|[,。；;])(?!原)[^,。；;]{0,8}木板(?:挡|封|盖|遮)"
    "|说(?:还能|能用|没事|没问题|不要紧)"
    "|(?:物业|厂家|部门|维保|施工方|师傅|保安|宿管)[^,]{0,4}说(?:已|修好|好了|没事|是正常|不影响)"
    "|(?:如|若)[^,]{0,12}再(?:更换|维修|处理|整改)|已经是第[^,]{1,3}次"
    "|一半|大部|多数|(?<!\\d)(?!100%)\\d{1,2}(?:\\.\\d+)?%|百分之|^部分(?!.{0,10}已全部)"
    "|剩余(?![^,]{0,6}(?:均|都|也)已)|尚余|其余未|^除|除.{0,8}外|返工|承诺|保证"
    "|(?:设置|设立|采取|落实)了?临时|临时(?:合格|通过)|应为|应该是|实为|请于.{0,12}(?:完成|整改)"
    # (trial 238: a part of the work, a promise, a purchase asked, a hedge on the effect,
    # a substitute, a fault at the test, a say-so, what the work needs still)
    "|(?:加固|更换|修复|维修|清理|安装|补齐|拆除)了?(?:其中)?部分(?![^,]{0,8}(?:均|都|也|全部)已)|[仅只]部分"
    "|以后(?:会|将|要)|申购|有所(?:改善|好转|缓解|减少|降低)"
    "|效果(?:一般|不明显|不好|不佳)|(?:还|仍|另)(?:需|要)(?:增加|加装|更换|配备|安装|购置)|替代"
    "|(?:按|测试)[^,]{0,6}(?:无反应|不响|不亮|不动作)|无反应"
    "|(?:物业|厂家|部门|维保|施工方|师傅|保安|宿管|电工)[^,]{0,4}(?:讲|称)(?:已|修好|好了|没事|不影响)"
    "|说不影响|(?:材料|配件|设备|器材)(?:已|均已)?(?:到位|到货|进场|备齐)$"
)
"""What a 复查意见 says of a review not done on site, or of a closing refused, deferred or
granted on a condition."""
_TYPOS = (
    ("合各", "合格"),
    ("到为", "到位"),
    ("倒位", "到位"),
    ("消号", "销号"),
    ("正改", "整改"),
    ("道位", "到位"),
    ("符和", "符合"),
    ("基夲", "基本"),
    ("已保修", "已报修"),
    ("临是", "临时"),
    ("到未", "到位"),
    ("合哥", "合格"),
    ("同以", "同意"),
    ("巳", "已"),
)
_GAP = re.compile(r"\s*\n\s*|(?<=\S\S)[ \t\u3000]+(?=\S\S)")
"""A line break, or a space between words (not between the characters of 已 整 改 到 位)."""
_SLIPS = re.compile(
    "(^|[，,。；;：:仍还尚])为(整改|完成|到位)|[带代](复查|验收|整改|处理|资金|材料|配件|审批)|(整改)为(到位)"
)
"""为 typed for 未 (wei), 带 for 待 (dai): 为整改到位, 带复查."""
_SLIP_AT_END = re.compile(
    "为(解决|消除|张贴|安装|更换|修复|维修|落实|配备|设置|处理|清理|修|改|到位|完成)(?=$|[,。；;!！])"
)
"""…and 为 before work that ends the clause (问题为解决, 标识为张贴: 为解决隐患 is “to solve”)."""
_SIGNED = re.compile(
    r"(?:(?:复查人|验收人|复核人|检查人|记录人)[：:]?|(?:签字|签名)[：:])[\u4e00-\u9fff]{1,3}(?=$|[,。；;()（）])"
    r"|(?:^|(?<=[,。；;]))[\u4e00-\u9fff]{2,4}[,。]?(?:\d{2,4}[.\-/年])?\d{1,2}[.\-/月]\d{1,2}[日号]?$"
    r"|(?:^|(?<=[,。；;]))(?:\d{2,4}[.\-/年])?\d{1,2}[.\-/月]\d{1,2}[日号]?$"
    r"|[(（][\d一二三四五六七八九十]{1,2}[)）]|(?:^|(?<=[,。；;]))\d{1,2}[)）]"
)
"""A signature, a date, a number in a list (王建国 3月12日, 复查人：李, (1)): no words of the
review (“其中“刘明”不是整改到位的意思”, trial 230 CD51)."""
_WORDS = (
    ("不锈钢", "钢"),
    ("不燃", "阻燃"),
    ("无误", "正确"),
    ("无异议", "同意"),
    ("没意见", "同意"),
    ("无意见", "同意"),
    ("非常", "很"),
    ("没收", "收缴"),
    ("未延期", "按期"),
    ("不是临时", "永久"),
    ("不间断", "持续"),
    ("不留死角", "彻底"),
    ("常抓不懈", "常态化"),
    ("排查类似隐患", "排查"),
    ("排查同类隐患", "排查"),
    ("非临时", "永久"),
    ("不错", "好"),
)
"""Words a negation is part of, and not one (不锈钢支架, 隐患已不复存在)."""
_LIMITS = (
    ("不超过", "≤"),
    ("不大于", "≤"),
    ("不高于", "≤"),
    ("不低于", "≥"),
    ("不小于", "≥"),
    ("不少于", "≥"),
)
"""A limit met (开启宽度不超过10厘米), no negation."""
_BREAKS = r"，,。；;：:\s！!？?（）()"
"""What ends a clause of a 复查意见."""
_CLAUSES = re.compile(f"[{_BREAKS}]+")
_LEAD = re.compile("^(?:但是?|并且?|且|同时|另外?|也|经过?|现|还(?=[加装换增]))")
"""How a clause may begin that says nothing of its own (但需注意防潮, 经现场查看)."""
_ADVICE = re.compile(
    "^(?:[^,]{0,8}?(?:前|后|期间|时|起))?(?:建议|请|注意|望|希望|今后|以后|后续|下次|下一步|要(?!求)|需"
    "|应(?!急)|须|继续|持续|加强|形成|建立|完善|健全|强化|提高|提升|规范|加大|提醒|教育|告知|全面排查"
    "|保持|做好|严格|定期|确保|举一反三|(?:仍|还)(?:需|要|应))"
)
_GUARD = re.compile("防止|避免|杜绝|谨防|以防|不得|严禁|禁止|不要|切勿|勿")
"""Advice against a fault (防止反弹, 不得用物品抵住): none said to be there."""
_SHOULD_IT_RECUR = re.compile("(?:如|若|如果|一旦)(?:今后|以后)?再?次?(?:出现|发现|发生)")
"""If it happens again (如再出现类似问题，请及时上报): advice."""
_LOGGED_APART = re.compile("另行(?:登记|交办|建档|处理|整改|上报)|另案|另列")
_ANOTHER = re.compile("另(?:外|行)?(?:发现|查出|有)")
"""Another hazard found at the review, logged apart: not this one's (另发现二楼一处插座松动，
已另行登记)."""
_NO_MORE_WORK = re.compile("^(?:无需|不需要|不必|不用)")
_UNFINISHED = re.compile(
    "(?<!已)(?:继续|持续|尽快|抓紧|立即|马上|重新)整改|(?<!已)彻底整改(?!到位|完毕|完成)|进一步(?!加强|做好|提高|规范|落实|完善制度)"
    "|(?:需|应|须|请|要)(?:及时|尽快)?重新"
    "|建议(?:及时|尽快|立即|马上)?(?:更换|维修|修复|修理|整改|清理|拆除)"
    "|(?:需|应|须|请)(?:及时|尽快|立即|马上)?(?:更换|维修|修复|增设|修理|整改|清理|拆除|安装|加装|加固|补充|补齐"
    "|补交|补拍|补报|提交|上交|完善|配备|张贴|搬离|移除|处理|补贴|补装|补设|补挂|固定|封堵|落实整改)"
    "|(?:尽快|抓紧|立即|马上)(?:落实|完成|处理|解决|换|更换|修|维修|送修)|督促(?:整改|落实)|送修"
    "|(?:没有?|未能?|无法|不能|难以)(?:彻底)?(?:根治|解决|排除|消除|找到|查明|修好|修复|处理好?)"
)
"""Work still to do (建议继续整改, 需更换灭火器, 但需补交材料): no pass."""
_FAULTS = (
    "问题|隐患|异常|异议|意见|杂物|障碍物|裸露|渗漏|泄漏|漏水|渗水|积水|遗留|反弹|复发|违规|违章"
    "|私拉|乱接|破损|损坏|过期|松动|堵塞|死角|故障|脱落|变形|裂缝|锈蚀|占用|堆放|不合格项?|卡阻|缺失|缺少|丢失"
    "|遗漏|漏项|脱岗|离岗|缺岗|睡岗|失灵|串接|串联|超负荷|私接|闪烁|异响|焦糊|烧焦|开裂|超期|漏电|晃动|异味"
    "|霉变|失效|偏低|偏高|遮挡|阻挡"
)
_NO_FAULT = re.compile(
    f"(?:无|没有|未发现|没有发现|未见|未再发现|未再|不再|未出现|没有出现|未|不(?:复|再)?存在)"
    f"(?:任何|明显)?(?:(?!更换|维修|修复|清理|处理|整改|安装|拆除).){{0,6}}?(?:{_FAULTS})+(?!保护|开关|报警|装置|监测|探测)(?:现象|情况|问题)?|不(?:复|再)?存在|不再.{{1,6}}"
    f"|不影响|不会再(?:出现|发生|有)|(?:摇|晃|推|拉|踩|压|敲)[^,]{{0,3}}不动|纹丝不动|不晃|不松|无需(?:再|进一步)?整改|不需要(?:再|进一步)?整改|^(?:已|已经)?不再?(?:{_FAULTS})了?$"
)
"""A fault said absent (无渗漏, 未见复发, 未发现违规行为, 检测无泄漏), read as fine."""
_NONE_LEFT = re.compile(
    "(?:无|没有|不存在|未发现)(?:未整改到位|未整改|未完成|未落实|不合格|不到位|未到位)(?:项|的|之处|部分|问题|地方)*"
    "|(?:^|复查|检查)(?:未|没有)再(?:发现|出现|发生)[^,]{0,8}$|(?:复查|检查)(?:未|没有)(?:发现|出现)$|(?<!无法)(?<!未能)(?<!不能)(?<!没有)(?<!未)消除[^,]{0,6}(?:隐患|风险)"
    "|^(?:现在|已经?)?不再?(?:漏|漏水|漏电|渗水?|晃|松)了?$|已无(?!法)[^,]{0,10}$|无(?!法)[^,]{0,4}(?:风险|晃动|过热)"
)
"""Nothing left undone (无未整改项), before `_NO_CHANGE` reads 未整改 in it."""
_NO_CHANGE = re.compile(
    "(?:未见|没有|未|无)(?:明显|任何|什么)?(?:整改|变化|改善|改观|效果|成效|落实|处理)|照旧|原样"
    "|无异(?!议)"
)
"""…but not that nothing was done (未见整改, 没有变化, 与整改前无异)."""
_FAULT = re.compile(
    f"[不未没无缺尚又欠]|仍(?![需要应])|还(?:在|是|有|没|未)|依旧|依然|照旧|{_FAULTS}"
)
_GOOD = re.compile(
    "好|彻底|及时|迅速|(?<![动响裂漏])明显|显著|扎实|认真|重视|表扬|点赞|优秀|示范|属实|正确|一致|合格(?!证)|正常|畅通"
    "|整洁|整齐|有序|牢固|平稳|稳固|齐全|完整|到位|规范|清晰|醒目|干净|存档|归档|在场|上锁|完毕"
    "|同意|满足|符合|达到|达标|专人|实行|实施|建立|执行|自动|有效期|见照片|见附件|附照片|照片附后|附图"
    "|消除|排除|解决|杜绝|积极|肯定|值得|快|高效|样板|榜样|质量高|标准高|超出预期|满意|每[日天周月]|日常|定期"
    "|[≤≥]|绿区|已全部|均已|都已|全部已|明确|沟通|闭环|安全(?!隐患|问题|风险)|端正|不留死角|即知即改"
    "|立行立改|边查边改|按期|永久|常态化|紧固|双人双锁|平整|合理|稳|结实|能用|亮了|都亮|严实|焕然一新"
    "|熟练|可靠|灵活|落实|有效(?!期)|得力|干燥|自检通过|附后|证书|感谢|谢谢|辛苦|棒|👍|赞|佐证|照片为证|(?:附|有)[^,]{0,6}(?:照片|图片|附件|报告|材料)|编号|通畅|无法翻越|无法攀爬|同意销号|警钟长鸣|全部完成|^(?:可|能)(?!能)|(?<![不未没])能(?!否|力)|举一反三|长效|保持|持证|离地|记录|台账|清楚|保管|值守|公示|保存"
    "|\\d+(?:小时|天|克|人|米|厘米|分钟|个月|年|ω|欧|ma|s|v|℃|mm|cm|m)"
    "|(?:通知|告知|反馈)[^,]{0,6}?(?:部门|负责人|班主任|责任人|老师|师生|学生|家长)"
    "(?!.{0,8}(?:整改|维修|更换|处理))"
)
_SEEN = re.compile(
    "复查|查看|检查|核查|核实|核对|现场|检测|复核|验收|排查|巡查|^查$|看过|去看|看了|测试|试验"
)
"""A clause telling the review made (复查人员于当日到达现场, 经检测)."""
_COUNT = re.compile(
    r"^(?:共计?|合计|累计)?(?:有|发现)?[^\d不未没无缺仍还需待应须要请]{0,8}?\d+"
    r"(?:处|项|个|具|台|间|扇|盏|米|条|根|块|只|套|把|组)(?:隐患|问题)?$"
)
"""A count (共3处隐患, 线路2处, 共24扇), beside what was done."""
_DENIED = re.compile("[不未没无非欠缺]")
_WORK = (
    "换装|铺贴|划定|出具|清运|修剪|解锁|检修|充装|校验|测温|培训|改为|改成|换成|更换|拆除|清理|清除|清走|修复|维修|移除|搬离|处理|加固|移至|转移|安装|加装|张贴"
    "|设置|配备|收缴|补齐|改造|砌筑|疏通|进行|开展|组织|穿管|固定|改用|分类存放|换了新|换上新|换新|铺设|布线|撤除|搬走|挪开|移开|搬开|挪走|移走"
)
_MENDED = re.compile(
    f"^[^,不未没无]{{0,8}}?已(?:将.*)?(?:彻底|全面|全部)?(?:{_WORK}|消除|排除|解决)"
)
"""A clause saying what was mended, the fault its object (已更换破损插座2个)."""
_DONE_BARE = re.compile(f"^(?:共计|共|累计)?[^,已]{{0,8}}?(?:{_WORK})")
_CHECKING = re.compile("^[^不未没无]*进行了?[^,]{0,6}(?:检查|排查|核查|复查|查看)$")
"""The checking described (对违规电器问题进行了逐间检查)."""
_LABELLED = re.compile(
    "(?:^|(?<=[，,。；;]))[^，,。；;：:]{0,10}(?:复查|验收|意见|情况|结论|提醒|备注|说明)[^，,。；;：:]{0,4}[：:]"
)
"""A heading before what it heads (复查意见：已报修, 保卫处复查：, 结论：): the words after it
read alone."""
_HEARSAY_CHECKED = re.compile(
    "(?:现场|实地)(?:核实|查看|复查|核查)[^,]{0,4}确(?:实)?已|(?:复查|核实|核查|经查)(?:属实|无误)"
)
"""What a department said, checked on site since (此前部门称已整改，今日现场核实确已整改)."""
_HEARSAY = re.compile("[^，,。；;]*(?:(?:称|反映|说|反馈)已|自查)[^，,。；;]*")
_GUARDED = re.compile("(?:防止|避免|杜绝|以防|谨防)[^，,。；;]*")
"""Advice against a fault (防止类似问题再次发生): no relapse said."""
_NOT_YET = re.compile(
    "发现|[不未没无缺仍还需待应须请拟将又再只仅欠偏但]|要(?!求)|正在|计划|准备|建议|临时|部分|下[周月次]|明天|以后|中$"
)
"""…and what was done said with no 已 (更换灭火器5具, 顶部加装防攀爬设施), nothing in it saying
it is not (需更换, 维修中, 正在安装)."""
_BEFORE = re.compile(
    "^(?:原(?!样)|原来|原先|之前|此前|以前|整改前|当初|起初|等了|(?:两|多|几)次整改|上学期|虽然|特此|经研究)"
)
_NAMED = re.compile(
    "^(?:(?:该|此|本)(?:项|处)?(?:隐患|问题)(?:系|是|为)|(?!.*(?:存在|有|发现|出现|仍|还|未|没|不|又|无|已|消除|排除|杜绝|类似|同类))[^,]{2,24}(?:隐患|问题)$)"
)
"""The hazard named before what was done about it (该隐患系地砖破损, 燃气软管老化隐患)."""
_SIGN_OFF = re.compile(
    "^(?:该|本|此)?(?:项|处)?(?:隐患|问题)?(?:可|可以|予以|准予|同意|应予)?销号$"
)
_BUT = re.compile("(?:但是?|可是|不过|然而)([^,]+)")
_OBSERVED = re.compile("^经过?[^,]{0,10}(?:观察|检验|测试)$")
"""A check made over time (经多次雨天观察): not one still to make (雨后再观察)."""
_SPOT_CHECK = re.compile(
    "^(?:经|已)?(?:现场|实地)?(?:抽查|检查|查看|核查)了?(?:\\d+|[一二两三四五六七八九十几]+)[间个处台栋层户]"
    "(?:宿舍|教室|房间|寝室|办公室|实验室|楼|灭火器|插座|配电箱)?$"
)
"""The review's own spot check, which stands beside what it did not find (现场抽查10间宿舍，
未发现违规电器: clerk trial 237 CK5) — not beside 已整改 (a sample of the work done)."""
_FOUND_NONE = re.compile("^(?:均|都)?(?:未(?:发现|见)|没有发现|无)(?!整改|变化|改善)")
_EARLIER_REVIEW = re.compile("^(?:上次|首次|第一次|前次|初次)")
"""How it was at a review before (首次复查时未整改, 上次复查为不合格), not said to be so still."""
_STILL = re.compile("仍|还|依然|依旧|至今|尚|又")
_STILL_NOW = re.compile("仍|依然|依旧|至今|又")
_STILL_THERE = re.compile(
    "(?:仍然?|依然|依旧|还是)(?!需|要|应|须|在有效期|保持|整洁|完好|正常|良好|有序|干净|畅通)"
)
"""Still so (仍然上锁, 依旧漏水): what it says is as it was."""
"""How it was before (原计划暑假整改, 整改前存在隐患), not said to be so still."""
_WHO = re.compile(
    "(?:该|此)?(?:隐患|问题)?由.{1,12}(?:负责|牵头|组织)(?:整改|维修|实施|处理)?"
    "|[^\\d已报交给向请将还仍有未没不无尚]{1,8}(?:处|科|室|中心|办公室|部|组|学院|公司|人员|单位)"
)
"""Who did the work, or a party to the review (经保卫处、总务处联合现场复查)."""


_CONTROLS = {
    "设置警示": "警示|提示|标识|标志|标牌|标语|警戒|告示|禁止(?:攀爬|靠近|进入|入内|通行|使用|翻越|触摸)|危险|当心"
    "|小心|操作规程|指示牌",
    "巡查值守": "巡查|巡逻|巡视|看守|值守|看护|值班|专人|盯守",
    "教育提醒": "教育|提醒|宣传|告知|培训|叮嘱|强调",
    "封存停用": "封存|锁闭|停用|停止使用|禁用|禁止使用|断电|断开[^,]{0,6}电源|加锁|上锁|锁上",
}
"""What keeps people from a hazard without putting it right (管控措施), by kind: signs,
watch, telling people, closing the thing off."""
_CONTROL = re.compile("|".join(_CONTROLS.values()))
_REPAIR = re.compile(
    "更换|换了|换新|修复|修好|维修|修理|加固|拆除|清理|清除|清走|疏通|改造|整改|移除|搬离|搬走|到位|消除|排除|解决"
    "|记录|台账|制度|签到|告知书|持证|补齐|补全|分开"
)
"""…and what puts it right, or is a record kept (值班记录已补齐: the hazard was the record)."""


_JOINED = re.compile(f"[{_BREAKS}]+|和|及|并|与|、")
_FIXING = re.compile("更换|换新|修复|维修|修理|加固|拆除|改造|清理|清除|疏通|移除|搬离|安装|加装")
"""A repair a hazard's 整改措施 may ask beside a control (not a record, nor 分开)."""


def _plans_a_repair(text: str) -> bool:
    """`text` (a clause, or a hazard and its 整改措施) speaks of a repair apart from any
    control beside it (安装护栏和警示牌: a railing, and a sign)."""
    return any(_FIXING.search(p) and not _CONTROL.search(p) for p in _JOINED.split(text))


def _controls_only(clause: str) -> str:
    """The kind of control (`_CONTROLS`) a clause says was put in place, when it says no
    more: 已设置警示标志, 加强巡查, 已对学生进行安全教育 — not 已更换护栏并设置警示标志."""
    clause = _LEAD.sub("", clause, count=1) or clause
    if _CONTROL.search(clause) is None or _REPAIR.search(clause) or _ADVICE.match(clause):
        return ""
    if _plans_a_repair(clause):
        return ""  # (已安装护栏和警示牌: the railing too)
    return next(kind for kind, words in _CONTROLS.items() if re.search(words, clause))


def doubts_the_pass(note: str, hazard: str = "") -> str:
    """How a 复查意见 doubts the 合格 beside it: its reading as the state of the work
    (整改中, 未整改); a review not made on site, or a closing refused, deferred or granted
    on a condition (下周复查, 电话确认, 据部门反映, 暂不销号, 暂定); only a control put in place
    (已设置警示标志, 已加强巡查) when `hazard` (the hazard and its 整改措施, as the form was
    issued) is not about that very control (缺少警示标识; with no hazard given, the remark is
    taken as about its own); or, clause by clause, anything
    but a pass, what was done, what is fine or advice for the future (隐患尚未消除, 整改资料
    未提交, 需更换灭火器, 唯一楼应急灯不亮); '' when it does not. A 合格 with 灭火器仍未更换 in
    its 复查意见 closed the hazard without a word (trials 217 BQ1, 219 BS2, 222: a list of
    doubts alone let a third of the blind list's doubtful remarks close hazards)."""
    if not note:
        return ""
    key = _LABELLED.sub("", _SIGNED.sub("", _mended(note)))
    if (checked := _HEARSAY_CHECKED.search(key)) is not None:  # (what was said before it)
        key = _HEARSAY.sub("", key[: checked.start()]) + key[checked.start() :]
    clauses = list(filter(None, _CLAUSES.split(key)))
    # (the clause that doubts it quoted, when there are more: the reviewer was not told
    # which words to change, trial 223 BW13)
    if (doubt := _REVIEW_DOUBTS.search(_GUARDED.sub("", key))) is not None:
        return f"（{_quoted(key, doubt.start(), clauses, note)}复查或销号尚待落实）"
    if _counted_short(key):
        return "（复查或销号尚待落实）"
    if (short := _fewer_than_found(key, hazard)) is not None:  # (trial 233 CG5)
        done, found = short
        return f"（其中“{done}”少于隐患中写的 {found}）"
    reading = normalize_progress(note)
    told = [c for c in clauses if _TOLD.match(c)]
    if told and not any(_says_done(c) for c in clauses if c not in told):
        return f"（{_quoted(key, key.find(told[0]), clauses, note)}只是交给或告知了别人，没有说整改到位）"
    controls = {c: kind for c in clauses if hazard and (kind := _controls_only(c))}
    # a control is all that is asked unless a repair is asked beside it (已设置警示标志，
    # 联系施工单位加固: the sign alone closed a loose railing, clerk trial 237 CK4)
    asked_for = (
        set()
        if not controls or _plans_a_repair(hazard)
        else {k for k, words in _CONTROLS.items() if re.search(words, hazard)}
    )
    if (
        controls
        and not set(controls.values()) <= asked_for
        and not any(_says_done(c) for c in clauses if c not in controls)
    ):
        kind = next(k for k in controls.values() if k not in asked_for)
        return f"（{_quoted(key, key.find(next(iter(controls))), clauses, note)}只说了{kind}等管控措施，没有说隐患本身已整改，如已修复、已更换）"
    if _LOGGED_APART.search(key):
        clauses = [c for c in clauses if not _ANOTHER.match(c)]
    if any(map(_FOUND_NONE.match, clauses)):
        clauses = [c for c in clauses if not _SPOT_CHECK.match(c)] or clauses
    failing = [
        c
        for i, c in enumerate(clauses)
        if not _beside_a_pass(c, reading == DONE and i < len(clauses) - 1)
    ]
    if not failing:
        return ""
    open_now = reading in (IN_PROGRESS, NOT_STARTED)
    if (
        not open_now
        and len(failing) < len(clauses)
        and any(_says_done(c) for c in clauses if c not in failing)
        and not any(map(_unsure, failing))
    ):
        return ""  # (what was seen on site beside a pass: 地面干燥, 温度显示2℃, trial 233 CG48)
    if len(clauses) > 1:
        # (the one saying what is wrong: not 修了 of 修了，但没修好, trial 230 CD50)
        worst = next((c for c in failing if _FAULT.search(c)), failing[0])
        return f"（其中“{_typed(worst, note)}”不是整改到位的意思）"
    return f"（读作{reading}）" if open_now else "（其中有不是整改到位的内容）"


_CLAUSE = re.compile(f"[^{_BREAKS}]+")
_UNSURE = re.compile(
    f"{_FAULT.pattern}|[待需将拟要再暂先只仅但说称讲听据借换替代备临绳胶膜铁丝塑料纸布木板接盆桶绑缠挡盖]"
    "|预约|订|下[周月次]|明[天年]|以后|之后|后续|计划|准备|凑合|将就|勉强|估计|应该|好像|可能|大概|似乎|吧|[?？]"
    "|报|交|通知|告知|联系|反映|安排|申请|采购|购买|买|到货|厂家|维修单|记录|台账|照片|资料|材料"
    "|审|书面|电话|回访|微信|问|偏|还|漏|偶|反复|回复|抽|自查|部分|慢|有点|稍|略|避|调整|停|[a-z]{2,}|\\d\\s*[月日号天周]"
)
"""What a clause beside a pass may say that leaves the pass in doubt: anything but what
was plainly seen on site (a fault or a negation, a plan, a hedge, hearsay, a hand-over, a
stopgap's material, a record in place of the work)."""


_ABSENT = re.compile(
    "(?:无|没有|没发现|没见|未见|未再|没再|不再|不会再|未发现)(?P<what>[^,]{1,8})$"
)
"""A clause ending in what is absent (无毛刺, 楼内未见电动车, 下雨不漏了)…"""
_MUST_HAVE = re.compile(
    "护栏|栏杆|盖|锁|门|灯|灭火器|消防|喷淋|报警|监控|摄像|标识|标志|警示|扶手|防护|接地|保护|开关|记录|台账|人"
    "|证|整改|修|换|处理|解决|落实|到位|完成|合格|达标|符合"
)
"""…which is no fault when it is not a thing that must be there, nor the work itself."""


def _unsure(clause: str) -> bool:
    """A clause the reader does not know that may leave a pass in doubt (`_UNSURE`)."""
    absent = _ABSENT.search(clause)
    if absent is not None and not _MUST_HAVE.search(absent["what"]):
        clause = clause[: absent.start()]
    return _UNSURE.search(clause) is not None


def _quoted(key: str, at: int, clauses: list[str], note: str) -> str:
    """The clause of `key` holding position `at`, quoted as `note` has it to lead a reason
    ('' when it is the only one)."""
    if len(clauses) < 2:
        return ""
    clause = next((m.group() for m in _CLAUSE.finditer(key) if m.end() > at), "")
    return f"其中“{_typed(clause, note)}”：" if clause else ""


def _typed(clause: str, note: str) -> str:
    """`clause` (of the remark as read: simplified, lower case, slips mended) as the reviewer
    typed it in `note` (“b栋侧待加固” was quoted of B栋侧待加固, 无 of 無: trials 230 CD54,
    233 CG53); as read when no clause of `note` reads as it."""
    for part in _CLAUSES.split(_GAP.sub("，", note)):
        if part and _mended(part) == clause:
            return part
    return clause


_TOLD = re.compile(
    "^已?(?:由[^,]{1,8})?(?:电话|书面|口头)?(?:通知|告知|转告|转给|转交|移交|交|报请|反馈给?)"
    "|^已(?:书面|口头)?(?:向[^,]{1,10})?(?:上报|报告|汇报|反映|报(?=[^,]{0,6}(?:局|处|办|科|室|领导|学校|上级|中心|部门)))"
    "(?![^,]{0,12}(?:已|完成|完毕|整改|修))"
    "|^已提醒|^已?跟[^,]{1,8}说"
)
"""Someone told or handed the work (已通知班主任, 已交总务处处理, 已跟后勤说了): beside a
pass said, the pass told; alone, nothing said of the work."""


def _says_done(clause: str) -> bool:
    """A clause saying the work passed or was done (复查合格, 已修复, 整改到位)."""
    clause = _LEAD.sub("", clause, count=1) or clause
    return bool(
        review_verdict(clause) == PASSED
        or _MENDED.match(clause)
        or normalize_progress(clause) == DONE
        or (_GOOD.search(clause) and not _FAULT.search(clause))
    )


def _mended(typed: str) -> str:
    """`typed` in simplified characters, lower case, its slips of the pinyin input mended."""
    # (a line break or a space between words ends a clause: 已整改到位⏎已报修, trial 225 BY7)
    key = simplified(normalize_key(_GAP.sub("，", typed.strip()))).lower()
    for typo, meant in _TYPOS:
        key = key.replace(typo, meant)
    return _SLIP_AT_END.sub(r"未\1", _SLIPS.sub(_slip_mended, key))


def _slip_mended(slip: re.Match[str]) -> str:
    if slip[2]:
        return f"{slip[1]}未{slip[2]}"
    return f"待{slip[3]}" if slip[3] else f"{slip[4]}未{slip[5]}"


_SHARE = re.compile(
    r"(\d+)\s*([处个具台间项盏扇])[^\d]{0,6}?[（(]?共计?\s*(\d+)\s*\2|(\d+)\s*/\s*(\d+)\s*已|已?改?(\d+)处\s*/\s*共\s*(\d+)处"
    r"|(\d+)\s*([处个具台间项盏])[^\d]{0,10}?已[^\d]{0,4}(\d+)\s*\9"
    r"|(\d+)\s*([处个具台间项盏扇])[^\d]{0,8}?(?:换|修|改|装)了?\s*(\d+)\s*\12"
    r"|(\d+)\s*([处个具台间项盏扇块只套根把条])中的?\s*(\d+)\s*\15"  # (15处中的11处: trial 238)
)


_FOUND_COUNT = re.compile(r"(\d+)\s*([处个具台间项盏扇块根条套把只组])")
_DONE_COUNT = re.compile(
    r"(?:更换|换了?|修复|修好|维修|整改|补齐|补充|补|配备|配置|安装|加装|增设|清理|拆除|修补)了?\s*(\d+)\s*([处个具台间项盏扇块根条套把只组])"
)


def _fewer_than_found(key: str, hazard: str) -> tuple[str, str] | None:
    """The work a remark counts (已更换18具) when fewer than the hazard counted of that
    unit (灭火器过期20具): (what the remark says, what the hazard says); None otherwise."""
    found = {unit: int(n) for n, unit in _FOUND_COUNT.findall(normalize_key(hazard))}
    for done in _DONE_COUNT.finditer(key):
        whole = found.get(done[2])
        if whole is not None and int(done[1]) < whole:
            return done.group(), f"{whole}{done[2]}"
    return None


def _counted_short(key: str) -> bool:
    """A count of the work done short of the whole (3/4已整改, 已改3处/共4处)."""
    for match in _SHARE.finditer(key):
        numbers = [int(n) for n in match.groups() if n is not None and n.isdigit()]
        if len(set(numbers)) > 1:
            return True
    return False


def _beside_a_pass(clause: str, done: bool) -> bool:
    """A clause of a 复查意见 that may stand beside a 合格: a pass; what is fine or no more (无
    渗漏, 不再松动, 未发现违规电器); what was done, after whatever it says was wrong before
    (不合格插座已更换); that the review was made; praise; or advice for the future (建议定期检查,
    仍需加强教育) — not work still to do (需更换灭火器, 建议继续整改), nothing done (未见整改), a
    relapse (已反弹) or a fault. A step (已报修) stands beside one when the whole note reads
    done after it (`done`: 已报修，本周已修好; not 整改到位，已报修)."""
    if _OBSERVED.match(clause) or _SIGN_OFF.match(clause):
        return True
    clause = _LEAD.sub("", clause, count=1) or clause
    for words, meant in (*_WORDS, *_LIMITS):
        clause = clause.replace(words, meant)
    clause = _NONE_LEFT.sub("良好", clause)
    but = _BUT.search(clause)
    if but is not None and _FAULT.search(_NO_FAULT.sub("良好", but.group(1))):
        return False  # (虽然已更换但压力偏低: what is wrong after all)
    if (_BEFORE.match(clause) and not _STILL.search(clause) and "但" not in clause) or (
        _EARLIER_REVIEW.match(clause) and not _STILL_NOW.search(clause)
    ):
        return True  # (before the faults it tells of: 首次复查时未整改)
    if (
        review_verdict(clause) == PASSED
        or says_nothing_found(clause)
        or _COUNT.match(clause)
        or _NO_MORE_WORK.match(clause)
    ):
        return True
    nothing_done = _NO_CHANGE.search(clause)
    if _UNFINISHED.search(clause) or (nothing_done and "已" not in clause[nothing_done.end() :]):
        return False  # (not 之前未整改的部分已全部完成)
    if _STILL_THERE.search(clause):
        return False  # (安全出口仍然上锁: 上锁 no good word then)
    if _TOLD.match(clause):
        return True  # (said beside a pass: `doubts_the_pass`)
    if (
        _GUARD.match(clause.removeprefix("已"))
        or _SHOULD_IT_RECUR.match(clause)
        or _MENDED.match(clause)
        or (_DONE_BARE.match(clause) and not _NOT_YET.search(clause))
        or _WHO.fullmatch(clause)
        or _CHECKING.match(clause)
    ):
        return True
    if advice := _ADVICE.match(clause):  # (its faults those it guards against: 防止反弹)
        guarded = _GUARD.search(clause, advice.end())
        if not _FAULT.search(clause, advice.end(), guarded.start() if guarded else len(clause)):
            return True
    clause = _NO_FAULT.sub("良好", clause)
    faults = [m.end() for m in _FAULT.finditer(clause)]
    last = max(faults, default=0)
    if faults and "已" in clause[last:]:  # what was wrong, mended since (过期灭火器已更换)
        return True
    # (not a good word a negation before it governs: 还未配置到位, 监控仍不能正常使用, 没修好)
    good = [
        m
        for m in _GOOD.finditer(clause)
        if m.start() >= last and not _DENIED.search(clause, 0, m.start())
    ]
    if faults and not good:
        return done and _NAMED.match(clause) is not None
    if good or _SEEN.search(clause):
        return True
    reading = normalize_progress(clause)
    if "已" in clause:  # (not a step alone: 已报修, 已上报总务处; 已报修，已修好 is done)
        return reading not in (IN_PROGRESS, NOT_STARTED) or done
    return reading == DONE
