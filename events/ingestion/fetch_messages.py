"""How a failed fetch is told: the detail for editors and the log, less of it for a submitter.

Plain Python (no Django), beside the fetcher whose errors it words.
"""

from __future__ import annotations

from events.ingestion.fetch import BlockedAddress, FetchError, NetworkError, TLSVerificationError

# What a submitter is told when the address itself was the trouble: refused (it points inside our
# network), did not resolve, or did not answer. Told apart, these would let anyone who may submit a
# URL map which internal names resolve (issue 18, finding 13). The stored error keeps the detail after
# this prefix for editors (the admin, and the API to an editor) and the log; see fetch_error_for_submitter.
FETCH_UNREACHABLE = "fetch: the address could not be reached from here"
_ADDRESS_ERRORS = (BlockedAddress, NetworkError, TLSVerificationError)


def fetch_error_text(exc: FetchError) -> str:
    """The error stored on an article whose fetch failed: the detail, behind a generic prefix when the
    detail says something about where a name points."""
    if isinstance(exc, _ADDRESS_ERRORS):
        return f"{FETCH_UNREACHABLE} ({exc})"
    return f"fetch: {exc}"


def fetch_error_for_submitter(error: str) -> str:
    """``error`` as a submitter who is not an editor sees it: without the detail of an address error."""
    return FETCH_UNREACHABLE if error.startswith(FETCH_UNREACHABLE) else error
