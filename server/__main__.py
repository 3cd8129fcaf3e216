"""``python -m server``: the same as the ``callbrief-server`` console script."""

import sys

from server.cli import main

sys.exit(main())
