#!/bin/sh
# Run 集群申报助手: sets up everything on first use, then starts the program.
# Arguments are passed on (e.g. `./run.sh check APP.json --rules SH-2023`).
set -eu
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
"$ROOT/scripts/bootstrap.sh" runtime
exec "$ROOT/.venv/bin/cluster-declare" "$@"
