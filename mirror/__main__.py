"""``python -m mirror`` is ``timeline-mirror``."""

import sys

from mirror.cli import main

sys.exit(main())
