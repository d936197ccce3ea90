"""Fail when the source has translatable strings that locale/da/LC_MESSAGES/django.po lacks.

Runs makemessages on a scratch copy of the catalogue and compares the sets of msgids; the
test suite (tests/test_translations.py) checks that every entry is translated and that
django.mo is compiled from the current django.po.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale" / "da" / "LC_MESSAGES" / "django.po"


def msgids(path: Path) -> set[tuple[str | None, str]]:
    return {(e.msgctxt, e.msgid) for e in polib.pofile(str(path)) if not e.obsolete}


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        backup = Path(scratch) / "django.po"
        shutil.copy2(PO, backup)
        try:
            subprocess.run(
                [
                    sys.executable,
                    "manage.py",
                    "makemessages",
                    "-l",
                    "da",
                    "--no-obsolete",
                    "--ignore=.venv",
                    "--ignore=var",
                    "--ignore=bench",
                ],
                cwd=ROOT,
                check=True,
                capture_output=True,
            )
            fresh = msgids(PO)
        finally:
            shutil.copy2(backup, PO)
        committed = msgids(PO)
    missing = sorted(m for _, m in fresh - committed)
    stale = sorted(m for _, m in committed - fresh)
    if missing or stale:
        for msgid in missing:
            print(f"not in django.po: {msgid!r}")
        for msgid in stale:
            print(f"no longer in the source: {msgid!r}")
        print("Run `make messages`, translate, `make compilemessages`, and commit both files.")
        return 1
    print(f"locale/da: {len(committed)} strings, all present in the source.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
