"""The dashboard end to end: the real `passage serve`, driven in Debian's chromium.

Two databases: the invented reports not consolidated (the table falls back to every
report and says so), and the same plus the invented multi-report scenarios, consolidated
(one row per fact by default, every report on demand).
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

from api_fixtures import build_consolidated_db, build_db

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


def _serve(db: Path) -> Iterator[str]:
    """Run `passage serve` over ``db`` until the generator is closed; yield its base url."""
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
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _serve(build_db(tmp_path_factory.mktemp("dash") / "events.db"))


@pytest.fixture(scope="module")
def facts_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _serve(build_consolidated_db(tmp_path_factory.mktemp("facts") / "facts.db"))


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


def _open_page(browser, base: str) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    pg = context.new_page()
    pg.set_default_timeout(UI_TIMEOUT_MS)
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.goto(base + "/")
    pg.wait_for_selector("body[data-ready=true]")
    yield pg
    context.close()
    assert errors == [], errors


@pytest.fixture
def page(browser, server: str) -> Iterator[object]:
    yield from _open_page(browser, server)


@pytest.fixture
def facts_page(browser, facts_server: str) -> Iterator[object]:
    yield from _open_page(browser, facts_server)


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


# --------------------------------------------------------------------------- consolidated


def test_without_consolidation_every_report_is_shown_and_said(page) -> None:
    expect(page.locator("#events tbody tr")).to_have_count(11)
    expect(page.locator("body")).to_have_attribute("data-view", "reports")
    expect(page.locator("#view-note")).to_contain_text("no consolidated events yet")
    expect(page.locator("#view button[data-view=facts]")).to_be_disabled()
    expect(page.locator("#events th", has_text="Actor")).to_have_count(1)
    page.screenshot(path=str(SHOTS / "dashboard-not-consolidated.png"))


def _facts(pg) -> list[dict]:
    return pg.eval_on_selector_all(
        "#events tbody tr", "rs => rs.map(r => ({id: r.dataset.id, reports: +r.dataset.reports}))"
    )


def test_the_table_shows_one_row_per_fact_and_every_report_on_demand(
    facts_page, facts_server: str
) -> None:
    pg = facts_page
    SHOTS.mkdir(parents=True, exist_ok=True)
    facets = httpx.get(f"{facts_server}/api/v1/facets").json()
    rows = pg.locator("#events tbody tr")
    expect(rows).to_have_count(facets["consolidated"])
    assert facets["consolidated"] < facets["events"]
    expect(pg.locator("body")).to_have_attribute("data-view", "facts")
    expect(pg.locator("#view-note")).to_be_hidden()
    flight = pg.locator("#events tbody tr[data-reports='3']")
    expect(flight).to_have_count(1)
    expect(flight.locator(".reports-badge")).to_have_text("3 reports")
    expect(flight.locator(".conflict")).to_have_text("⚠ figures differ")
    expect(flight.locator("td.num >> nth=0")).to_contain_text("≥ 100")
    pg.screenshot(path=str(SHOTS / "dashboard-facts.png"), full_page=True)

    pg.select_option("select[name=origin]", "GEO")  # the flight told by three outlets
    expect(rows).to_have_count(1)
    _settled(pg)
    (fact,) = _facts(pg)
    assert fact["reports"] == 3
    corridor = pg.locator("#corridors li >> nth=0")
    expect(corridor.locator(".value")).to_have_text("100 people · 1 fact")  # counted once
    pg.click("#view button[data-view=reports]")
    expect(rows).to_have_count(3)
    _settled(pg)
    expect(corridor.locator(".value")).to_have_text("330 people · 3 events")
    expect(pg.locator("body")).to_have_attribute("data-view", "reports")
    assert "view=reports" in pg.url and "origin=GEO" in pg.url
    facts_of_rows = pg.eval_on_selector_all("#events tbody tr", "rs => rs.map(r => r.dataset.fact)")
    assert facts_of_rows == [fact["id"]] * 3
    pg.screenshot(path=str(SHOTS / "dashboard-every-report.png"), full_page=True)
    pg.click("#view button[data-view=facts]")
    expect(rows).to_have_count(1)
    assert "view=reports" not in pg.url


def test_opening_a_fact_lists_its_reports_and_each_opens_its_evidence(
    facts_page, facts_server: str
) -> None:
    pg = facts_page
    pg.select_option("select[name=origin]", "GEO")
    row = pg.locator("#events tbody tr")
    expect(row).to_have_count(1)
    _settled(pg)
    fact_id = row.get_attribute("data-id")
    fact = httpx.get(f"{facts_server}/api/v1/consolidated/{fact_id}").json()
    row.click()
    drawer = pg.locator("#detail")
    expect(drawer).to_have_attribute("data-kind", "fact")
    expect(drawer).to_have_attribute("data-id", fact_id)
    reports = pg.locator("#detail-reports li")
    expect(reports).to_have_count(3)
    figures = sorted(reports.locator(".figure").all_inner_texts())
    assert figures == ["100", "130", "≥ 100"]
    sources = set(reports.locator(".source").all_inner_texts())
    assert sources == {m["source"] for m in fact["members"]}
    expect(pg.locator("#detail-method")).to_contain_text("disagree")
    pg.screenshot(path=str(SHOTS / "fact-detail.png"))

    police = next(m for m in fact["members"] if m["source"] == "federal police")
    pg.locator(f"#detail-reports li[data-event-id='{police['event_id']}'] button").click()
    expect(drawer).to_have_attribute("data-kind", "event")
    expect(drawer).to_have_attribute("data-id", police["event_id"])
    highlighted = "".join(pg.locator("#detail-text .ev[data-ev='0']").all_inner_texts())
    assert highlighted == police["evidence"][0]["text"]
    back = pg.locator("#detail-back")
    expect(back).to_have_text("← The fact and its 3 reports")
    pg.screenshot(path=str(SHOTS / "fact-report-evidence.png"))
    back.click()
    expect(drawer).to_have_attribute("data-kind", "fact")
    expect(reports).to_have_count(3)
    pg.keyboard.press("Escape")
    expect(drawer).to_be_hidden()


def test_a_report_links_to_the_other_reports_of_its_fact(facts_page) -> None:
    pg = facts_page
    pg.click("#view button[data-view=reports]")
    pg.fill("input[name=q]", "130 Georgians")
    row = pg.locator("#events tbody tr")
    expect(row).to_have_count(1)
    _settled(pg)
    row.click()
    expect(pg.locator("#detail")).to_have_attribute("data-kind", "event")
    back = pg.locator("#detail-back")
    expect(back).to_have_text("One of 3 reports of this fact: see them all →")
    back.click()
    expect(pg.locator("#detail")).to_have_attribute("data-kind", "fact")
    expect(pg.locator("#detail-reports li")).to_have_count(3)
