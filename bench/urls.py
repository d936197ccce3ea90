"""The site's URLs plus the baseline every target is compared with: a bare Django view that
runs through the same middleware stack on the same server but touches no database.

`bench/impact-report/` is the staff-only impact report (insights.views.impact_report) as
the benchmark's staff user sees it — the same view, queries and template — without a login
session, which wrk cannot keep. It exists only in this URLconf (config.settings.bench).
"""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns

BENCH_STAFF_EMAIL = "bench-staff@bench.frivilligloeft.test"


def bare(request):
    return HttpResponse(b"ok", content_type="text/plain")


def impact_report(request):
    from accounts.models import User
    from insights.views import impact_report as view

    request.user = User.objects.get(email=BENCH_STAFF_EMAIL)
    response = view(request)
    return response.render() if hasattr(response, "render") else response


urlpatterns = [
    path("bench/bare/", bare, name="bench-bare"),
    path("bench/impact-report/", impact_report, name="bench-impact-report"),
    *site_urlpatterns,
]
