"""The OpenAPI document validates with no warnings, and the docs pages serve it offline."""

from __future__ import annotations

import pytest
import yaml
from django.core.management import call_command


def test_it_generates_a_valid_openapi_schema_without_warnings(tmp_path):
    target = tmp_path / "schema.yaml"

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))

    schema = yaml.safe_load(target.read_text())
    assert schema["openapi"].startswith("3.")
    assert {"/api/v1/events/", "/api/v1/events/export/", "/api/v1/changes/", "/api/v1/articles/"} <= set(
        schema["paths"]
    )


@pytest.mark.django_db
def test_it_serves_the_schema_and_the_docs_pages(client):
    assert client.get("/api/v1/schema/").status_code == 200
    docs = client.get("/api/v1/docs/")
    assert docs.status_code == 200 and b"drf_spectacular_sidecar" in docs.content  # assets served locally
    assert client.get("/api/v1/redoc/").status_code == 200
