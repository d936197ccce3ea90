"""rules.py is a layer of its own (docs/architecture.md, "Layers inside an app"): it decides from
models, queries, roles and core, and never imports forms, views or services. import-linter
enforces it in `make lint` and CI; this test keeps the contract declared and checks the rule
files directly, so a test run catches a stray import too."""

import ast
import configparser
from pathlib import Path

from django.conf import settings

FORBIDDEN = {"forms", "views", "admin_views", "services", "urls", "wagtail_hooks"}


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_the_rules_layer_is_a_contract_of_importlinter():
    config = configparser.ConfigParser()
    config.read(Path(settings.BASE_DIR) / ".importlinter", encoding="utf-8")
    layers = config["importlinter:contract:app-layers"]["layers"].split()
    assert layers.index("(services)") < layers.index("(rules)") < layers.index("(models)")
    forbidden = config["importlinter:contract:rules-below-forms"]
    assert forbidden["source_modules"].split() == ["*.rules"]
    assert {name.removeprefix("*.") for name in forbidden["forbidden_modules"].split()} == (
        FORBIDDEN
    )


def test_no_rules_module_imports_forms_views_or_services():
    rule_files = sorted(Path(settings.BASE_DIR).glob("*/rules.py"))
    assert len(rule_files) >= 5
    for path in rule_files:
        for name in _imports(path):
            parts = set(name.split(".")[1:])
            assert not parts & FORBIDDEN, f"{path.parent.name}/rules.py imports {name}"
