"""`python -m tests`: pytest, leaving without Python's slow shutdown (tests/fast_exit.py)."""

import pytest

from tests.fast_exit import exit_now

exit_now(pytest.console_main())
