"""The extraction package must not pull in Django: it runs in workers, notebooks and tests without it."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_it_imports_the_engine_without_any_django_module() -> None:
    code = (
        "import sys\n"
        "import events.domain.vocabulary, events.domain.edtf_dates, events.domain.edtf_bounds\n"
        "import events.extraction, events.extraction.pipeline, events.evaluation.scoring.events\n"
        "import events.extraction.cleaning, events.evaluation.baseline, events.evaluation.corpus\n"
        "bad = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "print(','.join(bad))\n"
    )
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    assert out.stdout.strip() == ""


RUN_ENGINE = (
    "import sys\n"
    "from datetime import date\n"
    "from events.extraction.pipeline import extract\n"
    "from events.domain.edtf_dates import parse_edtf\n"
    "text = 'The two ministers met in Vienna on Monday. The talks resume in the spring of 2027.'\n"
    "result = extract(text, date(2026, 3, 4))\n"
    # Values only the edtf library parses (a season, an approximate year).
    "print(parse_edtf('2027-21').lower, parse_edtf('2012~').upper)\n"
    "print(len(result.events))\n"
    "print(','.join(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))))\n"
)


def _run(code: str) -> list[str]:
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=True, timeout=300
    )
    return out.stdout.splitlines()


def test_it_extracts_and_parses_any_edtf_without_loading_django() -> None:
    """Importing was not enough: extract() loaded Django through the edtf library's settings probe."""
    bounds, events, django_modules = _run(RUN_ENGINE)

    assert bounds == "2027-03-01 2012-12-31"
    assert int(events) >= 1
    assert django_modules == ""


def test_it_runs_where_importing_django_fails() -> None:
    blocker = (
        "import sys\n"
        "class NoDjango:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'django' or name.startswith('django.'):\n"
        "            raise ImportError('Django is not installed here')\n"
        "sys.meta_path.insert(0, NoDjango())\n"
    )
    bounds, events, django_modules = _run(blocker + RUN_ENGINE)

    assert bounds == "2027-03-01 2012-12-31" and int(events) >= 1 and django_modules == ""


def test_it_reads_no_clock_a_text_without_a_date_needs_a_reference() -> None:
    from datetime import date

    import pytest

    from events.extraction.pipeline import extract

    with pytest.raises(ValueError, match="reference"):
        extract("The ministers met in Vienna on Monday.", None)

    monday = extract("The ministers met in Vienna on Monday.", None, reference=date(2026, 3, 4))
    assert monday.events[0].date == "2026-03-02" and monday.published is None


def test_the_engine_does_not_import_the_evaluation_tools() -> None:
    code = (
        "import sys\n"
        "import events.extraction.pipeline, events.extraction.binding, events.extraction.timex\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith('events.evaluation'))))\n"
    )
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    assert out.stdout.strip() == ""
