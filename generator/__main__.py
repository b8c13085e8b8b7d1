"""``python -m generator`` is the ``survey`` command."""

import sys

from .cli import main

sys.exit(main())
