"""The campaign: school, dates, departments and the 附件1 checklist.

The models map one to one onto the tables of `campaign.toml` (see `loading`), so a
validation error's location is also a place in the file.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from datetime import date
from functools import cached_property
from pathlib import Path

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from huitoukan.errors import CampaignError
from huitoukan.text import normalize_key

CAMPAIGN_FILE_NAME = "campaign.toml"
_LIST_SEPARATORS = re.compile(r"[,，、;；\s]+")
COLLEGES_PLACEHOLDER = "各二级学院"
"""The seed's collective name for the secondary colleges, expandable in campaign.toml."""


class PlacedError(ValueError):
    """A check of the whole campaign that knows where in campaign.toml the fault is (a
    table's index and key: `loading` turns it into a line number)."""

    def __init__(self, message: str, loc: tuple[str | int, ...]) -> None:
        super().__init__(message)
        self.loc = loc


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Unit(_Strict):
    """A department that receives a form and returns it."""

    name: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()
    formerly: tuple[str, ...] = ()
    """The names the department had since the campaign began, renamed since (the first its
    name then; one name or a list, renamed twice): returns and registers under them are
    this department's, and its hazards keep the 隐患编号 made of the first (the 复查验收表
    and 追责 decisions filled in name them; renamed a second time, one name alone lost
    them: clerk trial 91)."""

    @field_validator("formerly", mode="before")
    @classmethod
    def _names(cls, names: object) -> object:
        """One name, or a list of them."""
        return (names,) if isinstance(names, str) else names

    @field_validator("name")
    @classmethod
    def _trimmed(cls, name: str) -> str:
        """A name without the spaces or tab typed around it (教务处 followed by a tab
        was a department of its own on every form: clerk trial 79)."""
        name = name.strip(" \t\u3000\r\n")
        if any(ch in name for ch in "\t\r\n"):
            raise ValueError(f"部门名称“{name}”中有制表符或换行，请删去")
        return name

    @field_validator("aliases", "formerly")
    @classmethod
    def _names_trimmed(cls, names: tuple[str, ...]) -> tuple[str, ...]:
        # (one of spaces alone is none: clerk trial 81)
        return tuple(name for name in map(cls._trimmed, names) if name)

    @property
    def other_names(self) -> tuple[str, ...]:
        """The names, other than its own, a return or a register may give it."""
        return (*self.aliases, *self.formerly)


class ChecklistItem(_Strict):
    """One row of 附件1: an inspection item and the departments responsible for it."""

    category: str = Field(min_length=1)
    number: int = Field(ge=1)
    content: str = Field(min_length=1)
    methods: tuple[str, ...] = ()
    departments: tuple[str, ...] = Field(min_length=1)

    @property
    def label(self) -> str:
        """Short reference used in tables, e.g. 消防安全-2."""
        return f"{self.category}-{self.number}"

    @property
    def short(self) -> str:
        """What the form's drop-down offers: the label and the first words of the content,
        short enough to print on one line of the 检查内容 column (消防安全-2 宿舍楼、教学楼…)."""
        head = re.split(r"[。；;，,]", self.content, maxsplit=1)[0]
        bracket = re.search(r"[（(]", head)
        if bracket is not None and bracket.start() >= _BEFORE_A_BRACKET:
            head = head[: bracket.start()]  # (not 实训室（车间）… cut to 实训室: trial 211 BK12)
        return f"{self.label} {head[:12]}{'…' if len(head) > 12 else ''}"


_BEFORE_A_BRACKET = 10
"""Characters before a bracket that say enough of an item for the drop-down to stop there."""


def headline(school: str, title: str) -> str:
    """`school` followed by `title`, a 学校 (学院, 大学) ending one and beginning the other said
    once."""
    for word in ("学校", "学院", "大学"):
        if school.endswith(word) and title.startswith(word):
            return school + title[len(word) :]
    return school + title


class CampaignInfo(_Strict):
    school: str = Field(min_length=1)
    title: str = "学校安全问题专项整治“回头看”"
    document_number: str = ""
    issued_on: date
    returns_due: date
    ends_on: date
    default_deadline: date
    receiver: str = "安全保卫处"
    review_required: bool = False
    """A hazard reported 已完成 is 已销号 only after the receiving office's 复查验收 (合格)."""
    require_photo: bool = False
    """A hazard reported 已完成 without a photo is a warning (未附整改后照片)."""

    @property
    def name(self) -> str:
        """The campaign as its papers name it (school, title and 文号): what a register was
        made for, so that it is not judged by another campaign's dates and departments."""
        number = f"（{self.document_number}）" if self.document_number else ""
        return f"{self.school}{self.title}{number}"  # (as registers record it: not `headline`)

    @property
    def headline(self) -> str:
        """The school's name and the campaign's title, as titles begin: a school named …学校
        running 学校安全问题专项整治 is not 中等专业学校学校安全… (clerk trial 186 AL8)."""
        return headline(self.school, self.title)

    @property
    def number_year(self) -> int | None:
        """The year the 文号 was issued in (枣科职院办〔2023〕15号: 2023), when it says one
        and it is not the year of the campaign's dates: a campaign.toml made by `init` for a
        later year kept the built-in 文号, quoted on every form, notice and report (clerk
        trial 149)."""
        found = re.search(r"[〔\[［(（](\d{4})[〕\]］)）]", self.document_number)
        if found is None:
            return None
        year = int(found.group(1))
        return year if year not in (self.issued_on.year, self.returns_due.year) else None

    @property
    def leading_group(self) -> str:
        """The school's safety leading group, as its plan names it: a 学院's 学院安全工作领导小组
        (the plan's words: trial 54), any other school's 学校… (a 中学's report said 学院:
        trial 43)."""
        return f"{'学院' if self.school.endswith('学院') else '学校'}安全工作领导小组"

    @model_validator(mode="after")
    def _dates_in_order(self) -> CampaignInfo:
        if self.returns_due < self.issued_on:
            raise ValueError(
                f"报送截止日期 returns_due = {self.returns_due} 早于印发日期 issued_on = "
                f"{self.issued_on}，请检查两者的年份和月份"
            )
        if self.ends_on < self.issued_on:
            raise ValueError(
                f"活动截止日期 ends_on = {self.ends_on} 早于印发日期 issued_on = "
                f"{self.issued_on}，请检查两者的年份和月份"
            )
        if self.ends_on < self.returns_due:  # (collect said the campaign had ended before
            # the returns were due: clerk trial 124)
            raise PlacedError(
                f"活动截止日期 ends_on = {self.ends_on} 早于报送截止日期 returns_due = "
                f"{self.returns_due}，请检查两者的年份和月份",
                ("campaign", "ends_on"),
            )
        if self.default_deadline < self.issued_on:  # every hazard without one overdue at once
            raise PlacedError(
                f"默认整改时限 default_deadline = {self.default_deadline} 早于印发日期 issued_on"
                f" = {self.issued_on}，请检查两者的年份和月份",
                ("campaign", "default_deadline"),
            )
        return self


class Source(_Strict):
    """Where an assigned problem came from: an inspection (县级普查 …) or the school's own."""

    name: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()
    level: str = ""
    """县级 / 市级 / 省级 / 学校: whose check it was, for the 追责 rule."""
    sampled: bool = False
    """What the 督导组 samples from (`sample` by default): “随机抽查省级前6轮及‘四进’检查反映
    的问题” — 省级督查 and 四进 in the seed, not the 省级 审计调查. When no source says so,
    the 省级 ones (a campaign.toml written before this key)."""


class FindingsFile(_Strict):
    """The 交办问题清单 of this campaign (path relative to campaign.toml)."""

    file: Path | None = None


class TemplateFiles(_Strict):
    """The office's own edited copies of the templates (paths relative to campaign.toml)."""

    form: Path | None = None
    checklist: Path | None = None


_AUTHORITY = re.compile(
    r"(省|市|县|区)(?:教育厅|教育局|教育和体育局|教体局|人民政府|政府|安委会|安委办)"
)
"""The authority a title names (XX市教育局), by the level of its place."""


def authority_level(text: str) -> str:
    """The level (省级, 市级, 县级) of the authority `text` names ('' when none)."""
    authority = _AUTHORITY.search(normalize_key(text))
    if authority is None:
        return ""
    return f"{'县' if authority.group(1) == '区' else authority.group(1)}级"


class Campaign(_Strict):
    """A whole campaign as configured; `units` is the list of form recipients."""

    info: CampaignInfo = Field(alias="campaign")
    departments: tuple[Unit, ...] = Field(min_length=1)
    colleges: tuple[Unit, ...] = ()
    checklist: tuple[ChecklistItem, ...] = Field(min_length=1)
    sources: tuple[Source, ...] = ()
    findings: FindingsFile = FindingsFile()
    templates: TemplateFiles = TemplateFiles()

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @field_validator("departments", "colleges")
    @classmethod
    def _unique_names(cls, units: tuple[Unit, ...], info: ValidationInfo) -> tuple[Unit, ...]:
        seen: set[str] = set()
        for index, unit in enumerate(units):
            key = normalize_key(unit.name)
            if key in seen:
                raise PlacedError(
                    f"部门名称“{unit.name}”重复", (str(info.field_name), index, "name")
                )
            seen.add(key)
        return units

    @model_validator(mode="after")
    def _checklist_names_known_units(self) -> Campaign:
        known = {normalize_key(u.name) for u in self.departments} | {
            normalize_key(c.name) for c in self.colleges
        }
        if self.colleges:
            known.add(normalize_key(COLLEGES_PLACEHOLDER))
        names = [normalize_key(u.name) for u in self.units]
        owners: dict[str, str] = {}  # an alias → the department that has it
        for unit in self.units:
            for old in unit.formerly:  # (given as a rename's advice: its returns, hazards
                # and 隐患编号 went to the other department, clerk trial 124)
                if normalize_key(old) in names and normalize_key(old) != normalize_key(unit.name):
                    raise ValueError(
                        f"“{unit.name}”的旧名称“{old}”是另一个仍在名单中的部门：formerly 只写"
                        f"本部门改名前用过、现已不用的名称（这样写，“{old}”的报表和隐患都会算作"
                        f"“{unit.name}”的），请删去"
                    )
            for alias in unit.aliases:
                key = normalize_key(alias)
                if key in names and key != normalize_key(unit.name):
                    raise ValueError(  # whose alias: the line quoted is the other's name
                        f"“{unit.name}”的别名“{alias}”与另一个部门的名称相同：请从"
                        f"“{unit.name}”的 aliases 中删去"
                    )
                other = owners.setdefault(key, unit.name)
                if other != unit.name:  # it went to the first, silently (trial 48)
                    raise ValueError(
                        f"别名“{alias}”同时写在了“{other}”和“{unit.name}”下：表格或清单写"
                        f"“{alias}”时分不清是哪个部门，请只留在其中一个部门的 aliases 中"
                    )
        receiving = self.find_unit(self.info.receiver)
        if receiving is None:
            raise PlacedError(
                f"接收部门 receiver = “{self.info.receiver}”不在 departments 部门名单中（附件2 的"
                "填报说明请各部门报给它，催报时它的待办单列）；部门名单是："
                + "、".join(u.name for u in (*self.departments, *self.colleges)),
                ("campaign", "receiver"),
            )
        if receiving.name != self.info.receiver:  # named by an alias: by its name everywhere
            self.__dict__["info"] = self.info.model_copy(update={"receiver": receiving.name})
        # a department renamed, its old name kept as an alias: the checklist may say either
        by_alias = {
            normalize_key(alias): unit.name
            for unit in (*self.departments, *self.colleges)
            for alias in unit.other_names
        }
        # and the department's name as the list writes it (校医院 for 校　医院: no form had
        # the item, its department matched by its name's key only: clerk trial 79)
        by_key = {normalize_key(u.name): u.name for u in (*self.departments, *self.colleges)}
        unknown: dict[str, list[str]] = {}
        first: int | None = None
        items = []
        for index, item in enumerate(self.checklist):
            named = []
            for dept in item.departments:
                key = normalize_key(dept)
                if key in by_key:
                    dept = by_key[key]
                elif key not in known and key in by_alias:
                    dept = by_alias[key]
                elif key not in known:
                    unknown.setdefault(dept, []).append(item.label)
                    first = index if first is None else first
                named.append(dept)
            items.append(item.model_copy(update={"departments": tuple(named)}))
        if first is not None:
            listed = "；".join(f"“{d}”（{'、'.join(labels)}）" for d, labels in unknown.items())
            listing = "、".join(u.name for u in (*self.departments, *self.colleges))
            raise PlacedError(
                f"附件1 的责任部门不在 departments 部门名单中：{listed}。部门名单是：{listing}；"
                # formerly first: renaming the checklist alone left the returns already sent,
                # headed by the old name, to no department (clerk trial 117)
                '部门改了名称的，在该部门下写明旧名称（formerly = "旧名称"）：已报来的报表上的旧名照样'
                "认得，隐患编号保持不变；只是 checklist 写错的，改为名单中的名称",
                ("checklist", first, "departments"),
            )
        _colleges_have_items(self.colleges, items)
        # an item added at the end of the file under an earlier category is listed with it
        # (附件1 printed it as a second 消防安全 block after 校园安防: clerk trial 41)
        order: dict[str, int] = {}
        for item in items:
            order.setdefault(item.category, len(order))
        items.sort(key=lambda item: order[item.category])  # stable: each category's own order
        self.__dict__["checklist"] = tuple(items)  # frozen: set once, while validating
        return self

    @cached_property
    def units(self) -> tuple[Unit, ...]:
        """Departments that receive a form: 各二级学院 replaced by the named colleges, if any."""
        if not self.colleges:
            return self.departments
        result: list[Unit] = []
        for unit in self.departments:
            if unit.name == COLLEGES_PLACEHOLDER:
                result.extend(self.colleges)
            else:
                result.append(unit)
        if not any(u.name == COLLEGES_PLACEHOLDER for u in self.departments):
            result.extend(self.colleges)
        return tuple(result)

    def items_for(self, unit_name: str) -> tuple[ChecklistItem, ...]:
        """The 附件1 items a department is responsible for (colleges inherit 各二级学院's)."""
        is_college = any(c.name == unit_name for c in self.colleges)
        return tuple(
            item
            for item in self.checklist
            if unit_name in item.departments
            or (is_college and COLLEGES_PLACEHOLDER in item.departments)
        )

    def responsible_units(self, item: ChecklistItem) -> tuple[str, ...]:
        """The recipients responsible for `item`, with 各二级学院 expanded."""
        names: list[str] = []
        for dept in item.departments:
            if dept == COLLEGES_PLACEHOLDER and self.colleges:
                names.extend(c.name for c in self.colleges)
            else:
                names.append(dept)
        return tuple(names)

    def names_colleges(self, text: str) -> bool:
        """Whether `text` is 各二级学院, or an alias the campaign gives it (各年级部): every
        named college (the alias was refused in a 交办问题清单's 责任部门: clerk trial 128)."""
        group = next((u for u in self.departments if u.name == COLLEGES_PLACEHOLDER), None)
        aliases = group.aliases if group is not None else ()
        key = normalize_key(text)
        return bool(self.colleges) and any(
            key == normalize_key(name) for name in (COLLEGES_PLACEHOLDER, *aliases)
        )

    def named_unit(self, text: str) -> Unit | None:
        """The unit `text` names exactly, by its name or an alias."""
        return self._unit_keys.get(normalize_key(text))

    def find_unit(self, text: str) -> Unit | None:
        """The unit a department wrote its name as: exact name or alias, else the longest
        name or alias contained in the text (e.g. “枣庄科技职业学院安全保卫处（章）”)."""
        key = normalize_key(text)
        if not key:
            return None
        exact = self._unit_keys.get(key)
        if exact is not None:
            return exact
        for name_key, unit in self._unit_keys_longest_first:
            if name_key in key:
                return unit
        return None

    def units_in(self, text: str) -> list[Unit]:
        """Every unit `text` names, longest names first (a workbook named for two
        departments, 学工处和附属医院.xlsx, names both)."""
        key = normalize_key(text)
        found: list[Unit] = []
        for name_key, unit in self._unit_keys_longest_first:
            if name_key in key:
                key = key.replace(name_key, "\0")
                if unit not in found:
                    found.append(unit)
        return found

    @cached_property
    def renamed(self) -> dict[str, str]:
        """Former name → name, of the departments renamed since the campaign began."""
        return {old: u.name for u in self.units for old in u.formerly if old != u.name}

    @cached_property
    def _unit_keys(self) -> dict[str, Unit]:
        keys: dict[str, Unit] = {}
        for unit in self.units:
            for name in (unit.name, *unit.other_names):
                keys.setdefault(normalize_key(name), unit)
        keys.pop("", None)
        return keys

    @cached_property
    def _unit_keys_longest_first(self) -> list[tuple[str, Unit]]:
        return sorted(self._unit_keys.items(), key=lambda pair: -len(pair[0]))

    def find_source(self, text: str) -> Source | None:
        """The source a list names, by name or alias (省第六轮督查 → 省级督查)."""
        return self._source_keys.get(normalize_key(text))

    def named_source(self, typed: str) -> Source | None:
        """The source a row's 问题来源 names: by name or alias (省督查 → 省级督查), else the one
        source it names within it, as a title does (市教育局抽查, 省督查（第六轮）); None when
        it names none, or several."""
        if not typed:
            return None
        found = self.find_source(typed)
        if found is None:
            named = self.sources_in(typed)
            found = named[0] if len(named) == 1 else None
        return found

    def sources_in(self, text: str) -> list[Source]:
        """The sources a title names within it (“2026年省级督查发现问题清单” → 省级督查), by
        name or alias, each once, the longest named first; 其他 only when no other is."""
        key = normalize_key(text)
        found: dict[str, tuple[int, Source]] = {}
        for name, source in self._source_keys.items():
            if name and name in key and len(name) > found.get(source.name, (0, source))[0]:
                found[source.name] = (len(name), source)
        named = [s for _, s in sorted(found.values(), key=lambda f: -f[0])]
        specific = [s for s in named if s.name != "其他"]
        return specific or named or self._sources_by_level(key)

    def _sources_by_level(self, key: str) -> list[Source]:
        """The sources a title names by its level's place and its kind apart (“XX县教育和体育局
        学校安全隐患普查发现问题清单”: 县 … 普查 → 县级普查, read as no source: clerk trial
        86): a source named level-then-kind (县级普查) whose two parts the title holds."""
        found = []
        for source in self.sources:
            level = normalize_key(source.level)
            name = normalize_key(source.name)
            if len(level) < 2 or not name.startswith(level) or len(name) <= len(level):
                continue
            if level[0] in key and name[len(level) :] in key:
                found.append(source)
        if found:
            return found
        # or by the authority that inspected (“枣庄市教育局校园安全专项检查…”: 市 → 市级抽查,
        # the one source of that level; read as no source, clerk trial 102)
        of_level = self.sources_of_authority(key)
        return of_level if len(of_level) == 1 else []

    def sources_of_authority(self, text: str) -> list[Source]:
        """The sources of the level of the authority `text` names (省教育厅 → 省级督查, 四进巡查,
        审计调查): one names its source; several are for the clerk to choose from."""
        level = authority_level(text)
        if not level:
            return []
        return [s for s in self.sources if normalize_key(s.level).startswith(level[0])]

    @cached_property
    def _source_keys(self) -> dict[str, Source]:
        keys: dict[str, Source] = {}
        for source in self.sources:
            for name in (source.name, *source.aliases):
                keys.setdefault(normalize_key(name), source)
        return keys

    def resolve_units(self, names: Sequence[str]) -> tuple[Unit, ...]:
        """Units for names typed on the command line (several may be given in one, separated
        by commas, 、 or spaces); an unknown name raises CampaignError with the closest ones."""
        result: list[Unit] = []
        for name in (n for typed in names for n in _LIST_SEPARATORS.split(typed) if n):
            unit = self.named_unit(name)
            if unit is None:
                raise CampaignError(self._unknown_unit(name))
            if unit not in result:
                result.append(unit)
        return tuple(result)

    def _unknown_unit(self, name: str) -> str:
        known = "、".join(u.name for u in self.units)
        return f"没有名为“{name}”的部门。{self.unit_hint(name)}可用的部门：{known}"

    def unit_hint(self, name: str, cutoff: float = 0.5) -> str:
        """“是不是“…”？” naming the units closest to a name that is none of them ('' when
        none is as close as `cutoff`: difflib's ratio, 0.83 for one character in six), else
        those it is one character off after the same first (教物处 for 教务处, 0.67, was
        asked nothing where a typo, not a guess, is asked about: clerk trial 124; 财务处 is
        not 总务处). A name of three characters or fewer is close to one of the same first
        only: 财务处 and 总务处 share what every 处 has (财务处 was asked “是不是总务基建处”:
        clerk trial 145)."""
        spelled = {n: u.name for u in self.units for n in (u.name, *u.aliases)}
        close = [
            known
            for known in difflib.get_close_matches(name, list(spelled), n=3, cutoff=cutoff)
            if len(name) > 3 or known[:1] == name[:1]
        ] or [
            known
            for known in spelled
            if len(known) == len(name) > 2
            and known[0] == name[0]
            and sum(a != b for a, b in zip(known, name, strict=True)) == 1
        ]
        guesses = list(dict.fromkeys(spelled[c] for c in close))
        return f"是不是“{'”或“'.join(guesses)}”？" if guesses else ""


def _colleges_have_items(colleges: tuple[Unit, ...], items: list[ChecklistItem]) -> None:
    """[[colleges]] that no 附件1 item names, neither as 各二级学院 nor by name: a 中学 calling
    them 各年级部 issued 各年级部 a form with the items and each 年级部 one with none (clerk
    trial 126): refused, saying what the colleges stand for."""
    named = {d for item in items for d in item.departments}
    if not colleges or COLLEGES_PLACEHOLDER in named or any(c.name in named for c in colleges):
        return
    listed = "、".join(c.name for c in colleges)
    raise PlacedError(
        f"[[colleges]] 列出的 {listed} 没有负责的检查项目：它们各自承担附件1中责任部门写作"
        f"“{COLLEGES_PLACEHOLDER}”的项目，而 checklist 中没有“{COLLEGES_PLACEHOLDER}”。统称这些"
        f"单位的部门（如“各年级部”）请把 name 改为“{COLLEGES_PLACEHOLDER}”，原名写在它的 aliases "
        "中（checklist 照样可写原名），各单位即分别承担它的项目、各自报送；或在 checklist 中"
        "直接写各单位的名称",
        ("colleges", 0, "name"),
    )
