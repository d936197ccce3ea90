"""What the fuzz test (tests/core/test_fuzz.py) sends: the malformed payloads, the common
parameter names tried on every URL, the forms parsed from a page, and the URL encoding that
puts a payload into the chosen parameters."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import quote, urljoin, urlsplit

# Parameter names tried on every URL besides those its forms declare.
COMMON_PARAMS = (
    "q",
    "page",
    "side",
    "tag",
    "topic",
    "emne",
    "type",
    "status",
    "format",
    "audience",
    "language",
    "provider",
    "date_from",
    "date_to",
    "free_seats",
    "next",
    "ordering",
    "p",
    "association",
    "school",
    "year",
    "action",
    "id",
)


@dataclass(frozen=True)
class Payload:
    name: str
    value: str = ""
    # Sent as-is (already URL-encoded, or not UTF-8 at all) instead of `value`.
    raw: bytes | None = None
    # Every parameter twice, with these two values.
    repeated: tuple[str, str] | None = None


PAYLOADS = (
    Payload("empty", ""),
    Payload("text", "abc"),
    Payload("zero", "0"),
    Payload("negative", "-1"),
    Payload("huge-number", "9" * 40),
    Payload("int32-overflow", "2147483648"),
    Payload("int64-overflow", "9223372036854775808"),
    Payload("huge-negative", "-" + "9" * 30),
    Payload("float-overflow", "1e309"),
    Payload("nan", "NaN"),
    Payload("fraction", "1.5"),
    Payload("nul", "\x00"),
    Payload("nul-inside", "ab\x00cd"),
    Payload("quote", '"'),
    Payload("quotes", "'\"`"),
    Payload("search-syntax", '"ab* OR (c AND -d) NOT e:f & g | !h^2 ~ \\'),
    Payload("sql", "' OR 1=1 --"),
    Payload("like-wildcards", "%_\\%"),
    Payload("bidi", "\u202eabc\u2066d\u2069"),
    Payload("controls", "a\r\nb\tc\x1b\x7f\x85d\u2028"),
    Payload("long", "x" * 100_000),
    Payload("long-words", "ord " * 25_000),
    Payload("unicode", "Ærø 𝔘 💥 ليلى"),
    Payload("date-invalid", "2026-13-45"),
    Payload("date-zero", "0000-00-00"),
    Payload("date-far", "9999-12-31"),
    Payload("date-negative", "-0001-01-01"),
    Payload("datetime-invalid", "2026-02-30T25:61"),
    Payload("checkbox", "on"),
    Payload("json", '{"a": [1, 2]}'),
    Payload("html", "<script>alert(1)</script>"),
    Payload("path", "../../etc/passwd"),
    Payload("url", "https://evil.example/"),
    Payload("email", "a@b@c"),
    Payload("spaces", "   "),
    Payload("non-utf8-escaped", raw=b"%FF%FE%00"),
    Payload("non-utf8-bytes", raw=b"\xff\xfe\xc3"),
    Payload("repeated", repeated=("1", "x")),
)


@dataclass
class Form:
    method: str
    action: str
    fields: dict[str, str] = field(default_factory=dict)


class FormParser(HTMLParser):
    """The forms of a page: method, action and each field's name with a plausible value."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append(
                Form(
                    method=(attrs.get("method") or "get").lower(),
                    action=attrs.get("action") or "",
                )
            )
            return
        if not self.forms:
            return
        fields = self.forms[-1].fields
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in attrs or name not in fields:
                    fields[name] = attrs.get("value") or "on"
            elif kind not in ("submit", "button", "image", "file"):
                fields[name] = attrs.get("value") or ""
        elif tag == "textarea" and name:
            fields[name] = ""
        elif tag == "select" and name:
            self._select = name
            fields[name] = ""
        elif tag == "option" and self._select and not fields[self._select]:
            fields[self._select] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def page_forms(response, url: str) -> list[Form]:
    if not response.get("Content-Type", "").startswith("text/html"):
        return []
    if getattr(response, "streaming", False) or len(response.content) > 3_000_000:
        return []
    parser = FormParser()
    parser.feed(response.content.decode("utf-8", "replace"))
    forms = []
    for form in parser.forms:
        target = urlsplit(urljoin(url, form.action or url))
        if target.netloc not in ("", "testserver"):
            continue
        form.action = target.path + (f"?{target.query}" if target.query else "")
        forms.append(form)
    return forms


def encode(params: dict[str, str], payload: Payload, targets) -> bytes:
    """`params` URL-encoded, with the parameters named in `targets` given the payload."""
    pieces = []
    for name, value in params.items():
        key = quote(name, safe="").encode()
        if name not in targets:
            pieces.append(key + b"=" + quote(value, safe="").encode())
        elif payload.raw is not None:
            pieces.append(key + b"=" + payload.raw)
        elif payload.repeated is not None:
            for repeated in payload.repeated:
                pieces.append(key + b"=" + quote(repeated, safe="").encode())
        else:
            pieces.append(key + b"=" + quote(payload.value, safe="").encode())
    return b"&".join(pieces)
