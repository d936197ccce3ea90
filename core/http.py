"""Who the client is, behind the load balancer.

One setting decides it for every rate limit (allauth's login, signup and password-reset limits
through accounts.adapters, /bevis/, the API): `TRUSTED_PROXY_COUNT` proxies in front of us each
append the address they saw to X-Forwarded-For, so the client is the entry that many places from
the right — entries further left were written by the client and are not trusted. Or, when the
proxy puts the client's address in a header of its own, `TRUSTED_CLIENT_IP_HEADER` names it.
With neither set (the default), X-Forwarded-For is ignored and the address is the socket's: a
client cannot spoof its way around a limit by sending the header itself.
"""

import ipaddress
import logging

from django.conf import settings

logger = logging.getLogger(__name__)


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    if value.startswith("[") and "]" in value:  # "[2001:db8::1]:443"
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # "192.0.2.1:443"
        value = value.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_ip(request) -> str:
    """The client's IP address as our trusted proxies saw it; "unknown" if there is none."""
    header = getattr(settings, "TRUSTED_CLIENT_IP_HEADER", "")
    if header:
        ip = _clean(request.headers.get(header))
        if ip:
            return ip
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count > 0:
        header_value = request.headers.get("X-Forwarded-For", "")
        forwarded = [part for part in header_value.split(",") if part.strip()]
        if len(forwarded) >= count:
            ip = _clean(forwarded[-count])
            if ip:
                return ip
        # Fewer entries than proxies: the request did not come through them (a health check
        # or a direct hit), so the socket's address is the client's.
    return _clean(request.META.get("REMOTE_ADDR")) or "unknown"
