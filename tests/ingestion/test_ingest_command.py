"""``manage.py ingest``: files, directories and URLs in; queued for the worker, or processed with --sync.

Bad sources get one error line each and the rest go on; the exit status is 1 if any failed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from events.models import Article, ArticleState, Event, PublishedSource
from tests.conftest import ROOT
from tests.ingestion.test_store_shootdown import SHOOTDOWN_REPORTS

pytestmark = pytest.mark.django_db


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    """Three shootdown reports as .txt files in nested folders, plus a file the command must skip."""
    (tmp_path / "a" / "b").mkdir(parents=True)
    for index, (_, _, text) in enumerate(SHOOTDOWN_REPORTS[:3]):
        folder = tmp_path / "a" if index else tmp_path / "a" / "b"
        (folder / f"report-{index}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a" / "notes.md").write_text("not an article")
    return tmp_path / "a"


def ingest(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("ingest", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_it_queues_every_article_under_a_directory_and_sends_one_task_each(
    reports: Path, sent: list[int], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        out, _ = ingest(str(reports), "--published", "2023-02-05")

    assert "new 3, duplicate 0, failed 0 (queued for the worker" in out
    articles = Article.objects.order_by("pk")
    assert sorted(sent) == [a.pk for a in articles]
    assert {a.state for a in articles} == {ArticleState.QUEUED}
    assert {(a.published.isoformat(), a.published_source) for a in articles if a.published} == {
        ("2023-02-05", PublishedSource.EDITOR)
    }


def test_with_sync_it_processes_the_articles_here_and_sends_nothing(reports: Path, sent: list[int]) -> None:
    out, _ = ingest(str(reports), "--published", "2023-02-05", "--sync")

    assert "new 3, duplicate 0, failed 0 (processed here" in out
    assert sent == []
    assert set(Article.objects.values_list("state", flat=True)) == {ArticleState.DONE}
    shootdown = Event.objects.get(event_type="military_action")
    assert shootdown.citations.count() == 3


def test_a_file_given_again_is_a_duplicate(reports: Path, sent: list[int]) -> None:
    ingest(str(reports))

    out, _ = ingest(str(next(reports.glob("*.txt"))))

    assert "new 0, duplicate 1, failed 0" in out
    assert Article.objects.count() == 3


def test_a_url_is_queued_with_its_canonical_form(sent: list[int], django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        out, _ = ingest("https://news.example/story?utm_source=x&id=7", "--published", "2024-03-01")

    article = Article.objects.get()
    assert article.url == "https://news.example/story?id=7"
    assert article.published_source == PublishedSource.EDITOR
    assert sent == [article.pk]
    assert "new 1" in out


def test_bad_sources_get_a_line_each_and_the_others_go_on(reports: Path, sent: list[int], tmp_path: Path) -> None:
    wrong_kind = tmp_path / "article.pdf"
    wrong_kind.write_bytes(b"%PDF-1.4")

    with pytest.raises(CommandError, match="3 of 6 source") as raised:
        ingest("/no/such/file.txt", "ftp://news.example/a", str(wrong_kind), str(reports))

    assert raised.value.returncode == 1
    assert Article.objects.count() == 3


def test_a_bad_date_is_refused_before_anything_is_stored(reports: Path) -> None:
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        ingest(str(reports), "--published", "5 Feb 2023")

    assert not Article.objects.exists()


def test_from_the_shell_bad_sources_print_error_lines_and_exit_1_without_a_traceback(tmp_path: Path) -> None:
    # No database is touched: neither source gets as far as an article.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CELERY_", "DATABASE_"))}
    env.update(DJANGO_SETTINGS_MODULE="tests.settings", VAR_DIR=str(tmp_path), PYTHONPATH=str(ROOT))

    result = subprocess.run(
        [sys.executable, "manage.py", "ingest", "/no/such/file.txt", "http://[::1"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 1
    assert "/no/such/file.txt: no such file or directory" in result.stderr
    assert "http://[::1: not a usable article URL" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "new 0, duplicate 0, failed 2" in result.stdout
