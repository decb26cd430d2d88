"""OpenAPI post-processing: document the one error shape on every operation.

drf-spectacular documents the success responses each view declares; the errors every endpoint can
answer (validation, authentication, permission, not found, throttled) come from the shared exception
handler, so they are added here once, in every media type the operation can answer in.
"""

from __future__ import annotations

from typing import Any

ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["status", "code", "message"],
            "properties": {
                "status": {"type": "integer", "description": "The HTTP status, repeated."},
                "code": {"type": "string", "description": "A stable machine-readable code, e.g. `invalid`."},
                "message": {"type": "string", "description": "What went wrong, for a person."},
                "fields": {
                    "type": "object",
                    "additionalProperties": True,
                    "description": "Validation errors by parameter or field name.",
                },
                "existing_article": {"type": "integer", "description": "On 409: the article already stored."},
            },
        }
    },
}

COMMON_ERRORS = {
    "400": "Invalid parameters or body.",
    "401": "Missing, wrong or expired token.",
    "403": "Not allowed.",
    "404": "Not found (or not visible to you).",
    "429": "Throttled; see the Retry-After header.",
}


def _is_json(media_type: str) -> bool:
    return media_type == "application/json" or media_type.endswith("+json")


def add_error_responses(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    """POSTPROCESSING_HOOKS entry: an ``Error`` component and the common 4xx on every operation."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    reference = {"$ref": "#/components/schemas/Error"}
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            responses = operation.setdefault("responses", {})
            media_types = {"application/json"}
            for response in responses.values():
                media_types |= set(response.get("content", {}))
            content = {mt: {"schema": reference if _is_json(mt) else {"type": "string"}} for mt in sorted(media_types)}
            for status, description in COMMON_ERRORS.items():
                documented = responses.setdefault(status, {"description": description})
                documented["content"] = content
            if "409" in responses:
                responses["409"]["content"] = content
    return result
