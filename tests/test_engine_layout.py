"""The engine's shape: what it imports, and the limits its modules keep."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import yaml

from service.engine import RULES

ROOT = Path(__file__).resolve().parent.parent


def test_importing_the_engine_loads_no_web_framework():
    probe = (
        "import sys, service.engine\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('flask', 'werkzeug', 'marshmallow', 'jinja2'))\n"
        "print(','.join(loaded))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


ENGINE = ROOT / "service" / "engine"
MAX_MODULE_LINES = 350
MAX_CLASS_LINES = 150


def test_engine_modules_and_classes_stay_small():
    too_long = []
    for path in ENGINE.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        if source.count("\n") > MAX_MODULE_LINES:
            too_long.append(f"{path.relative_to(ROOT)}: {source.count(chr(10))} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ClassDef) and node.end_lineno - node.lineno + 1 > MAX_CLASS_LINES:
                too_long.append(f"{path.relative_to(ROOT)}: class {node.name}")
    assert too_long == []


def test_the_registry_is_the_list_of_rules_the_contract_and_the_readme_give():
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    assert set(spec["components"]["schemas"]["Quote"]["properties"]["rule"]["enum"]) == set(RULES)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = readme.split("which pattern decided the attribution (", 1)[1].split(";", 1)[0]
    assert set(re.findall(r"`([a-z-]+)`", listed)) == set(RULES)


def test_every_rule_is_a_registered_sieve_with_a_description():
    assert all(rule.description and 0 <= rule.confidence <= 1 for rule in RULES.values())


LAYERS = ["lang", "text", "reading", "entities", "sieves"]  # each imports only those before it


def test_imports_run_one_way():
    backwards = []
    for layer, name in enumerate(LAYERS):
        for path in (ENGINE / name).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.level >= 2 and node.module:
                    target = node.module.split(".")[0]
                    if (target in LAYERS and LAYERS.index(target) > layer) or target == "pipeline":
                        backwards.append(f"{path.relative_to(ROOT)} imports {target}")
    assert backwards == []
