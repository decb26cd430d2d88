"""Benchmark of the interactive timeline at 5,000 events (issue 17, item 4), in Chromium.

Builds the scratch topic of bench/pages.py (5,000 published events, PostgreSQL by default), serves it
from a live server thread (static files too) and opens the topic page in Debian's Chromium through
Playwright, with a Playwright trace recorded to var/bench/interactive-timeline-trace.zip. Prints:

- first contentful paint (the server-rendered list), and when the interactive timeline was drawn;
- the time to draw the 5,000 events (vis-timeline construction, measured in the page);
- a zoom step: a window change without animation until two animation frames later (median of runs),
  and the button's animated zoom until its ``rangechanged``;
- the page weight: every response's decoded size (HTML, the vendored script and style, the JSON).

    .venv/bin/python bench/interactive_timeline.py            # PostgreSQL scratch DB on 127.0.0.1
    .venv/bin/python bench/interactive_timeline.py --sqlite --events 1000
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pages import _configure, _drop, build  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
TIMELINE = "document.querySelector('section.interactive').visTimeline"
ZOOM_JS = """async () => {
  const tl = document.querySelector('section.interactive').visTimeline;
  const w = tl.getWindow(); const span = w.end - w.start;
  const t0 = performance.now();
  tl.setWindow(new Date(w.start.valueOf() + span / 4), new Date(w.end.valueOf() - span / 4), {animation: false});
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  return performance.now() - t0;
}"""
BUTTON_JS = """async () => {
  const section = document.querySelector('section.interactive');
  const t0 = performance.now();
  const done = new Promise(r => section.visTimeline.once('rangechanged', r));
  section.querySelector('button[data-act="out"]').click();
  await done;
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  return performance.now() - t0;
}"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sqlite", action="store_true")
    args = parser.parse_args()

    url, pg_name = _configure(args.sqlite)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-for-production")
    os.environ.setdefault("ALLOWED_HOSTS", "localhost,127.0.0.1")
    os.environ.setdefault("VAR_DIR", tempfile.mkdtemp(prefix="bench-var-"))
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ["DJANGO_SETTINGS_MODULE"] = "timeline.settings"
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    import warnings

    import django

    warnings.filterwarnings("ignore", message="No directory at")
    django.setup()
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.management import call_command
    from django.db import connections
    from django.test.testcases import LiveServerThread
    from playwright.sync_api import sync_playwright

    server = None
    try:
        call_command("migrate", verbosity=0)
        slug = build(args.events)
        connections.close_all()
        server = LiveServerThread("127.0.0.1", StaticFilesHandler, port=0)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        base = f"http://127.0.0.1:{server.port}"
        out = ROOT / "var" / "bench"
        out.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.tracing.start(screenshots=False, snapshots=False)
            page = context.new_page()
            sizes: dict[str, int] = {}
            page.on("requestfinished", lambda r: sizes.__setitem__(r.url, r.sizes()["responseBodySize"]))
            page.goto(f"{base}/topics/{slug}/")
            page.wait_for_selector("section.interactive[data-ready]", timeout=120_000)
            page.wait_for_load_state("networkidle")
            fcp = page.evaluate("() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1")
            section = page.locator("section.interactive")
            drawn_at = float(section.get_attribute("data-drawn-at") or -1)
            draw = float(section.get_attribute("data-ready") or -1)
            n_items = len(
                page.evaluate("() => document.querySelector('section.interactive').visTimeline.itemsData.getIds()")
            )
            zooms = [page.evaluate(ZOOM_JS) for _ in range(args.runs)]
            page.evaluate(f"() => {TIMELINE}.fit({{animation: false}})")
            buttons = [page.evaluate(BUTTON_JS) for _ in range(3)]
            context.tracing.stop(path=str(out / "interactive-timeline-trace.zip"))
            browser.close()
        print(f"{args.events} events ({n_items} drawn), Chromium via Playwright, median of {args.runs} zoom steps\n")
        print(f"{'measure':<58} {'value':>12}")
        print("-" * 71)
        print(f"{'first contentful paint (server-rendered list)':<58} {fcp:>9.0f} ms")
        print(f"{'interactive timeline drawn (since navigation start)':<58} {drawn_at:>9.0f} ms")
        print(f"{'drawing the items (vis-timeline construction)':<58} {draw:>9.0f} ms")
        print(f"{'zoom step, no animation, to 2 frames later (median)':<58} {statistics.median(zooms):>9.0f} ms")
        print(f"{'zoom-out button, animated, to rangechanged (median)':<58} {statistics.median(buttons):>9.0f} ms")
        total = 0
        for resource, size in sorted(sizes.items(), key=lambda kv: -kv[1]):
            total += size
            name = resource.replace(base, "")[:56]
            print(f"{name:<58} {size / 1024:>8.1f} KiB")
        print(f"{'page weight (all responses, decoded)':<58} {total / 1024:>8.1f} KiB")
    finally:
        if server is not None:
            server.terminate()
        connections.close_all()
        if pg_name:
            _drop(pg_name)


if __name__ == "__main__":
    main()
