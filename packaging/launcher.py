"""Entry script of the frozen program (both the windowed and the console executable)."""

import sys

from core.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
