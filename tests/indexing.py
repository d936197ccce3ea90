"""Wagtail's search index and reference index, kept up to date only where tests read them.

Every save of a page, a course, a network, an association or an offer updates both indexes
(the post_save receivers of modelsearch and Wagtail, and ours in cms.signal_handlers that
index a course again when its topics change): about 3.5 ms and 2 ms of a course's
6.5 ms in a factory, and a seventh of `make test` in all. Most tests never search and never ask
where something is used, so the receivers are disconnected for the session and connected only
around tests marked `indexes`, browser tests, and the data that `build_once` and
`demo_snapshot` build once for many tests (tests/conftest.py).

Reading either index while the receivers are off fails with IndexNotKept instead of finding an
index that saves did not keep: a search that finds nothing would make a test that a hidden
course is not found pass for the wrong reason.
"""

from contextlib import contextmanager

import pytest
from django.db.models.signals import m2m_changed, post_save
from modelsearch import index as search_index
from modelsearch import signal_handlers as search_signals
from modelsearch.backends.base import BaseSearchBackend
from wagtail import signal_handlers as wagtail_signals
from wagtail.models import ReferenceIndex

from cms import signal_handlers as cms_signals
from courses.models import Course
from taxonomy.models import Topic

# Every way Wagtail reads the reference index (wagtail/models/reference_index.py); search()
# and autocomplete() both go through BaseSearchBackend._search.
REFERENCE_READERS = (
    "get_references_for_object",
    "get_references_to",
    "get_references_to_in_bulk",
    "get_count_references_to_in_bulk",
    "get_grouped_references_to",
    "get_grouped_references_to_in_bulk",
    "usage_count_subquery",
)


class IndexNotKept(AssertionError):
    pass


class _State:
    kept = 0  # how many `kept()` blocks are open


def _check():
    if not _State.kept:
        raise IndexNotKept(
            "this test reads Wagtail's search or reference index, which saves keep up only "
            "in tests marked @pytest.mark.indexes (tests/indexing.py)"
        )


def _guarded(function):
    def guarded(*args, **kwargs):
        _check()
        return function(*args, **kwargs)

    return guarded


def _disconnect():
    wagtail_signals.disconnect_reference_index_signal_handlers()
    for model in search_index.get_indexed_models():
        search_signals.post_save.disconnect(search_signals.post_save_signal_handler, sender=model)
    # Ours: a course indexed again when its topics change or a topic is renamed.
    m2m_changed.disconnect(sender=Course.topics.through, dispatch_uid="cms_course_topics_index")
    post_save.disconnect(sender=Topic, dispatch_uid="cms_topic_index")


def _connect():
    search_signals.register_signal_handlers()
    wagtail_signals.connect_reference_index_signal_handlers()
    cms_signals.register_signal_handlers()  # connects by dispatch_uid: the others stay single


@contextmanager
def kept():
    """Saves inside keep both indexes up to date, and tests may read them."""
    if not _State.kept:
        _connect()
    _State.kept += 1
    try:
        yield
    finally:
        _State.kept -= 1
        if not _State.kept:
            _disconnect()


@pytest.fixture(scope="session", autouse=True)
def _indexes_off_by_default():
    originals = {"_search": BaseSearchBackend.__dict__["_search"]}
    BaseSearchBackend._search = _guarded(originals["_search"])
    for name in REFERENCE_READERS:
        originals[name] = ReferenceIndex.__dict__[name]
        setattr(ReferenceIndex, name, classmethod(_guarded(originals[name].__func__)))
    _disconnect()
    yield
    _connect()
    BaseSearchBackend._search = originals.pop("_search")
    for name, original in originals.items():
        setattr(ReferenceIndex, name, original)


@pytest.fixture(autouse=True)
def _indexes_where_read(request):
    node = request.node
    if node.get_closest_marker("indexes") or node.get_closest_marker("browser"):
        with kept():
            yield
    else:
        yield
