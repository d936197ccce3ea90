"""Wagtail pages find their site through cms.sites.find_site.

Wagtail's page serving asks `Site.find_for_request` before anything else, and that is a query
on every page view. `find_site` keeps the answer per process under the content generation and
puts it where Wagtail looks (`request._wagtail_site`); this middleware asks it just before
Wagtail's serve view runs, so page views skip that query too. Only for that view: other views
look the site up themselves when they need it (the footer, the header's guides link).
"""

from wagtail import views as wagtail_views

from cms.sites import find_site


class WagtailSiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_views.serve:
            find_site(request)
