"""One way for a view to say who may open it: log in first, and then a 404 for those without
the permission — never a 403, so nobody learns that the object exists.

Permissions are django-rules object permissions, declared with their predicates in each app's
`rules.py` and decided from the person's roles at the time of the request.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404


def permission_required_or_404(permission: str, get_object=None):
    """Anonymous visitors are sent to the login page (and back). A logged-in person needs
    `permission`: on the object `get_object(request, **url_kwargs)` returns when given (it may
    raise Http404 itself), which the view then receives instead of the URL's arguments —
    `view(request, obj)` — so it is looked up once; else on nothing, and the view gets its
    arguments unchanged. Without the permission the answer is a 404."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if get_object is None:
                if not request.user.has_perm(permission):
                    raise Http404
                return view(request, *args, **kwargs)
            obj = get_object(request, *args, **kwargs)
            if not request.user.has_perm(permission, obj):
                raise Http404
            return view(request, obj)

        return wrapper

    return decorator
