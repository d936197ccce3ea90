"""One way for a view to say who may open it: log in first, and then a 404 for those without
the permission — never a 403, so nobody learns that the object exists.

Permissions are django-rules object permissions, declared with their predicates in each app's
`rules.py` and decided from the person's roles at the time of the request.
"""

import inspect
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404


def permission_required_or_404(permission: str, get_object=None):
    """Anonymous visitors are sent to the login page (and back). A logged-in person needs
    `permission`: on the object `get_object(request, **url_kwargs)` returns when given (it may
    raise Http404 itself), which the view then receives instead of the URL's arguments —
    `view(request, obj)` — so it is looked up once; URL arguments `get_object` does not name
    are passed on to the view (`view(request, network, meeting_id=3)`). Without `get_object`
    the permission is checked on nothing, and the view gets its arguments unchanged. Without
    the permission the answer is a 404."""
    takes = set(inspect.signature(get_object).parameters) if get_object else set()

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if get_object is None:
                if not request.user.has_perm(permission):
                    raise Http404
                return view(request, *args, **kwargs)
            own = {key: value for key, value in kwargs.items() if key in takes}
            obj = get_object(request, *args, **own)
            if not request.user.has_perm(permission, obj):
                raise Http404
            return view(request, obj, **{key: kwargs[key] for key in kwargs.keys() - own.keys()})

        return wrapper

    return decorator
