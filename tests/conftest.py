from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir
from typer.testing import CliRunner

from huitoukan.campaign import Campaign, default_campaign
from huitoukan.campaign.loading import default_campaign_text, parse_campaign

# Tests never write into the repository: no example database, hypothesis's own files in a
# temporary folder, taken away when the tests end (every run left one behind: 521 of them)
_HYPOTHESIS_HOME = tempfile.mkdtemp(prefix="huitoukan-hypothesis-")
atexit.register(shutil.rmtree, _HYPOTHESIS_HOME, ignore_errors=True)
set_hypothesis_home_dir(_HYPOTHESIS_HOME)
settings.register_profile("huitoukan", database=None)
settings.load_profile("huitoukan")

COLLEGES = """
[[colleges]]
name = "机电工程学院"
aliases = ["机电学院"]

[[colleges]]
name = "信息工程学院"
aliases = ["信息学院"]

[[colleges]]
name = "经济管理学院"
aliases = ["经管学院"]
"""


def campaign_with_colleges_text() -> str:
    text = default_campaign_text()
    marker = "# 附件1 项目清单"
    return text.replace(marker, COLLEGES + "\n" + marker)


@pytest.fixture
def campaign() -> Campaign:
    return default_campaign()


@pytest.fixture
def college_campaign() -> Campaign:
    return parse_campaign(campaign_with_colleges_text(), "campaign.toml")


@pytest.fixture
def chdir_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("COLUMNS", "200")
    return CliRunner()
