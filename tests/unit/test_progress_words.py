"""整改完成情况 as departments write it (clerk trials 192–200): what is read as done,
under way, not started, or asked. Reading a hazard not done as done closes it; reading a
done one as not done reopens it and chases the department; asking is the safe side."""

from pathlib import Path

import pytest

from huitoukan.forms.progress import normalize_progress, progress_said, read_progress_said

DONE, IN_PROGRESS, NOT_STARTED, ASKED = "已完成", "整改中", "未整改", None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # a time to come, or almost: not done, under way (AS1; asked, a nuisance: trial 195
        # AU17), but for a day that may be past
        ("下周完成", IN_PROGRESS),
        ("寒假期间整改完毕", IN_PROGRESS),
        ("等资金到位后完成", IN_PROGRESS),
        ("预计3月20日完成", IN_PROGRESS),
        ("于12月8日前完成", ASKED),
        ("整改中，下周完成", IN_PROGRESS),
        ("未完成，下周完成", NOT_STARTED),
        ("快完成了", IN_PROGRESS),
        ("马上完成", IN_PROGRESS),
        ("差不多完成了", IN_PROGRESS),
        # a step before the work, or a stage of it (AS2)
        ("已完成报修", IN_PROGRESS),
        ("报修已完成", IN_PROGRESS),
        ("已完成采购，待安装", IN_PROGRESS),
        ("整改方案已完成", IN_PROGRESS),
        ("已完成第一阶段，第二阶段寒假实施", IN_PROGRESS),
        ("已完成初步整改", IN_PROGRESS),
        ("整改中，已完成主体", IN_PROGRESS),
        ("已报修", IN_PROGRESS),
        ("已提交维修申请", IN_PROGRESS),
        ("已联系施工队，下周进场", IN_PROGRESS),
        ("已采购并安装到位", DONE),
        ("已购买灭火毯2块并放置到位", DONE),
        ("报修后已修复", DONE),
        ("已上报，学校已安排维修完毕", DONE),
        ("已报修，维修工已修好", DONE),
        # one part done, another not (AS3)
        ("1号楼已完成，2号楼没动", IN_PROGRESS),
        ("已完成，插座未更换", IN_PROGRESS),
        ("灭火器已更换，应急灯未安装", IN_PROGRESS),
        ("监控已安装，尚未调试", IN_PROGRESS),
        ("消防通道已清理，划线待做", IN_PROGRESS),
        ("1台待修，2台已修好", IN_PROGRESS),
        ("教学楼已完成，实验楼进行中", IN_PROGRESS),
        ("已完成，剩2处", IN_PROGRESS),
        ("已完成\n剩2处", IN_PROGRESS),
        ("已完成，缺一块挡板", ASKED),
        # shares and counts (AS4, AS7)
        ("已完成八成", IN_PROGRESS),
        ("已完成五分之三", IN_PROGRESS),
        ("已完成大多数", IN_PROGRESS),
        ("问题已处理一半", IN_PROGRESS),
        ("隐患已整改一部分", IN_PROGRESS),
        ("已整改3处（共5处）", IN_PROGRESS),
        ("共5处，其中3处已整改", IN_PROGRESS),
        ("5处隐患，其中3处已修复", IN_PROGRESS),
        ("2处未整改，3处已整改", IN_PROGRESS),
        ("1处未整改，其余4处已整改", IN_PROGRESS),
        ("灭火器10具，已更换6具", IN_PROGRESS),
        ("共3处，已全部整改", DONE),
        ("已更换3个灭火器，已更换2个应急灯", DONE),  # two things, both done (trial 192 AR5)
        ("未完成100%", IN_PROGRESS),
        ("完成率不足100%", IN_PROGRESS),
        ("预计12月底100%完成", ASKED),
        ("进度100%", DONE),
        ("0%", NOT_STARTED),
        ("3/3", DONE),
        ("已整改0/3", NOT_STARTED),
        # a part done after the work said not done (AS5)
        ("未整改，警戒线已到位", IN_PROGRESS),
        ("整改中，灭火器已更换", IN_PROGRESS),
        ("整改中，已更换3个", IN_PROGRESS),
        ("已拉警戒线", IN_PROGRESS),
        ("整改中，现已完成", DONE),
        ("整改中，灯管已全部更换", DONE),
        # done, but still faulty or back again: asked (AS6)
        ("已维修，但仍偶尔漏水", ASKED),
        ("已清理，学生又堆上了", ASKED),
        ("已完成，复查时发现灭火器压力不足", ASKED),
        # a day or a size is not a share (AS8, trial 192 AR3)
        ("11/28已完成", DONE),
        ("12/15完成", DONE),
        ("已完成（12/18）", DONE),
        ("1/2号楼应急灯已更换", DONE),
        ("已更换1/2寸水管", DONE),
        ("已整改（见照片1/3）", DONE),
        ("整改中，12/10前完成", IN_PROGRESS),
        ("12.5 整改中 12.10 已完成", DONE),
        # traditional characters and slips of the input (AS9, AS23)
        ("沒有完成", IN_PROGRESS),
        ("還沒修好", NOT_STARTED),
        ("整改中，預計下週完成", IN_PROGRESS),
        ("末完成", NOT_STARTED),
        ("己整改", DONE),
        ("以整改", DONE),
        ("已處理", DONE),
        ("【已完成】", DONE),
        ("ok", DONE),
        ("Done", DONE),
        ("整 改 中", IN_PROGRESS),
        # lines and spaces part clauses (AS10)
        ("整改中\n12.10已完成", DONE),
        ("已整改\n3楼未做", IN_PROGRESS),
        ("1号楼已完成 2号楼未动", IN_PROGRESS),
        # not the work left (AS11) nor a plan for it (AS12, trial 192 AR2)
        ("已完成，其余设施正常", DONE),
        ("已完成，无剩余", DONE),
        ("已完成，剩余款项待支付", DONE),
        ("已安装剩余电流保护器", DONE),
        ("已按计划完成", DONE),
        ("已按整改计划完成", DONE),
        ("已按照计划整改完毕", DONE),
        ("已完成，比原计划提前一周", DONE),
        ("已完成（原计划12月底）", DONE),
        ("已完成，后续计划加装监控", DONE),
        ("已完成一楼，二楼计划下周完成", IN_PROGRESS),
        # the acceptance to come, and recurrence guarded against (AS13, AS14)
        ("已完成，还差验收", DONE),
        ("已完成，尚需安保处复查", DONE),
        ("已完成，验收还没做", DONE),
        ("已修复，经观察未再次出现漏水", DONE),
        ("已完成，以防再次发生", DONE),
        ("已处理，如再次发现将通报", DONE),
        ("已修好，不漏了", DONE),
        # how it stood before; the papers and aftercare (AS15–AS17)
        ("已完成（11月报整改中）", DONE),
        ("已完成（督查时未整改）", DONE),
        ("第一次验收不合格，返工后已合格", DONE),
        ("已完成，效果不错", DONE),
        ("已完成，设备仍在保修期内", DONE),
        ("已完成，正在补充照片", DONE),
        ("已完成，台账未完善", DONE),
        ("已完成，还差签字", DONE),
        ("已完成，仍需加强管理", DONE),
        ("已完成，未按期", DONE),
        ("已完成，效果不明显", IN_PROGRESS),
        # the options, one ticked (AS18)
        ("☑已完成 □整改中 □未整改", DONE),
        ("□已完成 □整改中 ☑未整改", NOT_STARTED),
        # what was done, in a department's words (AS20–AS22)
        ("已更换燃气软管", DONE),
        ("警示标识已张贴", DONE),
        ("李老师已处理", DONE),
        ("复查合格", DONE),
        ("已完工", DONE),
        ("在修", IN_PROGRESS),
        ("检修中", IN_PROGRESS),
        ("已开工", IN_PROGRESS),
        ("等配件", IN_PROGRESS),
        ("没整改", NOT_STARTED),
        ("还没动工", NOT_STARTED),
        ("已逾期，未整改", NOT_STARTED),
        # trial 195: under way after 已, reported on, stopped, excepted (AU1–AU8)
        ("已经在修了", IN_PROGRESS),
        ("已报后勤", IN_PROGRESS),
        ("校车已送修，暂停运营", IN_PROGRESS),
        ("已", ASKED),
        ("已完成报价", IN_PROGRESS),
        ("已完成订货", IN_PROGRESS),
        ("机房空调已更换，UPS电池老化问题需另行申请经费", IN_PROGRESS),
        ("1.已报修；2.已设警示", IN_PROGRESS),
        ("校车GPS已安装，平台对接中", IN_PROGRESS),
        ("已维修，但仍不能正常使用", IN_PROGRESS),
        ("已处理，反复出现", IN_PROGRESS),
        ("已整改，第二次复查仍不合格", IN_PROGRESS),
        ("除3号楼外均已整改", IN_PROGRESS),
        ("除食堂外，其余均已整改", IN_PROGRESS),
        ("已更换灭火器8具（应换10具）", IN_PROGRESS),
        ("[ ]已完成 [x]整改中", IN_PROGRESS),
        ("[x]已完成 [ ]整改中", DONE),
        ("已完成（√） 整改中（ ） 未整改（ ）", DONE),
        ("□已完成 ☑整改中 □未整改", IN_PROGRESS),
        ("已停用", IN_PROGRESS),
        ("已停用并报废", DONE),
        # ... and done in a department's words (AU9–AU14, AU16)
        ("线路已重新敷设", DONE),
        ("检查了20个灭火器，更换3个，已完成", DONE),
        ("后勤处已安排维修工于5月8日对全校32个配电箱进行检查，更换损坏空开4个，已全部完成", DONE),
        ("已于3月15日由后勤处联系电工更换老化插座12个，现已恢复正常使用", DONE),
        ("宿舍楼3楼楼道应急灯损坏，物业已于4月2日更换新灯6盏", DONE),
        ("已完成，等待第三方检测报告", DONE),
        ("已完成，佐证材料正在整理", DONE),
        ("已完成，正在整改其他问题", DONE),
        ("申请销号", DONE),
        ("待销号", DONE),
        ("经消防大队验收合格", DONE),
        ("已报修\n12.8已修复", DONE),
        ("修好啦", DONE),
        ("暑假期间已完成", DONE),
        ("已整改，暂无问题", DONE),
        ("已完成，但未拍照", DONE),
        ("由未整改变更为整改中", IN_PROGRESS),
        ("条件不具备，暂缓整改", NOT_STARTED),
        # trial 196 (written blind, over three rounds): failed, arrived, a test awaited
        ("未通过验收", IN_PROGRESS),
        ("配件已到", ASKED),
        ("厂家已来看过", ASKED),
        ("已经叫人了", ASKED),
        ("已报厂家，等待上门检测", IN_PROGRESS),
        ("1、压力表已送检；2、等待检测报告", IN_PROGRESS),
        ("已完成，待专业公司检测", DONE),
        ("应换10具，已换6具", IN_PROGRESS),
        ("6副篮球架已加固4副", IN_PROGRESS),
        ("已修复，观察期内又出现两次告警", IN_PROGRESS),
        ("已完成（除3楼）", IN_PROGRESS),
        ("已更换硬盘，重建中", IN_PROGRESS),
        ("已交由物業部處理", IN_PROGRESS),
        # ... and done as the cell grew over the rounds (AV8–AV17)
        ("应急灯已报修。\n12月9日电工已更换应急灯，测试正常", DONE),
        ("12月1日已拉警戒线\n12月8日施工队进场\n12月15日完工，警戒线已撤除", DONE),
        ("11.28 报修 / 12.05 更换 / 12.06 验收", DONE),
        ("√已报修 √已到货 □已安装", IN_PROGRESS),
        ("已符合要求", DONE),
        ("已按照学校要求完成整改，整改情况已向分管领导汇报。", DONE),
        ("警戒线已撤除", DONE),
        ("压力表已检定合格并重新安装", DONE),
        ("已更换，以防类似问题再次发生", DONE),
        ("已完成√ 整改中 未整改", DONE),
        ("换好了", DONE),
        ("已更换不锈钢扶手，验收合格", DONE),
        ("已修复，无渗漏", DONE),
        ("整改完毕待销号", DONE),
        ("已整改，尚待验收", DONE),
        ("监控在修", IN_PROGRESS),
        ("1.已完成 2.正在进行", IN_PROGRESS),
        ("是/否", ASKED),
        ("已完成/整改中/未整改", ASKED),
        # trial 198 (blind, three schools): stopgaps alone and beside the work, steps, the
        # cell grown over three rounds read by its end (AX1–AX11)
        ("已设置警戒区域", IN_PROGRESS),
        ("已贴封条", IN_PROGRESS),
        ("防滑垫已铺设完毕，警示牌保留", DONE),
        ("食堂地面防滑垫已铺设，警示牌已放置。", DONE),
        ("已落实责任人", IN_PROGRESS),
        ("资金已到位", IN_PROGRESS),
        ("已告知班主任", IN_PROGRESS),
        ("已完成自查", ASKED),
        ("已完成第二批", IN_PROGRESS),
        ("已更换其中3个", IN_PROGRESS),
        ("灭火器已更换，应急灯正在采购", IN_PROGRESS),
        ("已更换，新灭火器也是过期的", IN_PROGRESS),
        ("已更换，旧灭火器待回收", DONE),
        ("已整改，资金未到位暂未付款", DONE),
        ("已报总务处，等待采购\n12.8已到货，待燃气公司安装\n12.12已安装调试，报警正常", DONE),
        ("已断电，挂牌禁止使用\n电工已检查，需更换空开\n空开已更换，已恢复供电", DONE),
        ("总务处已安排师傅，五楼已装\n其余楼层全部装好", DONE),
        ("已没收\n本周检查又发现2台，已再次没收并通报批评，复查未再发现", DONE),
        ("已清点，共12瓶\n已联系有资质单位，合同已签\n2024年12月20日已回收处置，联单存档", DONE),
        ("已加固（12.5）\n12.10复查发现又有松动\n12.12重新加固，已焊接牢固", DONE),
        ("已报修\n已更换灯管", DONE),
        ("留样冰箱已购置到位", DONE),
        ("学校围墙已拆除重建，预计寒假完工，现已设置临时围挡。", IN_PROGRESS),
        ("已报废申请", IN_PROGRESS),
        ("已安装监控12个，剩余4个下周安装", IN_PROGRESS),
        ("已整改（临时）", IN_PROGRESS),
        ("已更换后厨燃气软管，并加装燃气泄漏报警器，经燃气公司检测合格。", DONE),
        # trial 197: totals in more words, a step then the work, a warning sign as the fix,
        # remarks after the work done (AW1–AW4)
        ("应更换10具，已更换6具", IN_PROGRESS),
        ("共需更换10具，已更换6具", IN_PROGRESS),
        ("排查10处，已整改6处", IN_PROGRESS),
        ("已报后勤处，后勤已更换", DONE),
        ("已停用旧设备，新设备已安装调试完毕", DONE),
        ("警示牌已安装", DONE),
        ("已设置警示牌", DONE),
        ("1.已报修 2.已挂警示牌", IN_PROGRESS),
        ("已完成，其他没有问题", DONE),
        ("已清理，现在没有杂物了", DONE),
        ("已完成，计划每月检查一次", DONE),
        ("故障已排除", DONE),
        # trial 199 (blind, four more schools): parts named, 部份, a deadline, hedges (AY1–AY14)
        ("网络中心机房空调已维修，温度恢复正常；UPS电池老化，已申请更换。", IN_PROGRESS),
        ("1.已更换灭火器\n2.已张贴疏散图\n3.应急灯已报修", IN_PROGRESS),
        ("已完成，还差两个灭火器没到货", IN_PROGRESS),
        ("已拆除，暂未重新安装", IN_PROGRESS),
        ("1.未整改\n2.已整改", IN_PROGRESS),
        ("一楼未整改，二楼已整改", IN_PROGRESS),
        ("男生宿舍未完成，女生宿舍已完成", IN_PROGRESS),
        ("部份完成", IN_PROGRESS),
        ("于12月20日前完成整改", ASKED),
        ("好像修好了", ASKED),
        ("已完成？", ASKED),
        ("已拍照留存", ASKED),
        ("已请电工重新接线并加装漏电保护器。", DONE),
        ("屋面漏水已做防水处理，近期下雨未见渗漏", DONE),
        ("已购置灭火毯2条，放置于厨房门口", DONE),
        ("已完成，比计划晚了一周", DONE),
        ("已完成 整改中 未整改", ASKED),
        ("体育器材室：损坏的跳箱已报废，新跳箱已到货", DONE),
        # trial 200: signs beside steps, totals in more words, the others done, a step then
        # the thing done in other words, aftercare (AZ1–AZ8)
        ("已设置警示牌并报修", IN_PROGRESS),
        ("已张贴警示标识，已报总务处维修", IN_PROGRESS),
        ("已挂警示牌，已停用", IN_PROGRESS),
        ("需要更换10具，已更换6具", IN_PROGRESS),
        ("总计需要更换10具，已更换6具", IN_PROGRESS),
        ("应更换十具，已更换六具", IN_PROGRESS),
        ("还有2处没修，其他都修好了", IN_PROGRESS),
        ("需要更换全部灯管，已更换3根", ASKED),
        ("已换了一半", IN_PROGRESS),
        ("已送修，已取回安装", DONE),
        ("已报修，已将灯管更换", DONE),
        ("已整改，今后还需进一步落实责任", DONE),
        ("已在走廊安装应急灯", DONE),
        ("已请电工更换插座", DONE),
        ("已经好了", DONE),
        ("检查了20个灭火器，更换3个", ASKED),
        ("已申请资金并完成改造", DONE),
        ("已清理，没有堆放了", DONE),
        # not finished is not done (trial 192 AR1)
        ("未整改完成", NOT_STARTED),
        ("尚未整改完成", NOT_STARTED),
        ("整改中，尚未整改完成", IN_PROGRESS),
        ("整改中已完成", DONE),
        # trial 202 (BB1-BB32): items numbered are not counts; the looking done, hearsay, a
        # month alone, a count alone, a tick between two options are asked; a duty arranged,
        # a thing taken out of use and scrapped, a check to come, the planned items done,
        # 中控室, the broken ones of a total replaced are done
        ("第一项：已完成\n第二项：整改中", IN_PROGRESS),
        ("第一项已完成，第二项未整改", IN_PROGRESS),
        ("第2项未整改，第1项已完成", IN_PROGRESS),
        ("已完成隐患登记", ASKED),
        ("检查完成", ASKED),
        ("排查完毕", ASKED),
        ("自查完成，未发现问题", ASKED),
        ("听说修好了", ASKED),
        ("据说已经换了", ASKED),
        ("6月完成", ASKED),
        ("6月已完成", DONE),
        ("于6月3日完成更换", DONE),
        ("已完成一处", ASKED),
        ("已更换一个", ASKED),
        ("已更换3个灭火器", DONE),
        ("已完成 √整改中 未整改", IN_PROGRESS),
        ("已完成√ 整改中 未整改", DONE),
        ("已完成 √ 整改中 未整改", ASKED),
        ("已完成前期摸底", IN_PROGRESS),
        ("已停止使用并报废", DONE),
        ("已停止使用", IN_PROGRESS),
        ("消防控制室已安排人员24小时值守", DONE),
        ("已安排专人看守", IN_PROGRESS),
        ("已安排专人值守，下周维修", IN_PROGRESS),
        ("一共8个灯，坏的3个已经换了", DONE),
        ("已整改完毕，待下次检查", DONE),
        ("计划内项目已全部完成", DONE),
        ("未整改的2处现已整改完毕", DONE),
        ("已更换中控室监控硬盘", DONE),
        ("整改后的验收尚未完成", DONE),
        ("私拉乱接电线已全部拆除", DONE),
        ("已报后勤维修", IN_PROGRESS),
        ("消防栓水压已检测正常", DONE),
        ("办公室私用电暖器，已当场收缴并对当事人进行批评教育。", DONE),
        ("整好了", DONE),
        # trials 203 (BC1) and 204 (BD1-BD26): records still being made up, some still to
        # do, a survey, a count of buildings, a cone, a typo of 未 are not done; what cannot
        # be solved is not started, what is to be solved with later work is under way
        ("私拉电线已清理，查寝记录还在补", ASKED),
        ("电线已清理，记录正在补充", ASKED),
        ("已完成，台账正在完善", DONE),
        ("已完成整改，个别班级仍需加强", ASKED),
        ("心理健康普查已完成，筛查出的5名学生正在跟踪", ASKED),
        ("高层窗户限位器安装中，已完成4栋中的3栋", IN_PROGRESS),
        ("井盖破损，已放置锥桶提示", IN_PROGRESS),
        ("为完成", NOT_STARTED),
        ("尚为整改", NOT_STARTED),
        ("该问题长期存在，学校无力解决", NOT_STARTED),
        ("随新校区建设一并解决", IN_PROGRESS),
        ("结合暑期维修统筹解决", IN_PROGRESS),
        ("已完成，另有1处同类问题一并整改", DONE),
        ("消防栓水压不足，待自来水公司处理", IN_PROGRESS),
        ("整改未开始", NOT_STARTED),
        ("资金未到位，暂未整改", NOT_STARTED),
        ("未整改（资金未到位）", NOT_STARTED),
        ("家长告知书已发放并回收", DONE),
        ("已下发整改通知书", IN_PROGRESS),
        ("护导岗已安排", DONE),
        ("无法完成", ASKED),
        # trial 206 (BF1-BF21): one option ticked, a cross on done, a stage, an emergency
        # measure, a promise, hearsay, today are not done; 改好, a date after 已, a stopgap
        # before the work done are read as meant
        ("整改中（√）", IN_PROGRESS),
        ("未整改（√）", NOT_STARTED),
        ("（√）", DONE),
        ("×已完成", ASKED),
        ("已完成 ✗", ASKED),
        ("×未完成", NOT_STARTED),
        ("已完成阶段性整改", IN_PROGRESS),
        ("应急处理完毕", IN_PROGRESS),
        ("确保按期完成", IN_PROGRESS),
        ("听物业说已经修好了", ASKED),
        ("今天下午完成", ASKED),
        ("不是未整改，已经改好了", DONE),
        ("未整改的部分已于4月全部完成", DONE),
        ("剩余未完成部分已于本周完成", DONE),
        ("已于上周五修复", DONE),
        ("临时处理后已彻底整改", DONE),
        ("无资金，暂无法整改", NOT_STARTED),
        ("整改工作尚未开展", NOT_STARTED),
        ("不具备整改条件", NOT_STARTED),
        ("请予销号", DONE),
        ("已派单", IN_PROGRESS),
        # trial 208 (BH1-BH33): 基本 before a verb, the counting done, a temporary cover, a
        # site chosen, hedges (应已, 称已, 吧) are not done; 补装 after what was missing, the
        # rest repaired, those not locked all locked are done
        ("基本清理完毕", IN_PROGRESS),
        ("已清点完毕，台账正在录入", ASKED),
        ("已完成普查，档案正在整理", ASKED),
        ("已清理碎玻璃，用木板临时封堵", IN_PROGRESS),
        ("临时措施已改为永久整改，已完成", DONE),
        ("已改善", ASKED),
        ("应已完成", ASKED),
        ("维保单位称已修复", ASKED),
        ("已完成吧", ASKED),
        ("已完成整改措施的制定", IN_PROGRESS),
        ("已完成选址", IN_PROGRESS),
        ("复查发现新软管未安装卡箍，已补装", DONE),
        ("已更换应急灯18盏，其余已维修", DONE),
        ("未上锁的配电箱已全部上锁", DONE),
        ("暂未上锁", NOT_STARTED),
        ("已检验合格", DONE),
        # trial 210 (BJ1-BJ28): a promise of a time, a piece of work not begun after one done,
        # a report to have one done, 已整改中, an inspection held, a quarter are not done; a
        # long place before 已, a site's fence or power supply, hard separation, insurance
        # bought for the students, the hazard restated before 已张贴 are read as meant
        ("已约谈食堂承包商负责人，承包商承诺一周内整改完毕。", ASKED),
        ("1.已更换灭火器；2.线路改造暂未开始。", IN_PROGRESS),
        ("一是已清理楼道杂物；二是破损灭火器已报后勤更换；三是安全教育计划下周开展。", IN_PROGRESS),
        ("已完成整改，整改报告已报保卫处。", DONE),
        ("已整改中", IN_PROGRESS),
        ("校外实习基地安全检查已开展，未发现问题。", ASKED),
        ("Q3完成", ASKED),
        ("数控实训中心安全通道堆放杂物已清理，并划定了黄色警戒线。", DONE),
        ("施工工地围挡已补齐封闭。", DONE),
        ("施工工地临时用电已按规范整改，经监理验收合格。", DONE),
        ("施工区与教学区未有效隔离，已设置硬质隔离和警示标识，安排专人值守。", DONE),
        ("校外实习基地未购买实习责任险，已为全部实习学生购买。", DONE),
        ("实验室未张贴安全信息牌：已张贴。", DONE),
        # trial 212 (BL1-BL48): hearsay relayed, a relapse now and then, a task too hard,
        # a count done after the work under way, a month in words, an option left
        # unticked, the last of the work under way are not done; a filing, 复验, 整修 are;
        # a reason or 全部 before 未整改, the work said needed, 暂不整改 are not begun
        ("据物业说已修好", ASKED),
        ("據物業說已修好", ASKED),
        ("根据学校要求已整改", DONE),
        ("流动摊贩已清理，但时有反弹", ASKED),
        ("难以完成", ASKED),
        ("15/20已完成", IN_PROGRESS),
        ("整改中-已完成3处", IN_PROGRESS),
        ("十月中旬完成", ASKED),
        ("已于十月中旬完成", DONE),
        ("已完成□", ASKED),
        ("●已完成 ○整改中 ○未整改", DONE),
        ("已安装，正在调试", IN_PROGRESS),
        ("电梯维保单位已更换，正在交接", IN_PROGRESS),
        ("易制毒试剂已报公安备案", DONE),
        ("已记录", ASKED),
        ("复验合格", DONE),
        ("已整修", DONE),
        ("全部未整改", NOT_STARTED),
        ("因资金问题未整改", NOT_STARTED),
        ("需要整改", NOT_STARTED),
        ("暂不整改", NOT_STARTED),
        # trial 211: “largely” stopped is not done (BK2, HIGH: closed with review off); a
        # thing not yet carried away after one cleared is a part (BK11)
        ("充电棚已投入使用，楼道充电现象基本杜绝", IN_PROGRESS),
        ("已基本消除", IN_PROGRESS),
        ("已清理纸箱，钢材尚未搬走", IN_PROGRESS),
        ("纸箱已清理，钢材未搬", IN_PROGRESS),
        ("隐患已消除，未见反弹", DONE),
        # trial 215: a sign and a watch kept over a landslide are a stopgap (BO1); what a
        # teacher or a parent says was done is hearsay (BO2); 隔离桩, 等保, 快递 are things,
        # not a stopgap, a wait or “almost” (BO10-BO12)
        ("山体滑坡点已设置警示标志并安排专人巡查", IN_PROGRESS),
        ("已加固边坡并设置警示标志，安排专人巡查", DONE),
        ("老师反映已经修好了", ASKED),
        ("家长说已经修好了", ASKED),
        ("校门口隔离桩已安装", DONE),
        ("等保测评已完成", DONE),
        ("快递点货架已固定", DONE),
        # someone asked to see to it, nothing said since: under way (session 53's note)
        ("已请维修公司处理", IN_PROGRESS),
        ("已请厂家维修", IN_PROGRESS),
        ("消防栓已请物业上门检修", IN_PROGRESS),
        ("已請維修公司處理", IN_PROGRESS),
        ("已请厂家维修，现正常使用", DONE),
        ("已请厂家维修，目前使用正常", DONE),
        ("已请电工更换", DONE),
        ("已请维修公司处理完毕", DONE),
        ("现不能正常使用", ASKED),
    ],
)
def test_a_return_is_read_as_the_department_meant(typed: str, expected: str | None) -> None:
    assert normalize_progress(typed) == expected


WORDS = Path(__file__).parent.parent / "data" / "progress_words.tsv"
KNOWN_MISREADINGS = {
    "门窗部分已修复",  # the windows' part, or part of the windows? (trial 193)
    "尚未验收",  # alone, an acceptance to come reads done (the README's rule)
    "登记本已更换新版，正在规范填写",  # the book replaced, the filling-in under way (trial 196)
    "总务处已安排师傅，五楼已装",  # one floor done, the others? (trial 198)
    "已停用并贴封条",  # out of use for good, or a stopgap? (trial 193)
    "其余已完成",  # alone: what of the rest? (trial 199)
    "已张贴警示标识，禁止学生靠近",  # the sign the fix, or a stopgap? (trial 199)
    "整改报告已提交",  # the report of the work, or a step? (trial 199)
    "幼儿床护栏松动3处，已加固2处，另一处床已撤出",  # 2 of 3, the third taken away
    "实训车间学生长发未盘，已要求佩戴工作帽并纳入考核",  # an order as the fix (trial 199)
    "汽修车间蓄电池充电区已隔离并配灭火器",  # a separation as the fix (trial 199)
    "门卫室值班记录不全，已要求门卫规范填写，后续每周检查。",  # an order as the fix (202)
    "已建立心理健康档案，心理老师持续跟踪",  # the records the fix, the care after? (204)
    "校外池塘已协调村委加装护栏",  # asked for, or done by the village? (trial 204)
    "锅炉已停用，改用空气能热水",  # out of use for good, replaced (trial 204)
    "已安排员工培训",  # the training held, or only arranged? (trial 206)
}
"""Phrasings read in a way a clerk would not accept, closing or reopening: each debatable."""


def test_no_phrasing_of_the_trials_is_misread_to_close_or_reopen() -> None:
    """The 7,735 phrasings clerk trials wrote (the last eleven blind, as departments write
    them) with the readings a careful clerk accepts: none read as done where the text says
    otherwise, none as not done where it says done, but the few known above; asking is the
    safe side and is not counted."""
    harmful = set()
    for line in WORDS.read_text("utf-8").splitlines():
        if line.startswith("#"):
            continue
        phrase, accepted = line.split("\t")
        typed = phrase.replace("\\n", "\n")
        reading = normalize_progress(typed) or "ask"
        if reading in accepted.split("|"):
            continue
        if reading == DONE or (DONE in accepted and reading != "ask"):
            harmful.add(phrase)
    assert harmful <= KNOWN_MISREADINGS, sorted(harmful - KNOWN_MISREADINGS)


@pytest.mark.parametrize(
    ("progress", "typed", "printed", "read_back"),
    [
        (IN_PROGRESS, "已更换4只，还有2只待采购", "整改中（已更换4只，还有2只待采购）", None),
        (DONE, "已整改", DONE, (DONE, DONE)),  # a state word: the state alone
        (DONE, "完成。", DONE, (DONE, DONE)),
        (None, "好了", "好了", (None, "好了")),  # not understood: the words alone
        (NOT_STARTED, "", NOT_STARTED, (NOT_STARTED, NOT_STARTED)),
        (DONE, "已完成（已更换4只）", "已完成（已更换4只）", None),  # its state first: as typed
        (IN_PROGRESS, "整改中，已联系厂家", "整改中，已联系厂家", None),
        (DONE, "☑已完成 □整改中 □未整改", DONE, (DONE, DONE)),
    ],
)
def test_the_register_prints_the_state_and_the_departments_words(
    progress: str | None, typed: str, printed: str, read_back: tuple[str | None, str] | None
) -> None:
    """整改完成情况 in the register and the archive: the state and what the department said of
    it (clerk trial 201 BA2), read back as they were."""
    assert progress_said(progress, typed) == printed
    assert read_progress_said(printed) == (read_back or (progress, typed))


def test_words_in_brackets_a_department_typed_are_not_taken_for_the_registers() -> None:
    """已完成（听说）, typed: the words say no state, so the bracket is not the register's
    (the state read from the whole is asked); a state the clerk corrected before the
    register's words is taken."""
    assert read_progress_said("已完成（听说）") == (None, "已完成（听说）")
    corrected = read_progress_said("已完成（已更换4只，还有2只待采购）")
    assert corrected == (DONE, "已更换4只，还有2只待采购")
    typed = read_progress_said("已完成(已更换4只，还有2只待采购)")  # (trial 205 BE3)
    assert typed == (DONE, "已更换4只，还有2只待采购")
