"""The extraction package must not pull in Django: it runs in workers, notebooks and tests without it."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_it_imports_the_engine_without_any_django_module() -> None:
    code = (
        "import sys\n"
        "import events.extraction, events.extraction.pipeline, events.evaluation.scoring.events\n"
        "import events.extraction.cleaning, events.evaluation.baseline, events.evaluation.corpus\n"
        "bad = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "print(','.join(bad))\n"
    )
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    assert out.stdout.strip() == ""


def test_the_engine_does_not_import_the_evaluation_tools() -> None:
    code = (
        "import sys\n"
        "import events.extraction.pipeline, events.extraction.binding, events.extraction.timex\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith('events.evaluation'))))\n"
    )
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    assert out.stdout.strip() == ""
