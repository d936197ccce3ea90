"""core.warmup: what a worker's first request would build is built when config.wsgi loads,
without the database (a worker must start while it is down)."""

import importlib
import sys

import pytest
from django.conf import settings
from django.urls import clear_url_caches, get_resolver

from core.warmup import warm_up


@pytest.fixture
def cold_resolver():
    clear_url_caches()
    yield
    clear_url_caches()


def test_warm_up_fills_the_reverse_tables_of_every_language(cold_resolver):
    assert not get_resolver()._reverse_dict

    warm_up()

    filled = get_resolver()._reverse_dict
    assert set(filled) == {code for code, _name in settings.LANGUAGES}


def test_loading_the_wsgi_application_warms_it_up_without_the_database(cold_resolver, monkeypatch):
    """Not a database test: pytest-django refuses any query, so loading config.wsgi needs
    none."""
    monkeypatch.delitem(sys.modules, "config.wsgi", raising=False)

    wsgi = importlib.import_module("config.wsgi")

    assert callable(wsgi.application)
    assert set(get_resolver()._reverse_dict) == {code for code, _name in settings.LANGUAGES}
