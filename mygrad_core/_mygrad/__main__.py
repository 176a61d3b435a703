"""``python -m mygrad``: the command-line interface (see ``mygrad_core.cli``)."""

import sys

from mygrad_core.cli import main

sys.exit(main())
