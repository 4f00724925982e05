"""Never silently shrink the register: a collection that covers fewer departments, returns
or 复查验收表 than the register it would replace, or counts an earlier day, is refused
(exit 2) with what is missing and what to do, unless the clerk confirms (--force)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from huitoukan.dates import chinese_date
from huitoukan.errors import HuitoukanError
from huitoukan.files import collect_command, display_name
from huitoukan.model.problems import Problem
from huitoukan.model.returns import ANOTHER_CAMPAIGN, HazardRow
from huitoukan.register.history import earlier_registers
from huitoukan.register.layout import kept_elsewhere
from huitoukan.register.merging import OLD_VERSIONS
from huitoukan.register.record import Coverage
from huitoukan.returns.finding import outermost_archive, still_there


class ShrinkingRegister(HuitoukanError):
    """The new collection covers less than the register it would replace."""

    files: Sequence[str] = ()
    """The files of the register the new collection lacks (those it names)."""
    problems: Sequence[Problem] = ()
    """The errors found in those files this time, when they were read (set by collect: a
    review form filled in the wrong columns was refused as 少了报送文件, its errors unsaid,
    clerk trial 229 CC3)."""


def check_not_shrinking(
    register: Path,
    old: Coverage | None,
    new: Coverage,
    now_named: Callable[[str], str | None] = lambda _: None,
    held: Sequence[HazardRow] = (),
) -> None:
    """Refuse to replace a register that covers more departments or returns than `new`;
    `now_named` gives the name a department of the register goes by now (another when
    campaign.toml renamed it, its old name an alias of the new; None when it has none); `held`: the hazards the
    new collection holds only from the register (their files gone), which --force drops."""
    if old is None:
        return
    if old.judged_on is not None and new.judged_on is not None and new.judged_on < old.judged_on:
        raise _counted_earlier(register, old.judged_on, new.judged_on)
    lost = sorted(set(old.departments) - set(new.departments))
    # a file renamed is not gone: its bytes were read under the new name (trial 120)
    shas = {sha for sha, _ in new.sources.values()}
    # a 复查验收表 read before and not now, even when a return came (the 复查 folder left out
    # the day a new return arrived: its verdicts went without a word, clerk trial 119)
    reviews = [
        f
        for f in old.reviews
        if f not in new.reviews
        and f not in new.reviews_refused  # (saved over: what it held, the register keeps)
        and old.sources.get(f, ("", ""))[0] not in shas
    ]
    missing = set(old.sources) - set(new.sources) - {*old.reviews, *old.uncounted}
    # a duplicate left out (its bytes read all the same, under another name it was read by
    # before): nothing is lost (“少了报送文件 1 份” named none, and --force warned of hazards
    # and photos: trial 128). Not a file renamed: its new name is counted already (a folder
    # renamed, another left out, passed on the renamed files' count: trial 132)
    still = {sha for f, (sha, _) in old.sources.items() if new.sources.get(f, ("", ""))[0] == sha}
    duplicates = {f for f in missing if old.sources[f][0] in still}
    reviews_saved_over = [f for f in old.reviews if f in new.reviews_refused]
    if (
        not lost
        and not reviews
        and new.files + len(duplicates) + len(reviews_saved_over) >= old.files
    ):
        return
    renamed = {d: now for d in lost if (now := now_named(d)) in new.departments}
    if renamed and len(renamed) == len(lost) and new.files >= old.files:
        raise _renamed_in_toml(register, renamed)
    # a file of its saved over by another department's return of the same name (an e-mail
    # attachment's): it was said renamed in campaign.toml (clerk trial 124)
    if saved_over := _saved_over(lost, old, new):
        raise _overwritten(register, saved_over)
    # its returns are all there, now read as another's or no one's: renamed in
    # campaign.toml without its old name, not a folder left out (clerk trial 117)
    if moved := _read_as_another(lost, old, new):
        # still a department: its file is read as another's version, on its form (trial 145)
        if misused := {d: now for d, now in moved.items() if now and now_named(d) == d}:
            raise _another_departments_version(register, old, misused)
        raise _read_under_another_name(register, moved)
    # its return saved over by another campaign's form of the same name (this year's saved
    # into last year's 回收): “其文件是其他活动的表格” and --force offered (trial 211 BK9)
    if by_another := _saved_over_by_another(lost, old, new):
        raise _overwritten_by_another(register, by_another, new)
    gone = sorted(f for f in missing if old.sources[f][0] not in shas) if new.sources else []
    raise _fewer(register, old, new, lost, [*gone, *reviews], reviews, held)


def _saved_over_by_another(lost: Sequence[str], old: Coverage, new: Coverage) -> dict[str, str]:
    """The `lost` departments whose file is still where it was, now another campaign's form
    (and none of theirs read elsewhere): department → the file."""
    return {
        whose: file
        for file, (_, whose) in old.sources.items()
        if whose in lost
        and ANOTHER_CAMPAIGN in new.unreadable_why.get(whose, "")
        and still_there(file)
        and file not in new.sources
    }


def _overwritten_by_another(
    register: Path, by_another: dict[str, str], new: Coverage
) -> ShrinkingRegister:
    names = "、".join(by_another)
    files = "；".join(
        f"{display_name(Path(f))} 上次汇总时是{d}的报表，现在是另一次活动的表格"
        f"（{new.unreadable_why[d]}）"
        for d, f in by_another.items()
    )
    return ShrinkingRegister(
        f"这次汇总比现有的 {display_name(register)} 少了部门 {names}：{files}，像是被那次活动的"
        f"同名表格覆盖了，{names}原来的报表已不在这里，未做任何改动。请把这份表格移到那次活动的"
        f"文件夹中，再找回{names}原来的报表（如邮件附件）放回后重新汇总；不要加 --force（按这次的"
        f"报表重建，{names}的隐患不再保留，按未报送计）"
    )


def _counted_earlier(register: Path, later: date, earlier: date) -> ShrinkingRegister:
    # collected as of an earlier day, every closure reported since was voided as 晚于统计
    # 日期, and status, remind and report went on from that register (clerk trial 75)
    look = earlier_registers(register, earlier)
    where = f"{look}，或" if look else "要看那天的情况，请"
    return ShrinkingRegister(
        f"这次汇总的统计日期 {chinese_date(earlier)} 早于现有的 {display_name(register)} 的统计"
        f"日期 {chinese_date(later)}，未做任何改动：按较早的日期汇总，{chinese_date(earlier)} "
        f"以后报来的销号都不算（按未销号计），写出的台账就不再是 {chinese_date(later)} 的情况。"
        f"{where}用 --out 写到另一个文件；确要按这个日期替换台账，请加 --force"
    )


def _renamed_in_toml(register: Path, renamed: dict[str, str]) -> ShrinkingRegister:
    names = "、".join(f"“{d}”改名为“{now}”" for d, now in renamed.items())
    return ShrinkingRegister(
        f"campaign.toml 把 {display_name(register)} 中的部门{names}（旧名写在别名中），"
        "未做任何改动：这样改名，这些部门隐患的隐患编号都会改变，已填的复查验收表、"
        "追责核查表按旧编号填写的结论将对应不上。请在 campaign.toml 该部门下写明旧名"
        '（formerly = "旧名"），隐患编号即保持不变；确要重新编号，请加 --force'
    )


def _read_under_another_name(register: Path, moved: dict[str, str]) -> ShrinkingRegister:
    names = "、".join(moved)
    under = "；".join(
        f"{d} 的报表现在归“{now}”" if now else f"{d} 的报表现在都无法识别部门"
        for d, now in moved.items()
    )
    formerly = "；".join(f'formerly = "{d}"' for d in moved)
    lose = (
        "这些报表的隐患不归任何部门，该部门按未报送计"
        if "" in moved.values()
        else "隐患编号都会改变，已填的复查验收表、追责核查表对应不上"
    )
    return ShrinkingRegister(
        f"这次汇总比现有的 {display_name(register)} 少了部门 {names}：它的报表这次都读到了，"
        f"但 campaign.toml 中已没有这个部门名称（{under}），未做任何改动。部门改了名的，"
        f"请在 campaign.toml 新名称的部门下写明旧名（{formerly}），其报表和隐患编号即照旧；"
        f"不要加 --force（按这次的报表重建，{lose}）"
    )


def _another_departments_version(
    register: Path, old: Coverage, moved: dict[str, str]
) -> ShrinkingRegister:
    files = "；".join(
        f"{'、'.join(display_name(Path(f)) for f, (_, whose) in old.sources.items() if whose == d)}"
        f" 上次汇总时算作{d}的报表，这次算作{now}的旧版本（表头是{d}，文件名是{now}，{now}"
        "另报来的表格与它有相同的隐患：像是用错了表格）"
        for d, now in moved.items()
    )
    names, others = "、".join(moved), "、".join(dict.fromkeys(moved.values()))
    return ShrinkingRegister(
        f"这次汇总比现有的 {display_name(register)} 少了部门 {names}：{files}，未做任何改动。"
        f"请核实：确是{others}用错了表格的，加 --force 按这次的报表重建（{names}按未报送计）；"
        f"确是{names}自己的报表的，请把文件名改为{names}的名称后重新汇总"
    )


def _overwritten(register: Path, saved_over: dict[str, list[tuple[str, str]]]) -> ShrinkingRegister:
    files = "；".join(
        f"{display_name(Path(f))} 上次汇总时是{d}的报表，现在是{now}的报表"
        for d, over in saved_over.items()
        for f, now in over
    )
    names = "、".join(saved_over)
    first, [(file, _), *_] = next(iter(saved_over.items()))
    example = display_name(Path(file).with_name(f"{first}{Path(file).suffix}"))
    return ShrinkingRegister(
        f"这次汇总比现有的 {display_name(register)} 少了部门 {names}：{files}，像是被另一份同名"
        f"文件覆盖了（如两个部门发来的邮件附件同名），未做任何改动。请找回{names}的原文件，"
        f"以不同的文件名（如 {example}）放回后重新汇总；不要加 --force"
        f"（按这次的报表重建，{names}的隐患不再保留，按未报送计）"
    )


def _fewer(
    register: Path,
    old: Coverage,
    new: Coverage,
    lost: list[str],
    gone: list[str],
    reviews: list[str],
    held: Sequence[HazardRow],
) -> ShrinkingRegister:
    """The refusal naming the `lost` departments and `gone` files (the `reviews` among them),
    what --force would drop of the hazards `held`, and how to get them back."""
    # what is missing, counted: the totals compared read “部门 7 个……比现有的部门 7 个少”
    # when one department went missing and another came (clerk trial 75)
    others = {d for d in lost if ANOTHER_CAMPAIGN in new.unreadable_why.get(d, "")}

    def why(department: str) -> str:
        if department not in new.unreadable:
            return department
        return f"{department}（其文件{'是其他活动的表格' if department in others else '无法读取'}）"

    def listed(names: Sequence[str]) -> str:
        return f"：{'、'.join(names[:6])}{'等' if len(names) > 6 else ''}" if names else ""

    # (the departments and the files each listed on their own: “各二级学院、…、高级技工学校、
    # 回收/二级学院汇总.xlsx等” ran one into the other, clerk trial 121)
    fewer = [f"部门 {len(lost)} 个{listed([*map(why, lost)])}"] if lost else []
    files = len(gone) or old.files - new.files
    fewer += [f"报送文件 {files} 份{listed(gone)}"] if files > 0 else []
    # what --force drops, named (an old version moved out, then --force as said: its
    # hazards, photos and a 追责 went with it, nothing listing them: clerk trial 107)
    only = [h for h in held if h.remembered]
    said = "、".join(h.where for h in only[:3]) + ("等" if len(only) > 3 else "")
    only_there = f"其中 {len(only)} 项隐患只有这些文件中有（{said}）。" if only else ""
    elsewhere = "，或选了其他活动（如往年）的报表文件夹" if others else ""
    missed = f"可能漏选了报表文件夹（或复查验收表所在的文件夹）{elsewhere}，"
    read_again = _read_again(sorted(gone), new.looked_in)
    if gone and len(read_again) == len(gone):
        missed = ""  # (every one of them read this time, in a folder given)
    refusal = ShrinkingRegister(
        f"这次汇总比现有的 {display_name(register)} 少了{'；'.join(fewer)}，"
        f"{missed}未做任何改动。"
        f"{only_there}{_getting_back(gone, reviews, new.looked_in, _returns_of(old, lost) | _used(old), register, read_again)}"
        "确需替换请加 --force（按这次的报表重建：少了的部门和文件中的隐患、照片和复查结论不再保留），"
        "或用 --out 写到另一个文件"
    )
    refusal.files = gone
    return refusal


def _used(old: Coverage) -> set[str]:
    """The files the register's hazards were taken from (each department's version used):
    none of them a replaced old version (a folder of the newest returns renamed was told
    to keep its “被替换的旧版本”: clerk trial 133)."""
    used = set(old.used.values())
    return {f for f, (sha256, _) in old.sources.items() if sha256 in used}


def _returns_of(old: Coverage, departments: Sequence[str]) -> set[str]:
    """The files the register was made of that were returns of `departments`."""
    return {f for f, (_, whose) in old.sources.items() if whose in departments}


def _getting_back(
    gone: list[str],
    reviews: list[str],
    given: Sequence[str],
    of_lost: set[str],
    register: Path,
    read_again: Sequence[str],
) -> str:
    """How to have the `gone` files read again: a folder not given (its files still there) is
    to be given, the command shown with the folders `given` and it (“如 huitoukan collect 回收
    复查” was shown whatever was missing, the very command refused: clerk trial 121); files
    taken out, to be kept (“旧版本不要删除” said of 第二轮回收 left out of the command: trial
    120), or put back, when they are the returns of departments lost (`of_lost`: a
    department's only return moved away was called 被替换的旧版本, trial 128); those read
    again and not counted (`read_again`, `_read_again`), said so."""
    there = {f for f in gone if still_there(f)}
    moved = [f for f in gone if f not in reviews and f not in there]
    there -= set(read_again)
    versions = [f for f in moved if f not in of_lost]
    advice = ""
    if away := [f for f in moved if f in of_lost]:
        # (named once: the refusal lists the files left out just before, trial 135)
        listed = "、".join(display_name(Path(f)) for f in away[:3]) + (
            f" 等 {len(away)} 个文件" if len(away) > 3 else ""
        )
        if set(away) == set(gone):
            listed = f"这 {len(away)} 份文件" if len(away) > 1 else "这份文件"
        renamed = sorted(
            {str(p) for f in away if not (p := _outside_archives(Path(f).parent)).exists()}
        )
        why, how = "被移走或删除", ""
        if renamed:
            why = f"{'、'.join(renamed)} 文件夹已不在，可能改了名"
            how = "请把改名后的文件夹一并给出，或"
        space = "" if listed.endswith("文件") else " "
        advice = f"{listed}{space}已不在原处（{why}）：{how or '请'}放回原处后重新汇总。"
    if versions:
        folder = _outside_archives(Path(versions[0]).parent)
        advice += (
            f"被替换的旧版本不要删除或移出，可移到 {folder / OLD_VERSIONS} 这样的子文件夹中，"
            "汇总时照样读取，其中的隐患和照片都保留。"
        )
    if there:  # the folder left out of the command; a file of the work folder itself by
        # name (“请把 . 文件夹一并给出” read every file of the campaign: clerk trial 125)
        here = Path.cwd()
        places = {f: _outside_archives(Path(f).parent) for f in there}
        outside = {p for p in places.values() if p.resolve() != here}
        # outermost only: 回收, not also its sub-folders (clerk trial 149)
        folders = sorted(str(p) for p in outside if not any(o in p.parents for o in outside))
        files = sorted(  # (a member of an archive there: the archive)
            {
                Path(f).resolve().relative_to(here).parts[0]
                for f, p in places.items()
                if p.resolve() == here
            }
        )
        # (回收/WeChat Files given, 回收 asked for: 回收 alone)
        kept = [
            g for g in given if not any(o.resolve() in Path(g).resolve().parents for o in outside)
        ]
        command = collect_command([*kept, *folders, *files], kept_elsewhere(register))
        # (“少了的…也不再计入” read as dropped already, nothing changed: clerk trial 171 X9)
        verdicts = "（不一并汇总的话，其中复查验收表的复查结论也不再计入）" if reviews else ""
        named = [f"{'、'.join(folders)} 文件夹"] if folders else []
        named += ["、".join(files)] if files else []
        advice += f"这些文件还在原处{verdicts}：请把 {'和'.join(named)} 一并给出（{command}）。"
    if read_again:
        listed = "、".join(display_name(Path(f)) for f in read_again[:3]) + (
            f" 等 {len(read_again)} 个文件" if len(read_again) > 3 else ""
        )
        if set(read_again) == set(gone):  # (named just before)
            listed = f"这 {len(gone)} 份文件" if len(gone) > 1 else "这份文件"
        space = "" if listed.endswith("文件") else " "
        advice += (
            f"{listed}{space}这次也读到了，但没有计入（处理结果与上次不同，如被判为待核对、重复报送；"
            "文件的修改时间变了，如整个文件夹复制过，判断可能与上次不同）：可先加 --out 写到另一个"
            "文件，看“报送记录”中它的处理结果。"
        )
    if any(f not in there and f not in read_again for f in reviews):  # its verdicts would go
        advice += "不一并汇总的话，少了的复查验收表的复查结论也不再计入：请把它放回原处一并汇总。"
    return advice


def _read_again(files: Sequence[str], given: Sequence[str]) -> list[str]:
    """The `files` still there in a folder `given`: read this time and not counted (a form
    set aside once a copy changed its files' times: 回收 was asked for, given already,
    clerk trial 177)."""
    folders = [Path(g).resolve() for g in given]
    return [
        f
        for f in files
        if still_there(f)
        and any(g == p or g in p.parents for g in folders for p in [Path(f).resolve()])
    ]


def _outside_archives(folder: Path) -> Path:
    """`folder`, or, a member's of an archive, the folder the archive is in (a folder inside
    a .zip was suggested: clerk trial 117)."""
    # the outermost: a folder in a zip in a zip (回收/总务基建处.zip/总务基建处 was
    # suggested: clerk trial 149)
    archive = outermost_archive(folder)
    return folder if archive is None else archive.parent


def _read_as_another(lost: Sequence[str], old: Coverage, new: Coverage) -> dict[str, str]:
    """Each of the `lost` departments whose files the new collection read all the same (the
    same bytes), as one other department's → its name ('' when as no department's)."""
    moved = {}
    for department in lost:
        files = [f for f, (_, whose) in old.sources.items() if whose == department]
        now = {new.sources[f][1] for f in files if f in new.sources}
        if (
            files
            and len(now) == 1
            and all(f in new.sources and new.sources[f][0] == old.sources[f][0] for f in files)
        ):
            moved[department] = now.pop()
    return moved


def _saved_over(
    lost: Sequence[str], old: Coverage, new: Coverage
) -> dict[str, list[tuple[str, str]]]:
    """Each of the `lost` departments a file of which holds another department's return now
    (other bytes under its name) → those files, each with the department it is now of."""
    over: dict[str, list[tuple[str, str]]] = {}
    for name, (sha, whose) in old.sources.items():
        if whose in lost and name in new.sources:
            now_sha, now = new.sources[name]
            if now_sha != sha and now and now != whose:
                over.setdefault(whose, []).append((name, now))
    return over
