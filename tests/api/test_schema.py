"""Schemathesis against the real server's own OpenAPI schema: no 500s, every response conforms.

Bounded: a few examples per operation.  The server has ingest on but the
fuzzer holds no token, so ``POST /api/ingest`` can only answer 401 or 422,
both documented in the schema.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from .conftest import REQUEST_SECONDS

pytestmark = [pytest.mark.model, pytest.mark.slow]

# Examples per operation: enough to hit every parameter's edge cases once,
# few enough that the whole run stays well under a minute on two cores.
EXAMPLES_PER_OPERATION = 8


@pytest.fixture(scope="session")
def api_schema(live_server):
    return schemathesis.openapi.from_url(f"{live_server.url}/openapi.json", timeout=REQUEST_SECONDS)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, suppress_health_check=list(HealthCheck),
          derandomize=True, database=None)
def test_schema_conformance(case) -> None:
    case.call_and_validate(timeout=REQUEST_SECONDS)
