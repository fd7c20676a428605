"""How fast the pipeline (clean + extract, no database) runs, in one process.

Two inputs are measured: relevant reports (the gold texts, or the example
corpus), and a stream that looks like a news feed, where most articles are not
about migration: invented sport, weather, markets and tech articles generated
from a vocabulary file, with 2% relevant reports mixed in.
"""

from __future__ import annotations

import itertools
import json
import random
import re
import resource
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from passage.model import Event, Failure, Provenance, RawDocument

Pipeline = Callable[[RawDocument], list[Event]]  # what one document costs: gate, clean, extract

RELEVANT_SHARE = 0.02  # share of relevant reports in the mixed stream, as in a general news feed
MIN_WORDS, MAX_WORDS = 300, 800  # length of an invented article
MAX_SENTENCE_WORDS = 40  # templates stay below this, so an article never passes MAX_WORDS
INVENTED_PATH = "<invented>"  # provenance path of generated articles
PROGRESS_EVERY = 25  # documents between progress-bar refreshes
BYTES_PER_MB = 1_000_000
_SLOT = re.compile(r"\{(\w+)(?::(\d+)-(\d+))?\}")


# --------------------------------------------------------------------------- inputs


@dataclass
class Topic:
    headlines: list[str]
    sentences: list[str]
    slots: dict[str, list[str]]


@dataclass
class Vocabulary:
    """Templates for invented articles: per topic, plus slots shared by every topic."""

    topics: dict[str, Topic]
    shared: dict[str, list[str]]

    @classmethod
    def load(cls, path: Path) -> Vocabulary:
        if not path.is_file():
            raise FileNotFoundError(
                f"{path}: no bench vocabulary; run from the repository root or pass --vocabulary"
            )
        data = json.loads(path.read_text(encoding="utf-8"))
        topics = {name: Topic(**topic) for name, topic in data["topics"].items()}
        return cls(topics, data.get("shared", {}))

    def fill(self, template: str, topic: Topic, rng: random.Random) -> str:
        """The template with its slots filled; a slot used twice takes two different values."""
        used: set[str] = set()

        def value(match: re.Match[str]) -> str:
            name, low, high = match.groups()
            if low is not None:
                return str(rng.randint(int(low), int(high)))
            choices = topic.slots.get(name) or self.shared[name]
            chosen = rng.choice([c for c in choices if c not in used] or choices)
            used.add(chosen)
            return chosen

        return _SLOT.sub(value, template)


def generate_irrelevant(
    count: int, vocabulary: Vocabulary, *, seed: int = 0, published: date = date(2024, 1, 15)
) -> list[RawDocument]:
    """``count`` invented articles, the same ones for the same seed, topics taken in turn."""
    rng = random.Random(seed)
    names = sorted(vocabulary.topics)
    documents = []
    for number in range(count):
        topic = vocabulary.topics[names[number % len(names)]]
        title = vocabulary.fill(rng.choice(topic.headlines), topic, rng)
        target = rng.randint(MIN_WORDS, MAX_WORDS - MAX_SENTENCE_WORDS)
        words = len(title.split())
        paragraphs: list[list[str]] = []
        while words < target:
            if not paragraphs or len(paragraphs[-1]) >= rng.randint(2, 5):
                paragraphs.append([])
            sentence = vocabulary.fill(rng.choice(topic.sentences), topic, rng)
            paragraphs[-1].append(sentence)
            words += len(sentence.split())
        body = "\n\n".join(" ".join(paragraph) for paragraph in paragraphs)
        documents.append(
            RawDocument(
                text=f"{title}\n\n{body}\n",
                provenance=Provenance(INVENTED_PATH, number + 1, "record"),
                format="text",
                title=title,
                published=published,
                language="en",
            )
        )
    return documents


def mix(
    relevant: Sequence[RawDocument],
    irrelevant: Sequence[RawDocument],
    share: float = RELEVANT_SHARE,
) -> list[RawDocument]:
    """The irrelevant articles with relevant ones (cycled) spread evenly, ``share`` of the total."""
    wanted = round(len(irrelevant) * share / (1 - share)) if relevant else 0
    total = len(irrelevant) + wanted
    stream: list[RawDocument] = []
    rest = iter(irrelevant)
    for position in range(total):
        # Bresenham: exactly `wanted` positions, evenly spaced, take a relevant report.
        if (position + 1) * wanted // total > position * wanted // total:
            stream.append(relevant[(position * wanted // total) % len(relevant)])
        else:
            stream.append(next(rest))
    return stream


def default_relevant_paths(root: Path | None = None) -> list[Path]:
    """The gold texts in ``../shared`` next to the repository, else ``examples/corpus``."""
    root = root or Path.cwd()
    shared = root.parent / "shared"
    gold_texts = [p for p in (shared / "corpus" / "dev", shared / "seeds") if p.is_dir()]
    return gold_texts or [root / "examples" / "corpus"]


def load_relevant(paths: Sequence[Path]) -> list[RawDocument]:
    """Every document ``passage ingest`` reads from ``paths``; unreadable ones are skipped."""
    from passage.ingest import read

    return [item for item in read([str(p) for p in paths]) if not isinstance(item, Failure)]


# --------------------------------------------------------------------------- measuring


@dataclass
class BenchInput:
    name: str
    documents: list[RawDocument]


@dataclass
class Measurement:
    name: str
    input_documents: int
    input_mb: float
    documents: int  # documents processed (more than the input when --seconds repeats it)
    mb: float
    seconds: float  # wall clock
    # the CPU time this process used meanwhile: on a shared machine, where other work
    # takes turns on the core, the rate per CPU second is what one core can do
    cpu_seconds: float
    events: int
    events_on_invented: int  # events found in invented (non-migration) articles: false alarms
    peak_memory_mb: float  # the process's peak so far, so it includes earlier measurements
    # the wall time of the quickest whole pass over the input (None: no pass ended): on a
    # shared machine, where others' work slows some passes, what the core can do
    fastest_pass_seconds: float | None = None

    @property
    def documents_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def documents_per_cpu_second(self) -> float:
        return self.documents / self.cpu_seconds if self.cpu_seconds else 0.0

    @property
    def mb_per_second(self) -> float:
        return self.mb / self.seconds if self.seconds else 0.0

    @property
    def documents_per_second_fastest_pass(self) -> float | None:
        if not self.fastest_pass_seconds:
            return None
        return self.input_documents / self.fastest_pass_seconds

    def to_json(self) -> dict[str, Any]:
        return {
            **vars(self),
            "documents_per_second": self.documents_per_second,
            "documents_per_cpu_second": self.documents_per_cpu_second,
            "mb_per_second": self.mb_per_second,
            "documents_per_second_fastest_pass": self.documents_per_second_fastest_pass,
        }


@dataclass
class BenchReport:
    measurements: list[Measurement] = field(default_factory=list)
    processes: int = 1  # everything runs in this one process: rates are per core
    # loading resources and compiling patterns, once per process, before the clock starts
    startup_seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "processes": self.processes,
            "startup_seconds": self.startup_seconds,
            "measurements": [m.to_json() for m in self.measurements],
        }

    def render(self, console: Console | None = None) -> None:
        console = console or Console()
        table = Table(
            title="clean + extract, one process: rates are per core",
            caption=f"startup before the clock (resources, patterns): {self.startup_seconds:.2f} s",
        )
        table.add_column("")
        for m in self.measurements:
            table.add_column(m.name, justify="right")
        rows: list[tuple[str, Callable[[Measurement], str]]] = [
            ("input documents", lambda m: str(m.input_documents)),
            ("input MB", lambda m: f"{m.input_mb:.2f}"),
            ("documents processed", lambda m: str(m.documents)),
            ("seconds", lambda m: f"{m.seconds:.2f}"),
            ("CPU seconds", lambda m: f"{m.cpu_seconds:.2f}"),
            ("documents/s", lambda m: f"{m.documents_per_second:.1f}"),
            ("documents per CPU second", lambda m: f"{m.documents_per_cpu_second:.1f}"),
            ("documents/s, fastest pass", _fastest),
            ("MB/s", lambda m: f"{m.mb_per_second:.3f}"),
            ("events", lambda m: str(m.events)),
            ("events on invented articles", lambda m: str(m.events_on_invented)),
            ("peak memory MB (process)", lambda m: f"{m.peak_memory_mb:.0f}"),
        ]
        for label, cell in rows:
            table.add_row(label, *(cell(m) for m in self.measurements))
        console.print(table)


def _fastest(m: Measurement) -> str:
    rate = m.documents_per_second_fastest_pass
    return "-" if rate is None else f"{rate:.1f}"


# Unless told how long, each input is measured over whole passes for at least this long:
# one pass over a hundred reports takes under a second, too short for a steady rate.
MIN_SECONDS = 3.0


def _peak_memory_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / BYTES_PER_MB if sys.platform == "darwin" else peak * 1024 / BYTES_PER_MB


def measure(
    bench_input: BenchInput,
    *,
    pipeline: Pipeline,
    seconds: float | None = None,
    min_seconds: float = 0.0,
    progress: Progress | None = None,
) -> Measurement:
    """Run the pipeline over the input for about ``seconds`` (repeating it or stopping
    early), or else once, repeated until ``min_seconds`` have passed."""
    docs = bench_input.documents
    sizes = [len(d.text.encode("utf-8")) for d in docs]
    task = None
    if progress is not None:
        task = progress.add_task(
            bench_input.name, total=None if seconds or min_seconds else len(docs)
        )
    pairs = zip(docs, sizes, strict=True)
    order = itertools.cycle(pairs) if seconds or min_seconds else pairs
    done = size = events = invented = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    pass_start, fastest = start, None  # when the current pass began, the quickest pass
    for doc, doc_size in order:
        found = len(pipeline(doc))
        events += found
        invented += found if doc.provenance.path == INVENTED_PATH else 0
        done += 1
        size += doc_size
        if progress is not None and task is not None and done % PROGRESS_EVERY == 0:
            progress.update(task, completed=done)
        now = time.perf_counter()
        pass_ended = done % len(docs) == 0
        if pass_ended:
            fastest = now - pass_start if fastest is None else min(fastest, now - pass_start)
            pass_start = now
        if seconds and now - start >= seconds:
            break
        if not seconds and pass_ended and now - start >= min_seconds:
            break  # whole passes only, so every document weighs the same
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return Measurement(
        name=bench_input.name,
        input_documents=len(docs),
        input_mb=sum(sizes) / BYTES_PER_MB,
        documents=done,
        mb=size / BYTES_PER_MB,
        seconds=elapsed,
        cpu_seconds=cpu,
        events=events,
        events_on_invented=invented,
        peak_memory_mb=_peak_memory_mb(),
        fastest_pass_seconds=fastest,
    )


def run_bench(
    inputs: Sequence[BenchInput],
    *,
    seconds: float | None = None,
    min_seconds: float = 0.0,
    pipeline: Pipeline | None = None,
    show_progress: bool = False,
) -> BenchReport:
    """Measure every input in turn; ``pipeline`` defaults to :func:`passage.extract.extract_raw`."""
    report = BenchReport()
    started = time.perf_counter()
    if pipeline is None:
        from passage.extract import extract_raw as pipeline
        from passage.extract import prepare

        prepare()  # every pattern compiled: a long run pays this once
    warm_up = next((i.documents[0] for i in inputs if i.documents), None)
    if warm_up is not None:  # load resources and caches before the clock starts
        pipeline(warm_up)
    report.startup_seconds = time.perf_counter() - started
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    console = Console(stderr=True)
    hidden = not (show_progress and console.is_terminal)
    with Progress(*columns, console=console, transient=True, disable=hidden) as bar:
        for bench_input in inputs:
            report.measurements.append(
                measure(
                    bench_input,
                    pipeline=pipeline,
                    seconds=seconds,
                    min_seconds=min_seconds,
                    progress=bar,
                )
            )
    return report
