"""Drive LibreOffice Calc through UNO, as a department's office suite: type into cells,
insert rows, save as other formats.  Runs under Debian's /usr/bin/python3 (the one
with `uno`), as a child process of the tests:

    /usr/bin/python3 lo_driver.py JOB.json

JOB: {"input": path, "outputs": {"xlsx": path, ...}, "typed": [[sheet, cell, text]...],
      "entered": [[sheet, cell, text]...], "insert_rows": [[sheet, 0-based row]...]}
`typed` texts go through Calc's own input recognition (setFormula, as typing does);
`entered` texts are typed into the cell as a person does (.uno:EnterString), which also
gives the cell the number format of what was typed (100% a percentage, 12:30 a time),
in a zh-CN profile (scripts/lo-profile.xcu). Each run has its own throw-away profile and its own soffice
listening on a private pipe, and always shuts it down.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

FILTERS = {
    "xlsx": "Calc MS Excel 2007 XML",
    "xls": "MS Excel 97",
    "ods": "calc8",
    "pdf": "calc_pdf_Export",
}
PROFILE_SETTINGS = Path(__file__).resolve().parents[2] / "scripts" / "lo-profile.xcu"


def props(**values: object) -> tuple[object, ...]:
    result = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name, prop.Value = name, value
        result.append(prop)
    return tuple(result)


def connect(pipe: str, deadline: float) -> tuple[object, object]:
    """The desktop, and the helper that dispatches commands as the menus and keys do."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    while True:
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return context.ServiceManager.createInstanceWithContext(
                "com.sun.star.frame.Desktop", context
            ), context.ServiceManager.createInstanceWithContext(
                "com.sun.star.frame.DispatchHelper", context
            )
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def run(job: dict[str, object]) -> None:
    work = Path(tempfile.mkdtemp(prefix="lo-driver-"))
    profile = work / "profile"
    (profile / "user").mkdir(parents=True)
    shutil.copyfile(PROFILE_SETTINGS, profile / "user" / "registrymodifications.xcu")
    private = work / ("input" + Path(str(job["input"])).suffix)
    shutil.copyfile(str(job["input"]), private)  # a crash leaves its lock beside this copy only
    pipe = f"huitoukan-{uuid.uuid4().hex}"
    soffice = shutil.which("soffice") or "/usr/bin/soffice"
    env = dict(os.environ, LANG="zh_CN.UTF-8", LC_ALL="C.UTF-8")
    process = subprocess.Popen(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    try:
        desktop, dispatcher = connect(pipe, time.monotonic() + 60)
        document = desktop.loadComponentFromURL(private.as_uri(), "_blank", 0, props(Hidden=True))
        sheets = document.Sheets
        for sheet_name, row in job.get("insert_rows", []):  # type: ignore[union-attr]
            sheets.getByName(sheet_name).Rows.insertByIndex(row, 1)
        for sheet_name, cell, text in job.get("typed", []):  # type: ignore[union-attr]
            sheets.getByName(sheet_name).getCellRangeByName(cell).setFormula(text)
        controller = document.getCurrentController()
        for sheet_name, cell, text in job.get("entered", []):  # type: ignore[union-attr]
            controller.setActiveSheet(sheets.getByName(sheet_name))
            frame = controller.getFrame()
            dispatcher.executeDispatch(frame, ".uno:GoToCell", "", 0, props(ToPoint=cell))
            dispatcher.executeDispatch(frame, ".uno:EnterString", "", 0, props(StringName=text))
        for kind, out in dict(job.get("outputs", {})).items():  # type: ignore[arg-type]
            document.storeToURL(
                Path(out).resolve().as_uri(), props(FilterName=FILTERS[kind], Overwrite=True)
            )
        document.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    run(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")))
