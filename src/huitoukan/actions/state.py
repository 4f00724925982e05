"""Where the campaign stands: hazards and returned departments, from a register or from returns.

`status`, `remind`, `report` and `issue --followup` accept either the register collect
wrote or the folder of returns itself; both give the same state.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from huitoukan.actions.findings import load_findings
from huitoukan.campaign import CAMPAIGN_FILE_NAME, Campaign, default_campaign
from huitoukan.campaign.loading import written_over_hint
from huitoukan.dates import chinese_date
from huitoukan.errors import InputError
from huitoukan.files import (
    as_argument,
    collect_command,
    display_name,
    given_input,
    near_names,
)
from huitoukan.findings.answers import as_answers
from huitoukan.model.findings import Finding
from huitoukan.register.crosschecks import (
    CheckedList,
    crosschecks_path,
    recorded_crosschecks,
    relisted,
)
from huitoukan.register.history import copied_from, earlier_registers, kept_for
from huitoukan.register.layout import REGISTER_FILE, kept_elsewhere
from huitoukan.register.merging import Collection
from huitoukan.register.reading import is_register, read_register
from huitoukan.register.record import (
    RegisterState,
    missing_named,
    records_missing,
    registers_under,
    rounds_alone,
)
from huitoukan.register.rounds import issued_rounds
from huitoukan.register.status import StatusReport, build_status
from huitoukan.returns.photos import PhotoStore


def load_state(
    campaign: Campaign,
    sources: Sequence[Path] = (),
    as_of: date | None = None,
    findings: Sequence[Finding] | None = None,
    photos: PhotoStore | None = None,
) -> RegisterState:
    """From one register, or by collecting (in memory) the returns in `sources` as of
    `as_of`, matched to `findings` (their photos kept in `photos`); without sources, the
    register in the working folder. Given, `findings` replace those the register was
    made against; not given, the returns are matched to campaign.toml's list, as collect
    matches them (without it, every answer to an assigned problem read as a finding of
    the department's own check: crosscheck blamed the departments for missing the very
    problems they had been handed, clerk trial 66)."""
    by_default = not sources
    sources = [given_input(source) for source in sources] or [Path(REGISTER_FILE)]
    for source in sources:
        if not source.exists():
            # (the register's own name given, from the folder above: trial 172 Y3)
            looked_for = by_default or source == Path(REGISTER_FILE)
            elsewhere = registers_under(Path(), campaign.info.name) if looked_for else []
            if looked_for and not elsewhere and not Path(CAMPAIGN_FILE_NAME).is_file():
                # run from the folder above the campaign's, with the built-in campaign: its
                # register is another campaign's (“请先运行 collect 生成台账”, where collect
                # said where to run: clerk trial 194 AT4)
                elsewhere = [
                    r
                    for r in registers_under(Path(), None)
                    if (r.parent / CAMPAIGN_FILE_NAME).is_file()
                ]
            raise InputError(
                f"找不到 {source}："
                + (
                    near_names(source)
                    # (“请先运行 collect” beside the register, given by another name: trial 171)
                    or (f"是不是 {REGISTER_FILE}？" if Path(REGISTER_FILE).is_file() else "")
                    or (_elsewhere(elsewhere) if elsewhere else "")
                    or "请先运行 huitoukan collect 生成台账，或指定报回表格所在的文件夹"
                )
            )
    if len(sources) == 1 and sources[0].is_file() and is_register(sources[0]):
        state = read_register(sources[0])
        if state.campaign and state.campaign != campaign.info.name:
            # (the built-in campaign's told so; not a campaign.toml's: clerk trial 128)
            builtin = campaign.info == default_campaign().info
            raise InputError(
                f"{display_name(sources[0])} 是“{state.campaign}”的台账，而这次用的活动配置是"
                f"“{campaign.info.name}”"
                f"{'（文件夹中没有 campaign.toml 时用的是内置默认活动）' if builtin else ''}："
                "按另一次活动的日期和部门会算出错误的逾期和催报，未做任何改动。"
                "请在台账所在的工作文件夹（有 campaign.toml 的文件夹）中运行，"
                "或用 --campaign 指定这次活动的 campaign.toml；campaign.toml 已改为新一次活动的，"
                "新一次活动请在新的工作文件夹中开始（huitoukan init）；台账是从那次活动的文件夹"
                "复制过来、放错了的，请运行 huitoukan collect 加 --force 按本次的报表重建（原台账"
                "另存备份）" + written_over_hint()
            )
        version_of = _version_of(sources[0], campaign.info.name)
        if version_of is None:  # (a version has no records beside it: its sheets are read)
            _refuse_without_records(sources[0], state)
        named = {*state.returned, *(h.department for h in state.hazards)}
        if aliased := {
            old: unit.name
            for old in sorted(named)
            if (unit := campaign.named_unit(old)) is not None
            and unit.name != old
            and old not in campaign.renamed
        }:
            # its old name written as an alias of the new: collect refuses, and status, remind,
            # report and issue --followup ran on the register under the old name, the
            # department 尚未报送 in the letters, its follow-up form empty (clerk trial 149)
            names = "、".join(f"“{old}”写作了“{new}”的别名" for old, new in aliased.items())
            formerly = "；".join(f'formerly = "{old}"' for old in aliased)
            raise InputError(
                f"campaign.toml 中{names}，而 {display_name(sources[0])} 是按“"
                f"{'”“'.join(aliased)}”汇总的：这样改名，这个部门在台账中算作未报送，"
                f"其隐患也对应不上，未做任何改动。部门改了名称的，请在 campaign.toml 新名称的部门下"
                f"写明旧名（{formerly}，不写在别名中），再运行 {collect_command(state.looked_in, kept_elsewhere(sources[0]))} "
                "重新汇总（隐患编号不变）"
            )
        renamed = [f"{old}→{new}" for old, new in campaign.renamed.items() if old in state.returned]
        if renamed:  # its sheets and letters would name a department that is no longer
            raise InputError(
                f"campaign.toml 已把部门改名（{'、'.join(renamed)}），而 {display_name(sources[0])} "
                f"还是改名前汇总的：请先运行 {collect_command(state.looked_in, kept_elsewhere(sources[0]))} 重新汇总（隐患编号不变），"
                "未做任何改动"
            )
        fact = state.latest_fact()
        if as_of is not None and fact is not None and as_of < fact[0]:
            latest, where = fact  # named: which one to look at (clerk trial 59)
            raise InputError(
                f"{display_name(sources[0])} 中有 {chinese_date(latest)} 的内容（{where}），"
                f"不能据此统计更早的 {chinese_date(as_of)}：那以后的隐患和销号会被"
                "算进去。"
                + (
                    earlier_registers(sources[0], as_of)
                    # no way forward said (clerk trial 78): there is none from this register
                    or "台账旁的历史版本中没有统计这一天或更早的台账，那一天的情况无法从台账还原"
                )
            )
        state = state.model_copy(
            update={
                "rounds": issued_rounds(sources[0], campaign.renamed),
                "crosschecks": _crosschecks(sources[0], version_of, as_of),
                "register_file": str(sources[0]),
            }
        )
        if findings is not None:
            hazards = as_answers(findings, state.hazards)
            state = state.model_copy(update={"findings": list(findings), "hazards": hazards})
        return state.model_copy(update={"findings": relisted(state.findings, state.crosschecks)})
    from huitoukan.actions.collect import collect, refuse_without_returns

    def listed() -> Sequence[Finding]:
        found = load_findings(campaign)
        return found.findings if found else ()

    given = listed if findings is None else findings  # read while the returns are
    collection = collect(campaign, sources, as_of=as_of, findings=given, photos=photos)
    refuse_without_returns(collection, reviews_count=False)
    _refuse_unreadable_files(sources, collection)
    return RegisterState.model_construct(
        hazards=collection.hazards,
        returned=collection.returned(),
        signed=collection.signed(),
        files=collection.files_read,
        findings=collection.findings,
        mentions=collection.mentions,
        unreadable=collection.unreadable(),
        unreadable_why=collection.unreadable_reasons(),
        old_forms=collection.old_forms(),
        borrowed=collection.borrowed_forms(),
        form_errors=collection.form_errors(),
        set_aside=collection.set_aside(),
        counted_for=collection.counted_for_header(),
        latest=collection.latest_dates(),
        sent=collection.sent_days(),
        assigned_on=collection.assigned_on,
        reviews_not_taken=collection.reviews_not_taken(),
        looked_in=[display_name(source) for source in sources if source.is_dir()],
    )


def status_of(
    campaign: Campaign,
    sources: Sequence[Path],
    as_of: date,
    due_within: int = 7,
    departments: Iterable[str] = (),
    findings_file: Path | None = None,
) -> StatusReport:
    """The status of the campaign as of `as_of` (departments by name or alias), with the
    assigned problems of `findings_file`, campaign.toml's list, or the register's."""
    names = [u.name for u in campaign.resolve_units(list(departments))] if departments else []
    listed = load_findings(campaign, findings_file)
    state = load_state(campaign, sources, as_of, listed.findings if listed else None)
    return status_of_state(campaign, state, as_of, due_within, names)


def status_of_state(
    campaign: Campaign,
    state: RegisterState,
    as_of: date,
    due_within: int = 7,
    departments: Sequence[str] = (),
) -> StatusReport:
    """`build_status` of what a register (or a collect in memory) holds."""
    return build_status(
        campaign,
        state.hazards,
        state.returned,
        as_of,
        due_within,
        departments,
        state.findings,
        state.unreadable,
        unreadable_why=state.unreadable_why,
        set_aside=state.set_aside,
        counted_for=state.counted_for,
        rounds=state.rounds,
        latest=state.latest,
        sent=state.sent,
        dues_before=state.dues_before,
        reviews_not_taken=state.reviews_not_taken,
        old_forms=state.old_forms,
        borrowed=state.borrowed,
        form_errors=state.form_errors,
        assigned_on=state.assigned_on,
        away=state.away,
        crosschecks=state.crosschecks,
    )


def _elsewhere(registers: Sequence[Path]) -> str:
    """Where the campaign's register is, found under the working folder: to be run there
    when a campaign.toml is beside it and none here (its path given, the next command said
    to run there: clerk trial 171 X7)."""
    said = f"本次活动的台账在 {'、'.join(map(as_argument, registers))}（此前汇总到那里）"
    folders = [r.parent for r in registers if (r.parent / CAMPAIGN_FILE_NAME).is_file()]
    if len(registers) == 1 and folders and not Path(CAMPAIGN_FILE_NAME).is_file():
        return f"{said}，旁边有它的活动配置 {CAMPAIGN_FILE_NAME}：请到 {as_argument(folders[0])} 文件夹中运行"
    return f"{said}，请在命令中写上它的路径"


def _refuse_without_records(register: Path, state: RegisterState) -> None:
    """InputError when `register` shows photos (or had follow-up rounds) but the records
    beside it that say whose they are (and the rounds) are not there: a working folder
    copied without its hidden files — status counted those photos missing, remind asked
    the departments again for what they had sent, the rounds went unchased (trial 158)."""
    missing = records_missing(register)
    rounds = [name for name in missing if name.endswith(".rounds.json")]
    if not (missing and (state.photos_shown or rounds)):
        return
    raise InputError(
        f"{display_name(register)} 旁没有上次汇总留下的记录文件（是隐藏文件："
        f"{missing_named(register, missing)}）："
        + (
            "跟进轮（下发、截止日期）记在其中，没有它不会催报跟进轮，没有继续。"
            if rounds_alone(register, missing)
            else "照片属于哪项隐患、跟进轮等都记在其中，没有它们统计和催报会出错（如向部门催要已"
            "报送的照片），没有继续。"
        )
        + "复制或移动工作文件夹时请连同"
        "隐藏文件一起（Windows 资源管理器中先勾选“查看 → 显示 → 隐藏的项目”，或复制整个文件夹），"
        "把它们放回台账旁后再运行；或回到原来的工作文件夹中运行"
    )


def _version_of(register: Path, campaign: str) -> Path | None:
    """The register `register` is a version of: kept in its history, or copied out of it
    (by its bytes, among the working folder's registers of `campaign`); None when it is one
    itself (its own records or crosschecks beside it)."""
    kept = kept_for(register)
    if kept is None and records_missing(register) and not crosschecks_path(register).is_file():
        kept = copied_from(register, registers_under(Path(), campaign))
    return kept


def _crosschecks(register: Path, version_of: Path | None, as_of: date | None) -> list[CheckedList]:
    """The crosschecks recorded beside `register` — or, a version of a register
    (`version_of`), beside that register, those judged by `as_of`."""
    if version_of is None:
        return recorded_crosschecks(register)
    return [c for c in recorded_crosschecks(version_of) if as_of is None or c.checked_on <= as_of]


def _refuse_unreadable_files(sources: Sequence[Path], collection: Collection) -> None:
    """InputError when the files given (no folder) are neither a register nor a return that
    can be read: a damaged register, campaign.toml — read as a returns folder holding none,
    they gave “隐患 0 项，已报送 0 个部门”, exit 0, and a report saying so (clerk trial 84).
    (An empty returns folder is a campaign nobody has answered yet: said as it is.)"""
    if not all(source.is_file() for source in sources):
        return
    if any(f.readable and not f.not_a_return for f in collection.forms):
        return
    why = [f"{display_name(Path(f.file))}（{f.reason}）" for f in collection.forms if f.reason]
    why += [f"{display_name(Path(s.file))}（{s.reason}）" for s in collection.skipped]
    raise InputError(
        "给出的文件不是全校隐患台账，也不是可以读取的部门报表"
        + (f"：{'；'.join(why)}" if why else "")
        + "。未做任何改动：请指定 huitoukan collect 生成的全校隐患台账（如 全校隐患台账.xlsx），"
        "或报回表格所在的文件夹"
    )
