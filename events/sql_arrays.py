"""``column = ANY(%s::bigint[])``: a list of ids sent to PostgreSQL as one array parameter.

Binding 2,000 ids as 2,000 parameters of an ``IN`` list costs more than the query that uses them, and
gives a different SQL text for every length. One array literal is adapted at once and keeps the SQL the
same whatever the number of ids, so a read can be compiled once and reused with new ids.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import BooleanField, Expression, F


def ids_array(ids: Iterable[int]) -> str:
    """The PostgreSQL array literal of ``ids`` as text (``{1,2,3}``): psycopg adapts one string at once."""
    return "{" + ",".join(map(str, map(int, ids))) + "}"  # int() refuses anything not a whole number


class IdsAny(Expression):
    """``column = ANY(%s::bigint[])`` with ``array`` (from :func:`ids_array`) as the one parameter."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, column: str, array: str) -> None:
        super().__init__()
        self.column: Any = F(column)
        self.array = array

    def resolve_expression(self, *args: Any, **kwargs: Any) -> IdsAny:
        resolved = self.copy()
        resolved.column = self.column.resolve_expression(*args, **kwargs)
        return resolved

    def as_sql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, tuple[Any, ...]]:
        sql, params = compiler.compile(self.column)
        return f"{sql} = ANY(%s::bigint[])", (*params, self.array)
