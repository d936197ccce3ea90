from django.utils.functional import SimpleLazyObject

from core.navigation import main_nav


def site_navigation(request):
    return {"main_nav": SimpleLazyObject(lambda: main_nav(request))}
