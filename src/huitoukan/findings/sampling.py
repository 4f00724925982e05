"""Rehearsing the 督导组's random pick: N assigned problems, the same ones for the same seed."""

from __future__ import annotations

import random
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from huitoukan.files import natural_key
from huitoukan.model.findings import Finding


@dataclass(frozen=True)
class Sample:
    findings: list[Finding]
    """The problems picked, in 编号 order."""
    seed: int
    """The seed that picks them again (`--seed`)."""
    pool: int
    """How many problems they were picked from."""
    unassigned: int = 0
    """How many of those have no responsible department yet (未分配)."""
    sources: tuple[str, ...] = ()
    """The sources they were picked from (all, when empty)."""
    chosen_sources: bool = False
    """The sources were asked for (--source), not the plan's default."""
    plan_unlisted: tuple[str, ...] = ()
    """The plan's sources (those campaign.toml marks sampled), when the list holds none of
    them and the pick was made from all (said: the scope widened unsaid, clerk trial 122)."""


def pick(
    findings: Sequence[Finding],
    count: int | None,
    seed: int | None = None,
    sources: Sequence[str] = (),
) -> Sample:
    """`count` problems of `sources` (all sources when empty) at random, or all of them
    (`count` None); without a seed, one is drawn and returned so the pick can be repeated."""
    pool = [f for f in findings if not sources or f.source in sources]
    pool.sort(key=lambda f: natural_key(f.number))
    seed = secrets.randbelow(1_000_000) if seed is None else seed
    chosen = pool if count is None else random.Random(seed).sample(pool, min(count, len(pool)))
    chosen.sort(key=lambda f: natural_key(f.number))
    return Sample(chosen, seed, len(pool), sum(not f.departments for f in pool), tuple(sources))


PLAN_LEVEL = "省级"
"""The 督导组 picks from what provincial checks found: “随机抽查省级前6轮及‘四进’检查反映的
5个问题” (回头看工作方案 四、（一））."""
