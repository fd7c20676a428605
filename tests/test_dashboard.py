"""The dashboard end to end: the real `passage serve`, driven in Debian's chromium.

Screenshots go to artifacts/screenshots/ (not committed).
"""

from __future__ import annotations

import csv
import io
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from api_fixtures import build_db

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"
START_TIMEOUT_S = 20  # the server imports FastAPI and opens the database
UI_TIMEOUT_MS = 10_000

if not CHROMIUM.exists():
    pytest.skip("no /usr/bin/chromium (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build_db(tmp_path_factory.mktemp("dash") / "events.db")
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "passage.cli", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        try:
            if httpx.get(base + "/api/v1/facets", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            out = proc.stdout.read().decode() if proc.stdout else ""
            pytest.fail(f"passage serve did not start: {out}")
        time.sleep(0.1)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        yield b
        b.close()


@pytest.fixture
def page(browser, server: str) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    pg = context.new_page()
    pg.set_default_timeout(UI_TIMEOUT_MS)
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.goto(server + "/")
    pg.wait_for_selector("body[data-ready=true]")
    yield pg
    context.close()
    assert errors == [], errors


def _settled(pg) -> None:
    pg.wait_for_selector("body[data-loading=false]")


def _bar_series(pg) -> set[str]:
    return set(pg.eval_on_selector_all("#chart rect.bar", "els => els.map(e => e.dataset.series)"))


def test_a_filter_changes_the_chart_and_the_table(page) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    rows = page.locator("#events tbody tr")
    expect(rows).to_have_count(11)
    assert _bar_series(page) == {"removal", "return", "apprehension"}
    assert "How this is counted: sum of single events" in page.inner_text("#method")
    page.screenshot(path=str(SHOTS / "dashboard.png"), full_page=True)

    page.select_option("select[name=type]", "apprehension")
    expect(rows).to_have_count(2)
    _settled(page)
    assert set(
        page.eval_on_selector_all("#events tbody tr", "e => e.map(r => r.dataset.type)")
    ) == {"apprehension"}
    assert _bar_series(page) == {"apprehension"}
    values = page.eval_on_selector_all("#chart rect.bar", "e => e.map(r => +r.dataset.value)")
    assert sorted(values) == [30, 85]
    expect(page.locator("#event-count")).to_have_text("(2)")
    page.screenshot(path=str(SHOTS / "dashboard-filtered.png"), full_page=True)

    page.select_option("select[name=type]", "")
    page.select_option("select[name=country]", "PAK")
    expect(rows).to_have_count(3)
    _settled(page)
    assert _bar_series(page) == {"return"}
    assert "type=" not in page.url and "country=PAK" in page.url


def test_sorting_and_interval(page) -> None:
    page.click("#events th[data-sort=people]")
    expect(page.locator("#events th[data-sort=people]")).to_have_attribute(
        "aria-sort", "descending"
    )
    _settled(page)
    expect(page.locator("#events tbody tr >> nth=0 >> td.num")).to_have_text("16,000")
    page.click("#interval button[data-interval=year]")
    expect(page.locator("#chart-title")).to_have_text("People per year, by event type")
    _settled(page)
    periods = set(page.eval_on_selector_all("#chart rect.bar", "e => e.map(r => r.dataset.period)"))
    assert periods == {"2023", "2024"}


def test_opening_an_event_highlights_its_evidence(page, server: str) -> None:
    page.fill("input[name=q]", "charter")
    row = page.locator("#events tbody tr")
    expect(row).to_have_count(1)
    _settled(page)
    event_id = row.get_attribute("data-id")
    event = httpx.get(f"{server}/api/v1/events/{event_id}").json()
    row.click()
    drawer = page.locator("#detail")
    expect(drawer).to_be_visible()
    expect(drawer).to_have_attribute("data-id", event_id)
    highlighted = "".join(page.locator("#detail-text .ev[data-ev='0']").all_inner_texts())
    assert highlighted == event["evidence"][0]["text"]
    for field in ("people", "actor", "date", "places", "origin"):
        (span,) = [s for s in event["spans"] if s["field"] == field]
        marked = page.locator(f"#detail-text .fld[data-fields~='{field}']").all_inner_texts()
        assert "".join(marked) == span["text"], field
    legend = page.inner_text("#detail-legend")
    assert "evidence" in legend and "people" in legend
    assert page.get_attribute("#detail-url", "href") == event["document"]["url"]
    page.screenshot(path=str(SHOTS / "event-detail.png"))
    page.keyboard.press("Escape")
    expect(drawer).to_be_hidden()


def test_download_holds_the_filtered_rows(page) -> None:
    page.select_option("select[name=origin]", "AFG")
    expect(page.locator("#events tbody tr")).to_have_count(2)
    _settled(page)
    with page.expect_download() as info:
        page.click("#dl-csv")
    download = info.value
    assert download.suggested_filename == "passage-events.csv"
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    assert sorted(r["type"] for r in rows) == ["policy", "return"]
    assert all(r["origin"] == "AFG" and r["citation"] for r in rows)
