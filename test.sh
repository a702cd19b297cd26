#!/bin/sh
# Run the whole test suite (lint + pytest), headless. Sets up everything on first use.
# Extra arguments go to pytest (e.g. `./test.sh -k rules`).
set -eu
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
"$ROOT/scripts/bootstrap.sh" dev
cd "$ROOT"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
"$ROOT/.venv/bin/ruff" check .
exec "$ROOT/.venv/bin/python" -m pytest "$@"
