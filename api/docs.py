"""The OpenAPI document as the documentation page shows it: operations grouped by tag, each
with its parameters and answers, and the schemas as tables. Read from the same document that
/api/v1/openapi.json serves, so the page cannot say something the API does not do."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.translation import gettext as _

REF_PREFIX = "#/components/schemas/"
# A few example values for the "Try it" links of operations with a path parameter.
EXAMPLE_QUERY = {"/api/v1/courses/": {"page_size": "2"}}


@dataclass
class TypeText:
    text: str
    link: str = ""  # the id of a schema's section on the page


@dataclass
class Row:
    name: str
    types: list[TypeText]
    description: str
    required: bool = False
    values: list[str] = field(default_factory=list)


@dataclass
class Operation:
    id: str
    method: str
    path: str
    summary: str
    description: str
    parameters: list[Row]
    answers: list[Row]
    example: str  # a URL to try, when the path has no parameter


@dataclass
class Section:
    tag: str
    id: str
    operations: list[Operation]


@dataclass
class SchemaTable:
    name: str
    id: str
    description: str
    rows: list[Row]


def schema_id(name: str) -> str:
    return f"schema-{name}"


def _is_empty_alternative(schema: dict) -> bool:
    return schema.get("type") == "string" and schema.get("maxLength") == 0


def describe_type(schema: dict) -> list[TypeText]:
    """A property's type in words: "string (date)", "list of Course", "integer or null"."""
    if "$ref" in schema:
        name = schema["$ref"].removeprefix(REF_PREFIX)
        return [TypeText(name, schema_id(name))]
    for combined in ("anyOf", "oneOf"):
        if combined in schema:
            parts = []
            for option in schema[combined]:
                if not _is_empty_alternative(option):
                    parts.extend(describe_type(option))
            return parts
    kind = schema.get("type", "")
    if kind == "array":
        items = describe_type(schema.get("items", {}))
        return [TypeText(_("list of %(type)s") % {"type": item.text}, item.link) for item in items]
    if kind == "object" and "additionalProperties" in schema:
        values = describe_type(schema["additionalProperties"])
        return [
            TypeText(_("object of %(type)s") % {"type": value.text}, value.link) for value in values
        ]
    if "format" in schema:
        return [TypeText(f"{kind} ({schema['format']})")]
    return [TypeText(kind or _("any"))]


def _range(schema: dict) -> str:
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None and high is not None:
        return f"{low}–{high}"
    if low is not None:
        return f"≥ {low}"
    return ""


def _parameter_row(parameter: dict) -> Row:
    schema = parameter.get("schema", {})
    types = describe_type(schema)
    # The range and values of the parameter's own schema, not of "or empty".
    schema = next((s for s in schema.get("anyOf", []) if not _is_empty_alternative(s)), schema)
    limits = _range(schema)
    if limits:
        types = [TypeText(f"{types[0].text}, {limits}", types[0].link), *types[1:]]
    return Row(
        name=parameter["name"],
        types=types,
        description=parameter.get("description", ""),
        required=parameter.get("required", False),
        values=[str(value) for value in schema.get("enum", [])],
    )


def _answer_rows(responses: dict) -> list[Row]:
    rows = []
    for status, answer in sorted(responses.items()):
        content = answer.get("content", {}).get("application/json", {})
        types = describe_type(content["schema"]) if "schema" in content else []
        rows.append(Row(name=str(status), types=types, description=answer.get("description", "")))
    return rows


def sections(document: dict, base_url: str) -> list[Section]:
    by_tag: dict[str, Section] = {}
    for path, methods in document.get("paths", {}).items():
        for method, details in methods.items():
            tag = (details.get("tags") or [""])[0]
            section = by_tag.setdefault(
                tag, Section(tag=tag, id=f"tag-{len(by_tag) + 1}", operations=[])
            )
            example = ""
            if "{" not in path:
                query = EXAMPLE_QUERY.get(path)
                example = base_url + path + (f"?{urlencode(query)}" if query else "")
            section.operations.append(
                Operation(
                    id=details.get("operationId", path),
                    method=method.upper(),
                    path=path,
                    summary=details.get("summary", ""),
                    description=details.get("description", ""),
                    parameters=[_parameter_row(p) for p in details.get("parameters", [])],
                    answers=_answer_rows(details.get("responses", {})),
                    example=example,
                )
            )
    return list(by_tag.values())


def schema_tables(document: dict) -> list[SchemaTable]:
    tables = []
    for name, schema in sorted(document.get("components", {}).get("schemas", {}).items()):
        required = set(schema.get("required", []))
        rows = [
            Row(
                name=prop,
                types=describe_type(details),
                description=details.get("description", ""),
                required=prop in required,
                values=[str(value) for value in details.get("enum", [])],
            )
            for prop, details in schema.get("properties", {}).items()
        ]
        tables.append(
            SchemaTable(
                name=name,
                id=schema_id(name),
                description=schema.get("description", ""),
                rows=rows,
            )
        )
    return tables
