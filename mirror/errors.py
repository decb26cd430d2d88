"""The one error the command reports: a sentence for the researcher, no traceback."""


class MirrorError(Exception):
    """Something the researcher can act on (wrong URL, refused token, a database of another kind...)."""
