"""Work a web worker does once, when it loads the application, instead of on its first request.

Django builds some things on first use: the URLconf with every view module it imports, the
tables `reverse()` reads (one per language, the site's URLs being translated) and the
translation catalogues. In a fresh gunicorn worker that was about 200 ms of CPU in its first
request, paid by whoever came first after a deploy or a worker restart (in the signup storm
bench: the first POSTs on a server that had just started). `warm_up()` does it in config.wsgi,
before the worker accepts connections. It reads neither the database nor the cache, so a
worker still starts while either is down.
"""

from django.conf import settings
from django.urls import get_resolver
from django.utils import translation


def warm_up() -> None:
    resolver = get_resolver()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):  # loads the language's catalogues
            resolver.reverse_dict  # noqa: B018 (imports the URLconf, fills the language's table)
