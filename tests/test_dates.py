"""Time expressions resolved against a fixed publication date, with offsets checked."""

from __future__ import annotations

from datetime import date

import pytest

from passage.extract.dates import calendar_words, find_dates, same_year_kind
from passage.model import DateRange

PUBLISHED = date(2023, 11, 2)  # a Thursday


def dates(text: str, published: date | None = PUBLISHED) -> list[tuple[str, str, str, str, bool]]:
    found = find_dates(text, 0, None, published)
    out = []
    for d in found:
        assert d.range.start is not None
        end = d.range.end.isoformat() if d.range.end else "-"
        out.append(
            (d.span.of(text), d.range.start.isoformat(), end, d.range.precision or "", d.relative)
        )
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # weekdays: the most recent one on or before publication
        ("The raids began Wednesday.", [("Wednesday", "2023-11-01", "2023-11-01", "day", True)]),
        # the end of a month is its last day
        ("as of the end of July", [("July", "2023-07-31", "2023-07-31", "day", True)]),
        (
            "by the end of October 2018",
            [("October 2018", "2018-10-31", "2018-10-31", "day", False)],
        ),
        (
            "It ended on Tuesday night.",
            [("Tuesday night", "2023-10-31", "2023-10-31", "day", True)],
        ),
        ("Talks resume Thursday.", [("Thursday", "2023-11-02", "2023-11-02", "day", True)]),
        ("They met last Thursday.", [("last Thursday", "2023-10-26", "2023-10-26", "day", True)]),
        ("They meet next Monday.", [("next Monday", "2023-11-06", "2023-11-06", "day", True)]),
        ("yesterday", [("yesterday", "2023-11-01", "2023-11-01", "day", True)]),
        ("Today", [("Today", "2023-11-02", "2023-11-02", "day", True)]),
        ("three days ago", [("three days ago", "2023-10-30", "2023-10-30", "day", True)]),
        # weeks, weekends, months, years
        ("over the weekend", [("over the weekend", "2023-10-28", "2023-10-29", "range", True)]),
        ("Last week", [("Last week", "2023-10-23", "2023-10-29", "range", True)]),
        ("this week", [("this week", "2023-10-30", "2023-11-05", "range", True)]),
        ("next week", [("next week", "2023-11-06", "2023-11-12", "range", True)]),
        ("last month", [("last month", "2023-10-01", "2023-10-31", "month", True)]),
        ("this month", [("this month", "2023-11-01", "2023-11-30", "month", True)]),
        ("next month", [("next month", "2023-12-01", "2023-12-31", "month", True)]),
        ("earlier this year", [("earlier this year", "2023-01-01", "2023-12-31", "year", True)]),
        ("this year", [("this year", "2023-01-01", "2023-12-31", "year", True)]),
        ("last year", [("last year", "2022-01-01", "2022-12-31", "year", True)]),
        ("the previous year", [("the previous year", "2022-01-01", "2022-12-31", "year", True)]),
        ("next year", [("next year", "2024-01-01", "2024-12-31", "year", True)]),
        (
            "the past six months",
            [("the past six months", "2023-05-02", "2023-11-02", "range", True)],
        ),
        ("the last 3 weeks", [("the last 3 weeks", "2023-10-12", "2023-11-02", "range", True)]),
        (
            "in December last year",
            [("December last year", "2022-12-01", "2022-12-31", "month", True)],
        ),
        (
            "on Nov. 1 of last year",
            [("Nov. 1 of last year", "2022-11-01", "2022-11-01", "day", True)],
        ),
        (
            "since the start of the year",
            [("since the start of the year", "2023-01-01", "2023-11-02", "range", True)],
        ),
        (
            "the 2019 fiscal year",
            [("the 2019 fiscal year", "2018-10-01", "2019-09-30", "range", False)],
        ),
        ("the Gold Rush of 1849", [("1849", "1849-01-01", "1849-12-31", "year", False)]),
        ("in the past year", [("the past year", "2022-11-02", "2023-11-02", "range", True)]),
        ("in the last year", [("the last year", "2022-11-02", "2023-11-02", "range", True)]),
        ("fell last year", [("last year", "2022-01-01", "2022-12-31", "year", True)]),
        ("last fall", [("last fall", "2022-09-01", "2022-11-30", "range", True)]),
        ("this summer", [("this summer", "2023-06-01", "2023-08-31", "range", True)]),
        # absolute dates and months
        ("in 2023", [("2023", "2023-01-01", "2023-12-31", "year", False)]),
        ("on Nov. 1", [("Nov. 1", "2023-11-01", "2023-11-01", "day", True)]),
        ("on November 1st", [("November 1st", "2023-11-01", "2023-11-01", "day", True)]),
        ("on 1 November", [("1 November", "2023-11-01", "2023-11-01", "day", True)]),
        ("Nov. 1, 2022", [("Nov. 1, 2022", "2022-11-01", "2022-11-01", "day", False)]),
        ("Wednesday, Nov. 1", [("Wednesday, Nov. 1", "2023-11-01", "2023-11-01", "day", True)]),
        ("on Dec. 20", [("Dec. 20", "2023-12-20", "2023-12-20", "day", True)]),
        ("in July", [("July", "2023-07-01", "2023-07-31", "month", True)]),
        ("in May", [("May", "2023-05-01", "2023-05-31", "month", True)]),
        ("July 2023", [("July 2023", "2023-07-01", "2023-07-31", "month", False)]),
        ("mid-October", [("mid-October", "2023-10-01", "2023-10-31", "month", True)]),
        ("2023-10-05", [("2023-10-05", "2023-10-05", "2023-10-05", "day", False)]),
        ("10/5/2023", [("10/5/2023", "2023-10-05", "2023-10-05", "day", False)]),
        # ranges
        ("since October", [("since October", "2023-10-01", "2023-11-02", "range", True)]),
        ("Since 2021", [("Since 2021", "2021-01-01", "2023-11-02", "range", True)]),
        ("fiscal year 2021", [("fiscal year 2021", "2020-10-01", "2021-09-30", "range", False)]),
        ("FY2021", [("FY2021", "2020-10-01", "2021-09-30", "range", False)]),
        ("fiscal 2021", [("fiscal 2021", "2020-10-01", "2021-09-30", "range", False)]),
        ("last fiscal year", [("last fiscal year", "2022-10-01", "2023-09-30", "range", True)]),
        (
            "between 2019 and 2021",
            [("between 2019 and 2021", "2019-01-01", "2021-12-31", "range", False)],
        ),
        ("from March to May", [("from March to May", "2023-03-01", "2023-05-31", "range", True)]),
        (
            "from Jan. 5 to Feb. 15, 2022",
            [("from Jan. 5 to Feb. 15, 2022", "2022-01-05", "2022-02-15", "range", True)],
        ),
        ("2019-2021", [("2019-2021", "2019-01-01", "2021-12-31", "range", False)]),
        (
            "the 1970s and 1980s",
            [("the 1970s and 1980s", "1970-01-01", "1989-12-31", "range", False)],
        ),
        ("the 1990s", [("the 1990s", "1990-01-01", "1999-12-31", "range", False)]),
        (
            "in the year ending in June 2022",
            [("June 2022", "2021-07-01", "2022-06-30", "range", False)],
        ),
        # a split year is one fiscal year, from April unless the event's country says
        (
            "in the 2022/23 financial year",
            [("the 2022/23 financial year", "2022-04-01", "2023-03-31", "range", False)],
        ),
        ("FY2022-23", [("FY2022-23", "2022-04-01", "2023-03-31", "range", False)]),
        (
            "removals in the financial years 2021/22 and 2022/23",
            [
                ("2021/22", "2021-04-01", "2022-03-31", "range", False),
                ("2022/23", "2022-04-01", "2023-03-31", "range", False),
            ],
        ),
        # ... and without a fiscal word, two calendar years
        ("in 2022/23", [("2022/23", "2022-01-01", "2023-12-31", "range", False)]),
        # parts of a year: from its start, or from its end for "last"
        (
            "in the first half of 2023",
            [("the first half of 2023", "2023-01-01", "2023-06-30", "range", False)],
        ),
        (
            "The second quarter of last year",
            [("The second quarter of last year", "2022-04-01", "2022-06-30", "range", True)],
        ),
        (
            "in the first eight months of the year",
            [("the first eight months of the year", "2023-01-01", "2023-08-31", "range", True)],
        ),
        (
            "the last three months of 2022",
            [("the last three months of 2022", "2022-10-01", "2022-12-31", "range", False)],
        ),
        (
            "in the final quarter of this year",
            [("the final quarter of this year", "2023-10-01", "2023-12-31", "range", True)],
        ),
        # hours count in days before publication
        (
            "in the past 24 hours",
            [("the past 24 hours", "2023-11-01", "2023-11-02", "range", True)],
        ),
        ("36 hours ago", [("36 hours ago", "2023-11-01", "2023-11-01", "day", True)]),
        ("12 hours ago", [("12 hours ago", "2023-11-02", "2023-11-02", "day", True)]),
        (
            "removals in two fiscal years: 410 in 2019 and 380 in 2020",
            [
                ("2019", "2018-10-01", "2019-09-30", "range", False),
                ("2020", "2019-10-01", "2020-09-30", "range", False),
            ],
        ),
    ],
)
def test_dates(text: str, expected: list[tuple[str, str, str, str, bool]]) -> None:
    assert dates(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "They may come back.",
        "More than 2,000 people left.",
        "Some 1990 migrants arrived.",
        "It cost $2019 in fees.",
        "The protest march went on.",
        "Between 8,000 and 10,000 a day.",
        "the fall of the government",
        "in recent days",
        "Title 42 and Section 1225",
        "along the 1950-mile border",
        "in the minister's last year in office",
        "the first time in years",
        "the second half of the match",
        "the fourth half of 2023",  # no such part: not a date, and not the bare year either
        "the first 14 months of 2023",
    ],
)
def test_not_dates(text: str) -> None:
    assert dates(text) == []


def test_yearless_dates_more_than_two_months_ahead_are_last_year() -> None:
    january = date(2024, 1, 10)
    assert dates("on Dec. 20", january)[0][1] == "2023-12-20"
    assert dates("on Feb. 20", january)[0][1] == "2024-02-20"
    assert dates("in November", january)[0][1] == "2023-11-01"
    assert dates("from November to February", january)[0][1:3] == ("2023-11-01", "2024-02-29")


def test_two_years_joined_by_and_stay_two() -> None:
    assert [d[0] for d in dates("in 2019 and 2021")] == ["2019", "2021"]


def test_without_publication_date_only_absolute_dates_resolve() -> None:
    text = "On Wednesday, last month, on Nov. 1 and in July 2023, in 2022 and fiscal 2021."
    assert [d[0] for d in dates(text, None)] == ["July 2023", "2022", "fiscal 2021"]


def test_since_without_publication_date_is_open_ended() -> None:
    assert dates("since 2019", None) == [("since 2019", "2019-01-01", "-", "range", False)]


def test_published_on_the_named_weekday_is_that_day() -> None:
    assert dates("Thursday", date(2023, 11, 2))[0][1] == "2023-11-02"
    assert dates("over the weekend", date(2023, 10, 29))[0][1:3] == ("2023-10-28", "2023-10-29")


def test_span_and_offsets() -> None:
    text = "Earlier, on Monday. Later, last week, more came."
    found = find_dates(text, 20, None, PUBLISHED)
    assert [d.span.of(text) for d in found] == ["last week"]
    assert found[0].span.start == text.index("last week")


def test_calendar_words() -> None:
    words = calendar_words()
    assert {"January", "Nov", "Wednesday"} <= words
    assert "Chad" not in words


def test_a_bare_year_carried_on_from_a_fiscal_year_is_a_fiscal_year() -> None:
    fiscal = DateRange(date(2021, 10, 1), date(2022, 9, 30), "range")
    calendar = DateRange(date(2020, 1, 1), date(2020, 12, 31), "year")
    assert same_year_kind(calendar, fiscal) == DateRange(
        date(2019, 10, 1), date(2020, 9, 30), "range"
    )
    assert same_year_kind(calendar, calendar) == calendar


def _date_words() -> list[str]:
    from passage.extract.dates import _words_for

    w = _words_for("en")
    words = [*w["months"], *w["weekdays"], *w["modifiers"], *w["seasons"], *w["numbers"]]
    words += [*w["past"], *w["fiscal_prefixes"], *(r["phrase"] for r in w["relative"])]
    words += [*w["units"], *w["day_parts"], "ago", "the", "of", "early", "mid", "late"]
    words += [*w["year_part_ordinals"], *w["year_parts"], *w["year_part_years"], "year", "months"]
    return [*words, "2019", "1990s", "3", "21st", "2021-03-04", "4/5/2022", "'22", "$", "#",
            "FY2021", "fy22", "mid-2019", "after", "and", "them", "a.m."]  # fmt: skip


def test_the_date_scanner_finds_what_its_one_regex_finds() -> None:
    """Run only where an atom may start, with only the atoms that open with the character
    there, the scanner gives the same matches, groups included, as the atoms' regex
    without the look-ahead on where they may start."""
    import random

    from passage.extract.dates import _lead_free, _pattern

    scanner, plain = _pattern("en"), _lead_free("en")
    words = _date_words()
    joints = [" ", " ", ", ", "-", "–", " of ", ". ", "’s ", "/", "\n", "  "]
    rng = random.Random(7)
    for _ in range(3000):
        parts = [rng.choice(words) for _ in range(rng.randint(1, 8))]
        text = "".join(p + rng.choice(joints) for p in parts)
        text = text.upper() if rng.random() < 0.1 else text
        start = rng.randint(0, 3)
        expected = [(m.span(), m.groupdict()) for m in plain.finditer(text, start)]
        found = [
            (m.span(), scanner.groups | m.groupdict())
            for m in scanner.finditer(text, start, len(text))
        ]
        assert found == expected, text
        assert [m.span() for m in scanner.pattern.finditer(text, start)] == [e[0] for e in expected]


def test_the_date_scanner_finds_what_its_one_regex_finds_in_real_reports() -> None:
    from pathlib import Path

    from passage.extract.dates import _lead_free, _pattern

    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus/dev not present")
    scanner, plain = _pattern("en"), _lead_free("en")
    for path in sorted(corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        expected = [(m.span(), m.groupdict()) for m in plain.finditer(text)]
        found = [
            (m.span(), scanner.groups | m.groupdict()) for m in scanner.finditer(text, 0, len(text))
        ]
        assert found == expected, path.name


def test_a_fiscal_year_as_written_resolves_in_its_countrys_calendar() -> None:
    from passage.extract.dates import fiscal_range
    from passage.model import FiscalLabel

    found = find_dates("in FY2023", 0, None, PUBLISHED)
    assert [d.fiscal for d in found] == [FiscalLabel(2023)]
    # labelled by the year it ends in, in the United States and Australia
    assert fiscal_range(FiscalLabel(2023)) == DateRange(
        date(2022, 10, 1), date(2023, 9, 30), "range"
    )
    assert fiscal_range(FiscalLabel(2023), "AUS") == DateRange(
        date(2022, 7, 1), date(2023, 6, 30), "range"
    )
    # a split year starts in its first year, in every calendar
    assert fiscal_range(FiscalLabel(2022, split=True), "PAK").start == date(2022, 7, 1)
    assert fiscal_range(FiscalLabel(2022, split=True), "USA").start == date(2022, 10, 1)
    # a country without a calendar of its own keeps the default
    assert fiscal_range(FiscalLabel(2023), "FRA") == fiscal_range(FiscalLabel(2023))
    # one counted from today has no written label to resolve again
    assert [d.fiscal for d in find_dates("last fiscal year", 0, None, PUBLISHED)] == [None]
