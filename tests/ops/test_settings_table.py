"""The README's configuration table is generated from timeline/settings.py and lists every variable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from timeline.settings_table import END, START, UndocumentedVariable, render, variables

ROOT = Path(__file__).resolve().parents[2]
# Where the project reads environment variables besides the settings (tests set their own).
READERS = ["timeline", "events", "api", "deploy/gunicorn.conf.py", "bin/run"]
ENV_READ = re.compile(
    r"""(?:environ\.get|getenv|env_\w+)\(\s*["']([A-Z][A-Z0-9_]+)["']"""  # Python
    r"""|\$\{?([A-Z][A-Z0-9_]{2,})[:}-]"""  # shell: ${NAME:-default}
)


def _readme_table() -> str:
    readme = (ROOT / "README.md").read_text()
    return readme.split(START, 1)[1].split(END, 1)[0].strip()


def test_it_matches_the_table_generated_from_the_settings() -> None:
    assert _readme_table() == render(variables()), "run: manage.py settings_table --write"


def test_it_refuses_a_variable_read_without_a_doc() -> None:
    source = 'A = env_int("DOCUMENTED", 1, doc="A number.")\nB = env_str("FORGOTTEN", "x")\n'

    with pytest.raises(UndocumentedVariable, match="FORGOTTEN"):
        variables(source)


def test_it_documents_a_variable_once_when_two_branches_read_it() -> None:
    source = 'if X:\n    K = env_str("KEY", "dev", doc="The key.")\nelse:\n    K = env_str("KEY")\n'

    assert [v.names for v in variables(source)] == [("KEY",)]


def test_it_lists_every_variable_the_project_reads() -> None:
    documented = {name for variable in variables() for name in variable.names}
    table = _readme_table()
    read: set[str] = set()
    for entry in READERS:
        path = ROOT / entry
        files = [path] if path.is_file() else [p for p in path.rglob("*.py") if "migrations" not in p.parts]
        for file in files:
            for match in ENV_READ.finditer(file.read_text()):
                read.add(match.group(1) or match.group(2))
    # Variables of other programs that bin/run only passes on, and Django's own.
    read -= {"DJANGO_SETTINGS_MODULE", "PATH", "HOME", "VIRTUAL_ENV", "PYTHON", "BIN", "VENV", "PID", "PIDS"}
    missing = sorted(name for name in read if name not in documented and f"`{name}`" not in table)
    assert missing == []
