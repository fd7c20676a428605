"""The ``passage`` command line: thin wrappers over :class:`passage.workspace.Passage`.

Each command opens the database, calls one API method and turns library errors
into a clean message. Exit status: 0 when everything was read, 1 when some input
failed (the rest is still stored), 2 on a usage error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from passage import __version__
from passage.store import StoreError

err = Console(stderr=True, highlight=False)
out = Console(highlight=False)

db_option = click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("passage.db"),
    show_default=True,
    envvar="PASSAGE_DB",
    help="SQLite database file (created when missing).",
)
quiet_option = click.option("--quiet", "-q", is_flag=True, help="No progress display.")


def _open(db: Path) -> Any:
    from passage.workspace import Passage

    try:
        return Passage(db)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


@contextmanager
def _progress(label: str, quiet: bool) -> Iterator[Callable[[str, int], None]]:
    """A live counter on stderr; a no-op when quiet."""
    if quiet:
        yield lambda status, n: None
        return
    columns = (
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(bar_width=None),
        TextColumn("{task.completed} documents"),
        TextColumn("{task.fields[detail]}"),
        TimeElapsedColumn(),
    )
    counts: dict[str, int] = {}
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task(label, total=None, detail="")

        def update(status: str, n: int) -> None:
            counts[status] = counts.get(status, 0) + 1
            detail = " ".join(f"{k} {v}" for k, v in sorted(counts.items()))
            bar.update(task, completed=n, detail=detail)

        yield update


@click.group()
@click.version_option(__version__, prog_name="passage")
def main() -> None:
    """Passage turns news reports about migration enforcement into a sourced dataset."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@quiet_option
def ingest(paths: tuple[str, ...], db: Path, quiet: bool) -> None:
    """Read PATHS (files, directories, or - for standard input) into the database.

    Reads plain text, HTML, JSON Lines, WARC(.gz), RSS and Atom. Every bad input is
    reported with its file and record, recorded as a failure, and the batch goes on.
    Running it again adds nothing already stored, so it also resumes a broken run.

    Example: passage ingest examples/corpus --db passage.db
    """
    with _open(db) as p, _progress("ingest", quiet) as progress:
        report = p.ingest(list(paths), stdin=sys.stdin, progress=progress)
    for failure in report.failures:
        err.print(f"[red]error[/red] {escape(failure.describe())}")
    err.print(
        f"ingest: {report.seen} documents read, {report.new} new, {report.versions} new versions,"
        f" {report.known} already stored, {len(report.failures)} failed -> {db}"
    )
    if report.failures:
        sys.exit(1)


@main.command()
@click.option("--search", "-s", help="Only documents whose text, title or url contains this.")
@click.option("--language", help="Only documents in this language (ISO 639-1).")
@click.option("--format", "fmt", help="Only documents read from this format (text, html, ...).")
@click.option("--since", help="Published on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Published on or before this date (YYYY-MM-DD).")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--offset", default=0, type=click.IntRange(0))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@db_option
def documents(
    search: str | None,
    language: str | None,
    fmt: str | None,
    since: str | None,
    until: str | None,
    limit: int,
    offset: int,
    as_json: bool,
    db: Path,
) -> None:
    """List stored documents, with filters and text search.

    Example: passage documents --search deport --language en
    """
    with _open(db) as p:
        rows = p.documents(
            search=search,
            language=language,
            fmt=fmt,
            since=since,
            until=until,
            limit=limit,
            offset=offset,
        )
    if as_json:
        for row in rows:
            click.echo(json.dumps(row.__dict__, ensure_ascii=False))
        return
    table = Table("id", "published", "lang", "format", "chars", "events", "title", "source")
    for row in rows:
        table.add_row(
            row.id,
            row.published or "",
            row.language or "",
            row.format,
            str(row.chars),
            "" if row.events is None else str(row.events),
            escape((row.title or "")[:60]),
            escape(row.source or ""),
        )
    out.print(table)
    out.print(f"{len(rows)} documents")


@main.command()
@click.argument("doc_id")
@click.option("--clean", "clean_only", is_flag=True, help="Only the clean text, nothing marked.")
@db_option
def show(doc_id: str, clean_only: bool, db: Path) -> None:
    """Show one document's clean text; what was dropped and what is a caption are marked.

    DOC_ID may be any unique prefix of the id. Dropped lines are shown dimmed and
    struck through with the reason; captions are marked [caption].

    Example: passage show 3f2a9c
    """
    with _open(db) as p:
        doc = p.document(doc_id)
        events = p.events_of(doc.id) if doc else []
    if doc is None:
        raise click.ClickException(f"no single document with id {doc_id!r} in {db}")
    if clean_only:
        from passage.clean import clean_view

        click.echo(clean_view(doc).text)
        return
    raw = doc.raw
    out.print(f"[bold]{escape(raw.title or '(no title)')}[/bold]")
    out.print(
        f"id {doc.id}  published {raw.published or '?'}  language {doc.language or '?'}"
        f"  format {raw.format}  url {escape(raw.url or '-')}"
    )
    out.print(f"from {escape(raw.provenance.describe())}\n")
    for block in doc.blocks:
        text = escape(doc.text[block.start : block.end].rstrip("\n"))
        if block.kind == "body":
            out.print(text)
        elif block.kind == "caption":
            out.print(f"[cyan][caption][/cyan] [italic]{text}[/italic]")
        elif block.reason != "blank":
            out.print(f"[dim][strike]{text}[/strike]  <- dropped: {block.reason}[/dim]")
    if events:
        out.print(f"\n[bold]{len(events)} events[/bold]")
        for ev in events:
            people = ""
            if ev.people:
                people = f" people {ev.people.low}-{ev.people.high}"
            quote = escape(doc.text[ev.evidence[0].start : ev.evidence[0].end][:120])
            out.print(f"- {ev.type} ({ev.status}){people}: {quote}")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@db_option
def stats(as_json: bool, db: Path) -> None:
    """Counts of documents, formats, languages, failures and events.

    Example: passage stats --db passage.db
    """
    with _open(db) as p:
        figures = p.stats()
        failures = p.failures()
    if as_json:
        click.echo(json.dumps(figures, indent=2))
        return
    out.print(f"[bold]{db}[/bold]")
    for key in ("documents", "versions", "characters", "runs", "events", "documents_extracted"):
        out.print(f"  {key:<20} {figures[key]}")
    for key in ("by_format", "by_language", "events_by_type", "failures_by_kind"):
        if figures[key]:
            pairs = ", ".join(f"{k} {v}" for k, v in figures[key].items())
            out.print(f"  {key:<20} {pairs}")
    for failure in failures:
        out.print(f"  [red]failure[/red] {escape(failure.describe())}")


def _figure(people: Any) -> str:
    if people is None:
        return ""
    low, high = people.low, people.high
    text = f"{low}" if low == high else f"{low or ''}-{high or ''}"
    if people.per:
        text += f"/{people.per}"
    return ("~" if people.approx else "") + text + (" (total)" if people.cumulative else "")


def _event_cells(ev: Any) -> tuple[str, ...]:
    """Type, status, people, corridor and date of an event or a fact, as table cells."""
    corridor = f"{','.join(ev.origin) or '?'} -> {ev.destination or ev.location or '?'}"
    return (ev.type, ev.status, _figure(ev.people), corridor, str(ev.date.start if ev.date else ""))


@main.command()
@click.option("--type", "etype", help="Only this event type (removal, return, ...).")
@click.option("--origin", help="Only people of this nationality (ISO alpha-3).")
@click.option("--location", help="Only events in this country (ISO alpha-3).")
@click.option("--destination", help="Only people sent or going to this country (ISO alpha-3).")
@click.option("--since", help="Events dated on or after this day (YYYY-MM-DD).")
@click.option("--until", help="Events dated on or before this day (YYYY-MM-DD).")
@click.option("--conflict", is_flag=True, help="Only facts whose reports give different figures.")
@click.option("--reports", is_flag=True, help="Every report's event, not one row per fact.")
@click.option("--id", "fact_id", help="One fact with every report of it (id or unique prefix).")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@db_option
def events(
    etype: str | None,
    origin: str | None,
    location: str | None,
    destination: str | None,
    since: str | None,
    until: str | None,
    conflict: bool,
    reports: bool,
    fact_id: str | None,
    limit: int,
    as_json: bool,
    db: Path,
) -> None:
    """List events: one row per fact across reports by default, every report on demand.

    Facts come from `passage consolidate` (run by `passage extract --db`); until the
    database is consolidated, every report's event is listed.

    Example: passage events --type removal --origin AFG --db passage.db
    """
    import passage.consolidate as consolidation

    with _open(db) as p:
        conn = p.store.conn
        if fact_id:
            fact = consolidation.consolidated_event(conn, fact_id)
            if fact is None:
                raise click.ClickException(f"no single fact with id {fact_id!r} in {db}")
            if as_json:
                click.echo(json.dumps(fact.to_json(), ensure_ascii=False, default=str))
                return
            out.print(
                f"[bold]{fact.type}[/bold] {_figure(fact.people)} {fact.status}"
                f"{'  [red]figures differ[/red]' if fact.conflict else ''}"
            )
            for m in fact.members:
                quote = escape(m.evidence[0][2][:110]) if m.evidence else ""
                out.print(
                    f"- {m.published or '?'} {escape(m.outlet or m.url or m.doc_id)}: "
                    f'{_figure(m.people)} {escape(m.source or "")} "{quote}"'
                )
            return
        facts = (
            []
            if reports
            else consolidation.consolidated_events(
                conn,
                type=etype,
                origin=origin,
                location=location,
                destination=destination,
                conflict=True if conflict else None,
                since=since,
                until=until,
                limit=limit,
            )
        )
        if facts:
            if as_json:
                for fact in facts:
                    click.echo(json.dumps(fact.to_json(), ensure_ascii=False, default=str))
                return
            table = Table("fact", "type", "status", "people", "corridor", "date", "reports")
            for fact in facts:
                table.add_row(
                    fact.id[:12],
                    *_event_cells(fact),
                    f"{fact.reports}{' !' if fact.conflict else ''}",
                )
            out.print(table)
            out.print(f"{len(facts)} facts (`--reports` lists every report, `--id` one fact)")
            return
        from passage.api.filters import build_filters
        from passage.store.queries import list_events

        page = list_events(
            conn,
            build_filters(
                type=etype,
                origin=origin,
                location=location,
                destination=destination,
                date_from=since,
                date_to=until,
            ),
            limit=limit,
        )
    if as_json:
        for record in page.events:
            line = record.event.to_json() | {
                "id": record.id,
                "consolidated_id": record.consolidated_id,
            }
            click.echo(json.dumps(line, ensure_ascii=False))
        return
    table = Table("event", "type", "status", "people", "corridor", "date", "evidence")
    for record in page.events:
        table.add_row(
            record.id[:12],
            *_event_cells(record.event),
            escape((record.evidence_text or [""])[0][:80]),
        )
    out.print(table)
    out.print(f"{len(page.events)} of {page.count} reports' events")


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default="-",
    show_default=True,
    help="JSON Lines file, one line per document ({id, events}); - for standard output.",
)
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also ingest the inputs, store their events in this database and consolidate them.",
)
@quiet_option
def extract(inputs: tuple[str, ...], output: Path, db: Path | None, quiet: bool) -> None:
    """Find migration-enforcement events in INPUTS and write them as JSON Lines.

    INPUTS is anything `passage ingest` reads. Each event is written in the
    GUIDELINES form with evidence as [start, end] character offsets into the
    document's text. With --db, consolidation is brought up to date afterwards
    (as `passage consolidate` does), so the dashboard lists one row per fact.

    Example: passage extract examples/corpus -o events.jsonl --db passage.db
    """
    from passage.extract import extract as extract_events
    from passage.model import Failure
    from passage.workspace import read_documents

    failures: list[Failure] = []
    sink = sys.stdout if str(output) == "-" else output.open("w", encoding="utf-8")
    store = _open(db) if db else None
    try:
        with _progress("extract", quiet) as progress:
            n = 0
            for item in read_documents(list(inputs), stdin=sys.stdin):
                if isinstance(item, Failure):
                    failures.append(item)
                    if store:
                        store.store.add_failure(item)
                    continue
                n += 1
                try:
                    events = extract_events(item)
                except Exception as exc:  # one broken document never stops a batch
                    failures.append(
                        Failure(
                            item.raw.provenance, "extract_error", f"{type(exc).__name__}: {exc}"
                        )
                    )
                    continue
                if store:
                    from passage.workspace import EXTRACTOR_VERSION

                    store.store.add_document(item)
                    store.store.replace_events(item.id, events, EXTRACTOR_VERSION)
                line = {
                    "id": item.raw.external_id or item.id,
                    "doc_id": item.id,
                    "source": item.raw.provenance.describe(),
                    "events": [ev.to_json(item.text) for ev in events],
                }
                sink.write(json.dumps(line, ensure_ascii=False) + "\n")
                progress("extracted", n)
        if store:
            _consolidate_after_extract(store, db)
    finally:
        if sink is not sys.stdout:
            sink.close()
        if store:
            store.close()
    for failure in failures:
        err.print(f"[red]error[/red] {escape(failure.describe())}")
    if failures:
        sys.exit(1)


def _consolidate_after_extract(workspace: Any, db: Path | None) -> None:
    """Bring consolidation up to date, so lists show one row per fact (incremental: cheap)."""
    from passage.consolidate import consolidate as run_consolidate

    report = run_consolidate(workspace.store.conn)
    err.print(
        f"consolidate: {report.consolidated} consolidated events from {report.events} events"
        f" ({report.multi_report} told by several reports, {report.conflicts} with conflicting"
        f" figures) -> {db}"
    )


@main.command("eval")
@click.argument(
    "gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--json",
    "json_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the full report, with each document's misses, to this file.",
)
@click.option(
    "--predictions",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Score this `passage extract` output instead of running the pipeline.",
)
@click.option("--check-floors", is_flag=True, help="Exit 1 when any score is below its floor.")
@click.option("--update-floors", is_flag=True, help="Write the current scores as the floors.")
@click.option("--allow-lower", is_flag=True, help="Let --update-floors lower a floor.")
@click.option(
    "--floors",
    "floors_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("tests/quality/floors.json"),
    show_default=True,
    help="The floors file, relative to the current directory.",
)
def eval_command(
    gold: tuple[Path, ...],
    json_path: Path | None,
    predictions: Path | None,
    check_floors: bool,
    update_floors: bool,
    allow_lower: bool,
    floors_path: Path,
) -> None:
    """Score extraction against the gold annotations in GOLD (.jsonl files).

    Prints precision, recall and F1 per event type, figure F1, field accuracies on
    matched events, and false alarms on documents with no gold event. With
    --check-floors it is the quality gate; --update-floors re-baselines it.

    Example: passage eval ../shared/gold/seeds.jsonl ../shared/gold/dev.jsonl --check-floors
    """
    from passage import evaluate as ev

    if allow_lower and not update_floors:
        raise click.UsageError("--allow-lower only applies with --update-floors")
    try:
        if predictions:
            docs = ev.load_gold(gold)
            digest = ev.gold_digest(gold, docs)
            report = ev.score(docs, ev.load_predictions(predictions), gold_sha256=digest)
        else:
            report = ev.evaluate(gold)
        floors = ev.Floors.load(floors_path) if check_floors or update_floors else None
    except (ev.GoldError, ev.FloorsError) as exc:
        raise click.ClickException(str(exc)) from exc
    report.render(out)
    if json_path:
        text = json.dumps(report.to_json(), indent=2, ensure_ascii=False)
        json_path.write_text(text + "\n", encoding="utf-8")
        err.print(f"eval: report written to {json_path}")
    if update_floors:
        update = ev.update_floors(report, floors)
        if update.gold_changed:
            err.print("eval: the gold changed since the floors were set; re-baselining")
        for line in update.lowered:
            err.print(f"[{'yellow' if allow_lower else 'red'}]lowers[/] {escape(line)}")
        if update.lowered and not allow_lower:
            raise click.ClickException("refusing to lower floors; pass --allow-lower to mean it")
        update.floors.save(floors_path)
        err.print(f"eval: floors written to {floors_path}")
    elif check_floors:
        if floors is None:
            raise click.ClickException(f"no floors at {floors_path}; create them: --update-floors")
        problems = ev.check_floors(report, floors)
        for problem in problems:
            err.print(f"[red]below floor[/red] {escape(problem)}")
        if problems:
            sys.exit(1)
        err.print(f"eval: all {len(floors.values)} floors hold ({floors_path})")


@main.command()
@click.option(
    "--relevant",
    multiple=True,
    type=click.Path(exists=True, path_type=Path),
    help="Reports about migration (repeatable; files or directories). "
    "Default: the gold texts in ../shared, else examples/corpus.",
)
@click.option(
    "--irrelevant",
    default=5000,
    show_default=True,
    type=click.IntRange(0),
    help="How many invented non-migration articles the mixed stream holds.",
)
@click.option(
    "--seconds",
    type=click.FloatRange(0, min_open=True),
    help="Measure each input for about this long: repeat it, or stop early. "
    "Default: whole passes for at least 3 s.",
)
@click.option(
    "--vocabulary",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("examples/bench/vocabulary.json"),
    show_default=True,
    help="Words and templates for the invented articles.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the measurements as JSON.")
@quiet_option
def bench(
    relevant: tuple[Path, ...],
    irrelevant: int,
    seconds: float | None,
    vocabulary: Path,
    as_json: bool,
    quiet: bool,
) -> None:
    """Measure clean + extract speed in one process (no database).

    Runs on relevant reports, then on a stream of invented sport, weather, markets
    and tech articles with 2% relevant reports mixed in; prints documents/s, MB/s
    (per core: one process), input size and peak memory for each.

    Example: passage bench --irrelevant 2000 --seconds 20
    """
    from passage import bench as b

    try:
        words = b.Vocabulary.load(vocabulary)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc
    reports = b.load_relevant(list(relevant) or b.default_relevant_paths())
    invented = b.generate_irrelevant(irrelevant, words)
    inputs = [
        b.BenchInput("relevant", reports),
        b.BenchInput("irrelevant", invented),
        b.BenchInput("mixed stream", b.mix(reports, invented)),
    ]
    report = b.run_bench(
        inputs, seconds=seconds, min_seconds=b.MIN_SECONDS, show_progress=not quiet
    )
    if as_json:
        click.echo(json.dumps(report.to_json(), indent=2))
    else:
        report.render(out)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@db_option
def serve(host: str, port: int, db: Path) -> None:
    """Serve the dashboard at / and the REST API at /api/v1 (schema /openapi.json, /docs).

    Works offline: every asset is in the package. Stop with Ctrl-C.

    Example: passage serve --db passage.db --port 8000
    """
    import uvicorn

    from passage.api.app import create_app
    from passage.consolidate import counts

    if not db.exists():
        raise click.ClickException(f"{db}: no such database (run `passage ingest` first)")
    with _open(db) as p:  # applies pending migrations before read-only use
        consolidated = counts(p.store.conn)["consolidated"]
    if not consolidated:
        err.print(
            f"note: no consolidated events yet; the dashboard lists every report's event"
            f" (run `passage consolidate --db {db}` for one row per fact)"
        )
    err.print(f"serving {db} at http://{host}:{port}/  (API /api/v1, docs /docs)")
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


_EVENT_FILTERS = (
    ("--type", "type", "Event types, comma-separated (removal, return, ...)."),
    ("--policy-kind", "policy_kind", "Policy kinds, comma-separated."),
    ("--status", "status", "occurred, ongoing or planned, comma-separated."),
    ("--origin", "origin", "People's origin: ISO alpha-3 codes or country names."),
    ("--location", "location", "Where it happened: codes or country names."),
    ("--destination", "destination", "Where people went: codes or country names."),
    ("--country", "country", "Origin, location or destination: codes or names."),
    ("--date-from", "date_from", "Events overlapping from this day (YYYY[-MM[-DD]])."),
    ("--date-to", "date_to", "Events overlapping until this day (YYYY[-MM[-DD]])."),
    ("--actor", "actor", "Substring of the actor, any case."),
    ("--source", "source", "Substring of the source, any case."),
    ("--text", "q", "Words in the evidence text (the API's q)."),
)


def event_filter_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The API's event filters as options (see GET /api/v1/events)."""
    command = click.option("--min-people", type=int, help="At least this many people.")(command)
    for flag, name, text in reversed(_EVENT_FILTERS):
        command = click.option(flag, name, help=text)(command)
    return command


@main.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl", "parquet"]),
    default=None,
    help="Output format (default: from the file name's extension, else csv).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="File to write; - for standard output.",
)
@click.option("--sort", default="date", show_default=True, help="date, -date, people, type...")
@event_filter_options
@db_option
def export_command(fmt: str | None, output: Path, sort: str, db: Path, **filters: Any) -> None:
    """Export events with every field, the evidence, the report's url and a citation.

    Takes the same filters as the API (GET /api/v1/events); several values are
    separated by commas.

    Example: passage export --format csv -o removals.csv --type removal --origin AFG
    """
    from passage.api.filters import FilterError, build_filters, check_sort
    from passage.export import export, write_export
    from passage.store import connect_readonly

    if fmt is None:
        suffix = output.suffix.lower().lstrip(".")
        fmt = suffix if suffix in ("csv", "jsonl", "parquet") else "csv"
    try:
        selected = build_filters(**filters)
        sort = check_sort(sort)
    except FilterError as exc:
        raise click.UsageError(f"--{exc.param.replace('_', '-')}: {exc.message}") from exc
    if not db.exists():
        raise click.ClickException(f"{db}: no such database (run `passage ingest` first)")
    _open(db).close()  # applies pending migrations before read-only use
    conn = connect_readonly(db)
    try:
        if str(output) == "-":
            sys.stdout.buffer.write(export(conn, selected, fmt, sort=sort))  # type: ignore[arg-type]
            return
        with output.open("wb") as sink:
            n = write_export(conn, selected, fmt, sink, sort=sort)  # type: ignore[arg-type]
    finally:
        conn.close()
    err.print(f"export: {n} events -> {output} ({fmt})")


@main.command()
@click.option("--rebuild", is_flag=True, help="Recompute everything instead of what changed.")
@click.option(
    "--measure",
    is_flag=True,
    help="Instead: measure merging on examples/scenarios and ../shared/gold, and the cost.",
)
@db_option
def consolidate(rebuild: bool, measure: bool, db: Path) -> None:
    """Cluster duplicate documents and merge events that report one fact.

    Syndicated copies and updated versions are clustered (MinHash over the clean
    body text) and count once; events of several reports of one fact become one
    consolidated event listing every report, with conflicting figures flagged.
    Runs incrementally: only new documents and re-extracted events are compared.

    Example: passage consolidate --db passage.db
    """
    if measure:
        from passage.consolidate.measure import main as run_measure

        run_measure()
        return
    from passage.consolidate import consolidate as run_consolidate

    with _open(db) as p:
        report = run_consolidate(p.store.conn, rebuild=rebuild)
    how = "rebuilt" if report.rebuilt else "updated"
    err.print(
        f"consolidate ({how}): {report.new_documents} new documents,"
        f" {report.reports_recomputed} reports compared -> {db}"
    )
    out.print(
        f"clusters {report.clusters}  duplicates {report.duplicates}"
        f"  consolidated events {report.consolidated} (from {report.events} events;"
        f" {report.multi_report} told by several reports)  conflicts {report.conflicts}"
    )


@main.command()
@click.option("--type", "type_", help="Event type (removal, return, arrival, ...).")
@click.option("--origin", help="People's origin (ISO alpha-3).")
@click.option("--destination", help="Where people were sent or went (ISO alpha-3).")
@click.option("--location", help="Where it happened (ISO alpha-3).")
@click.option(
    "--interval",
    type=click.Choice(["day", "week", "month", "quarter", "year"]),
    default="month",
    show_default=True,
)
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="From this day (YYYY-MM-DD).")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Until this day (YYYY-MM-DD).")
@click.option("--combine", is_flag=True, help="One series per type for all matching corridors.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per point.")
@db_option
def series(
    type_: str | None,
    origin: str | None,
    destination: str | None,
    location: str | None,
    interval: str,
    since: Any,
    until: Any,
    combine: bool,
    as_json: bool,
    db: Path,
) -> None:
    """People per period and corridor, from consolidated events, nothing counted twice.

    Running totals bound the sum of their parts; a point longer than one period
    holds what a total or multi-period figure leaves unexplained. Run
    `passage consolidate` first.

    Example: passage series --type removal --destination CHN --interval month
    """
    from passage.consolidate import series as build_series

    with _open(db) as p:
        points = build_series(
            p.store.conn,
            type=type_,
            origin=origin,
            destination=destination,
            location=location,
            interval=interval,
            since=since.date() if since else None,
            until=until.date() if until else None,
            combine=combine,
        )
    if as_json:
        for point in points:
            click.echo(json.dumps(point.to_json(), ensure_ascii=False))
        return
    table = Table("type", "corridor", "from", "to", "low", "high", "how it was counted")
    for point in points:
        corridor = f"{','.join(point.origin) or '?'} -> {point.destination or '?'}"
        if point.location:
            corridor += f" (in {point.location})"
        table.add_row(
            point.type,
            corridor,
            point.start.isoformat(),
            point.end.isoformat(),
            str(point.low),
            "open" if point.high is None else str(point.high),
            escape(point.method),
        )
    out.print(table)
    out.print(f"{len(points)} points")


if __name__ == "__main__":  # pragma: no cover
    main()
