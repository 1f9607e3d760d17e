"""Start clerk_app from a checkout: `python main.py` (same as the `clerk-app` command)."""

import sys

from clerk_app.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
