"""`python -m tests` (make test) leaves without Python's shutdown but keeps pytest's exit code:
a failing test must still fail `make test` and CI (tests/fast_exit.py)."""

import os
import subprocess
import sys

import pytest
from django.conf import settings


@pytest.mark.parametrize("workers", ["0", "2"])
@pytest.mark.parametrize(("outcome", "code"), [("pass", 0), ("fail", 1)])
def test_the_exit_code_is_pytests(workers, outcome, code):
    result = subprocess.run(  # noqa: S603 - our own interpreter and test runner
        [sys.executable, "-m", "tests", "-n", workers, "-q", "tests/fast_exit_sample/sample.py"],
        cwd=settings.BASE_DIR,
        env={**os.environ, "FAST_EXIT_SAMPLE": outcome},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    assert result.returncode == code, result.stdout + result.stderr
    summary = "2 passed" if outcome == "pass" else "1 failed, 1 passed"
    assert summary in result.stdout
