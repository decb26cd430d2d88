"""The README's configuration table, generated from ``timeline/settings.py``.

Each environment variable is documented where it is read: the ``env_*`` helpers of the settings take
``shown_default`` and ``doc`` keywords, and ``env_documented`` declares variables other files read.
This module reads those calls from the settings' source (all branches, production-only ones included,
which executing the settings would not visit) and renders the Markdown table.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

SETTINGS_FILE = Path(__file__).with_name("settings.py")
START, END = "<!-- settings-table:start -->", "<!-- settings-table:end -->"
_READERS = {"env_str", "env_bool", "env_int", "env_list", "env_path"}


@dataclass(frozen=True)
class Variable:
    names: tuple[str, ...]
    shown_default: str
    doc: str


class UndocumentedVariable(ValueError):
    """An environment variable is read without a ``doc``: the table would not list it."""


def _keyword(call: ast.Call, name: str) -> str:
    for keyword in call.keywords:
        if keyword.arg == name and isinstance(keyword.value, ast.Constant):
            return str(keyword.value.value)
    return ""


def _literal_default(call: ast.Call) -> str:
    if len(call.args) > 1 and isinstance(call.args[1], ast.Constant):
        value = call.args[1].value
        if isinstance(value, bool):
            return f"`{str(value).lower()}`"
        return f"`{value!s}`" if value not in (None, "") else "empty"
    return "none"


def variables(source: str | None = None) -> list[Variable]:
    """Every documented variable, in the order the settings read them; one entry per variable name."""
    tree = ast.parse(source if source is not None else SETTINGS_FILE.read_text())
    found: list[Variable] = []
    seen: set[str] = set()
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)]
    for call in sorted(calls, key=lambda node: (node.lineno, node.col_offset)):
        assert isinstance(call.func, ast.Name)
        literal_args = [a.value for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        if call.func.id in _READERS and call.args and isinstance(call.args[0], ast.Constant):
            names: tuple[str, ...] = (str(call.args[0].value),)
            shown = _keyword(call, "shown_default") or _literal_default(call)
        elif call.func.id == "env_documented":
            names = tuple(literal_args)
            shown = _keyword(call, "shown_default")
        else:
            continue
        if set(names) <= seen:
            continue  # read twice (a branch per environment): documented once
        doc = _keyword(call, "doc")
        if not doc:
            raise UndocumentedVariable(f"{', '.join(names)} (settings.py line {call.lineno}) has no doc=")
        seen.update(names)
        found.append(Variable(names, shown, doc))
    return found


def render(found: list[Variable]) -> str:
    rows = ["| Variable | Default | Meaning |", "|---|---|---|"]
    for variable in found:
        names = " / ".join(f"`{name}`" for name in variable.names)
        rows.append(f"| {names} | {variable.shown_default} | {variable.doc} |")
    return "\n".join(rows)


def readme_with_table(readme: str, table: str) -> str:
    """The README text with the part between the markers replaced by ``table``."""
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{table}\n{END}{tail}"
