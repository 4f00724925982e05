"""Where the 附件1 and 附件2 template workbooks are.

Installed, they ship inside the package (`huitoukan/templates/`); in a source
checkout they are the repository's `templates/` folder. A campaign may point at
the office's own edited copies instead.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from huitoukan.errors import TemplateError

CHECKLIST_TEMPLATE = "附件1.xlsx"
FORM_TEMPLATE = "附件2.xlsx"


def template_path(name: str, override: Path | None = None) -> Path:
    if override is not None:
        if not override.is_file():
            raise TemplateError(f"找不到模板文件 {override}")
        return override
    packaged = resources.files("huitoukan") / "templates" / name
    if packaged.is_file():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[3] / "templates" / name  # src/huitoukan/forms/
    if checkout.is_file():
        return checkout
    raise TemplateError(f"找不到内置模板 {name}，安装可能不完整，请重新安装 huitoukan")
