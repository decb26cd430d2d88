"""Test-only hooks for processes started by the tests (real Celery workers, racing store processes).

The production code has no test switches; a process running on ``tests.settings`` loads this app, which
patches what a test asks for through the environment of that process (see ``apps.py``).
"""
