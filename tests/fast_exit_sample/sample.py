"""Run only by tests/test_fast_exit.py (its name does not start with test_)."""

import os


def test_passes():
    pass


def test_fails_when_told():
    assert os.environ.get("FAST_EXIT_SAMPLE") != "fail"
