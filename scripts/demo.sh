#!/usr/bin/env bash
# Set up a virtual environment and run Passage's main job on the bundled example corpus with
# the embedded database (SQLite file passage.db): ingest, extract events, consolidate the
# reports of one fact into one event, show what is stored, then serve the dashboard (one row
# per fact, every report on demand) and the REST API on http://127.0.0.1:8000/ (Ctrl-C to stop).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
DB=${PASSAGE_DB:-passage.db}
PORT=${PASSAGE_PORT:-8000}
.venv/bin/passage ingest examples/corpus examples/scenarios --db "$DB"
.venv/bin/passage extract examples/corpus examples/scenarios --db "$DB" -o events.jsonl --quiet
.venv/bin/passage consolidate --db "$DB"
.venv/bin/passage stats --db "$DB"
echo "events written to events.jsonl"
if [ "${PASSAGE_NO_SERVE:-}" = "1" ]; then
  exit 0
fi
echo "Open the dashboard at http://127.0.0.1:$PORT/ (API: http://127.0.0.1:$PORT/api/v1/events)"
exec .venv/bin/passage serve --db "$DB" --port "$PORT"
