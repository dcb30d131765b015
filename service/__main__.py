"""``python -m service``: the same as the ``quote-service`` command (see service/cli.py)."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
