"""Health checks for the load balancer and for monitoring.

- `/healthz` (liveness): the process answers HTTP. No database, no cache: a database outage
  must not make an orchestrator restart healthy web processes.
- `/healthz/ready` (readiness): 200 when this host can serve — its database answers. 503 when
  it cannot, so the load balancer sends people elsewhere. A cache outage is not a reason to
  stop serving (pages render uncached): it answers 200 and names the degradation. The email
  outbox's backlog is reported for monitoring (a growing backlog means the mail server or the
  worker is down) without failing the check.
"""

import logging
from datetime import timedelta

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core.cache import is_degraded
from core.models import EmailStatus, OutgoingEmail

logger = logging.getLogger(__name__)

PROBE_KEY = "healthz:probe"


@never_cache
@require_safe
def healthz(request):
    """Liveness: 200 whenever this process can answer."""
    return JsonResponse({"status": "ok"})


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.warning("Readiness: database unreachable (%s)", error)
        return False
    return True


def _cache_ok() -> bool:
    token = timezone.now().isoformat()
    cache.set(PROBE_KEY, token, timeout=60)
    return cache.get(PROBE_KEY) == token and not is_degraded()


def _email_backlog(now) -> dict:
    waiting = OutgoingEmail.objects.filter(status__in=[EmailStatus.PENDING, EmailStatus.SENDING])
    oldest = waiting.order_by("queued_at").values_list("queued_at", flat=True).first()
    return {
        "waiting": waiting.count(),
        "oldest_waiting_seconds": int((now - oldest).total_seconds()) if oldest else 0,
        "failed_last_day": OutgoingEmail.objects.filter(
            status=EmailStatus.FAILED, created_at__gte=now - timedelta(days=1)
        ).count(),
    }


@never_cache
@require_safe
def ready(request):
    """Readiness: 200 with "ok" or "degraded" (and what is degraded), 503 without a database."""
    body = {"status": "ok", "database": "ok", "cache": "ok"}
    if not _cache_ok():
        body["cache"] = "unreachable"
        body["status"] = "degraded"
        body.setdefault("degraded", []).append("cache")
    if not _database_ok():
        body["database"] = "unreachable"
        body["status"] = "error"
        return JsonResponse(body, status=503)
    try:
        body["email"] = _email_backlog(timezone.now())
    except DatabaseError:
        logger.warning("Readiness: could not read the email outbox", exc_info=True)
    return JsonResponse(body)
