"""``openapi.yaml`` is valid, matches the app's routes, and holds under fuzzing (schemathesis)."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings
from openapi_spec_validator import validate

from conftest import SPEC
from service import create_app


def test_spec_is_valid_openapi():
    validate(SPEC)


def test_routes_and_spec_paths_agree():
    """Every route is in the contract, except static files: the page's and /docs' own (Swagger UI's)."""
    app = create_app()
    routes = {
        (rule.rule, method.lower())
        for rule in app.url_map.iter_rules()
        if rule.endpoint not in ("static", "docs.static")
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    documented = {(path, method) for path, ops in SPEC["paths"].items() for method in ops}
    assert routes == documented


@schemathesis.serializer("application/x-ndjson")
def ndjson(ctx, value) -> bytes:
    """The contract gives an NDJSON body as a string: send it as UTF-8."""
    return value.encode("utf-8", "surrogatepass") if isinstance(value, str) else b""


schema = schemathesis.openapi.from_wsgi("/openapi.yaml", create_app({"LOG_REQUESTS": False}))


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_contract(case):
    case.call_and_validate()
