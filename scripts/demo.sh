#!/usr/bin/env bash
# Set up a virtual environment and run Passage's main job on the bundled example corpus
# with the embedded database (SQLite file passage.db).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
DB=${PASSAGE_DB:-passage.db}
.venv/bin/passage ingest examples/corpus --db "$DB"
.venv/bin/passage extract examples/corpus --db "$DB" -o events.jsonl --quiet
.venv/bin/passage stats --db "$DB"
echo "events written to events.jsonl; browse them with: .venv/bin/passage documents --db $DB"
