"""The session engine (SESSION_ENGINE): Django's database sessions, read with SQL built once.

Every logged-in request reads its session row first. Django's `SessionStore` builds that
`SELECT` from a queryset on each request (~800 Python function calls, more than the query
costs to run); here it is a `core.prepared.PreparedQuery`, compiled once per process and run
with the session key. Same table, same rows, same result: a row whose `expire_date` is not
after now is not used (Django filters `expire_date__gt=now` in SQL; here the row is read by
its key and its expiry compared in Python), and a suspicious or undecodable session is
handled exactly as Django handles it (`SessionBase.decode`, the `except` kept below).
Everything else — saving, creating, deleting, cycling the key, `clearsessions` — is Django's.
"""

import logging
from functools import cache

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.core.exceptions import SuspiciousOperation
from django.utils import timezone

from core.prepared import PreparedQuery


@cache
def _session_by_key(model) -> PreparedQuery:
    return PreparedQuery(lambda session_key: model.objects.filter(session_key=session_key))


class SessionStore(DatabaseSessionStore):
    def _get_session_from_db(self):
        # As Django's, with the row read by its key through a prepared query.
        try:
            session = _session_by_key(self.model).instance(self.session_key)
            if session is None or not session.expire_date > timezone.now():
                raise self.model.DoesNotExist
            return session
        except (self.model.DoesNotExist, SuspiciousOperation) as e:
            if isinstance(e, SuspiciousOperation):
                logger = logging.getLogger(f"django.security.{e.__class__.__name__}")
                logger.warning(str(e))
            self._session_key = None
