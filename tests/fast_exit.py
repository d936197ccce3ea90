"""Leaving pytest without Python's slow shutdown.

A process that ran its share of the suite holds some 400,000 objects; Python's own shutdown
(freeing every module and every object) then takes about 1.5 s after the last report, and the
controller waits for both workers' and then takes as long itself: 3 s of every `make test`.
Once pytest is done, the exit handlers run (logging, coverage's data) and the process leaves.
A worker leaves when pytest unconfigures it, after it sent its results and its coverage; the
controller when pytest.main returns, when run as `python -m tests` (the Makefile does).
"""

import atexit
import os
import sys

import pytest


def exit_now(code: int):
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(int(code))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    if hasattr(config, "workerinput"):
        exit_now(0)
