"""Turn the filters people type (API query strings, CLI options) into :class:`EventFilters`.

Shared by the REST API and ``passage export``; free of web code. Every bad value
raises :class:`FilterError` naming the parameter and what would be accepted.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from passage.model import EVENT_TYPES, POLICY_KINDS, STATUSES
from passage.store.queries import EVENT_SORTS, EventFilters

MAX_PEOPLE = 10**12  # more people than ever lived: larger values are typing mistakes
MAX_TEXT = 200  # longest substring searched for (actor, source, q)

_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


class FilterError(ValueError):
    """A filter value that cannot be used: names the parameter and what is accepted."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message


def _split(value: str | None) -> list[str]:
    """``"a, b"`` -> ``["a", "b"]``: several values are given separated by commas."""
    if value is None:
        return []
    return [v.strip() for v in value.split(",") if v.strip()]


def _choices(param: str, value: str | None, allowed: tuple[str, ...]) -> tuple[str, ...]:
    out = []
    for v in _split(value):
        key = v.lower()
        if key not in allowed:
            raise FilterError(param, f"unknown value {v!r}; use one of {', '.join(allowed)}")
        out.append(key)
    return tuple(dict.fromkeys(out))


def resolve_country(value: str) -> str | None:
    """ISO alpha-3 code of a code or country name (``"AFG"``, ``"Afghanistan"``), or None."""
    value = value.strip()
    if not value:
        return None
    try:
        from passage.extract.geo import lookup_country  # written alongside; optional
    except ImportError:
        lookup_country = None
    if lookup_country is not None:
        try:
            code = lookup_country(value)
        except Exception:  # a helper's bug must not turn a filter into a 500
            code = None
        if code:
            return str(code).upper()
    import pycountry

    if len(value) == 3 and value.isalpha():
        found = pycountry.countries.get(alpha_3=value.upper())
        if found is not None:
            return str(found.alpha_3)
    try:
        return str(pycountry.countries.lookup(value).alpha_3)
    except LookupError:
        return None


def _countries(param: str, value: str | None) -> tuple[str, ...]:
    out = []
    for v in _split(value):
        code = resolve_country(v)
        if code is None:
            raise FilterError(
                param, f"unknown country {v!r}; give an ISO alpha-3 code (AFG) or a country name"
            )
        out.append(code)
    return tuple(dict.fromkeys(out))


def parse_day(param: str, value: str | None, *, end: bool = False) -> date | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; a month or year starts (or, with end, ends) it."""
    if value is None or not value.strip():
        return None
    m = _DATE.match(value.strip())
    if not m:
        raise FilterError(param, f"bad date {value!r}; write YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = int(m[1]), m[2], m[3]
    try:
        if month is None:
            return date(year, 12, 31) if end else date(year, 1, 1)
        if day is None:
            last = calendar.monthrange(year, int(month))[1] if 1 <= int(month) <= 12 else 0
            return date(year, int(month), last if end else 1)
        return date(year, int(month), int(day))
    except ValueError as exc:
        raise FilterError(param, f"bad date {value!r}: {exc}") from exc


def _text(param: str, value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    if len(value) > MAX_TEXT:
        raise FilterError(param, f"longer than {MAX_TEXT} characters")
    return value.strip()


def build_filters(
    *,
    type: str | None = None,
    policy_kind: str | None = None,
    status: str | None = None,
    origin: str | None = None,
    location: str | None = None,
    destination: str | None = None,
    country: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    min_people: int | None = None,
    actor: str | None = None,
    source: str | None = None,
    q: str | None = None,
) -> EventFilters:
    """Validate and resolve filter values; several values are separated by commas."""
    start = parse_day("date_from", date_from)
    end = parse_day("date_to", date_to, end=True)
    if start and end and start > end:
        raise FilterError("date_from", f"{start} is after date_to {end}")
    if min_people is not None and not 0 <= min_people <= MAX_PEOPLE:
        raise FilterError("min_people", f"must be between 0 and {MAX_PEOPLE}")
    return EventFilters(
        types=_choices("type", type, EVENT_TYPES),
        policy_kinds=_choices("policy_kind", policy_kind, POLICY_KINDS),
        statuses=_choices("status", status, STATUSES),
        origin=_countries("origin", origin),
        location=_countries("location", location),
        destination=_countries("destination", destination),
        country=_countries("country", country),
        date_from=start,
        date_to=end,
        min_people=min_people,
        actor=_text("actor", actor),
        source=_text("source", source),
        text=_text("q", q),
    )


def check_sort(value: str) -> str:
    if value not in EVENT_SORTS:
        raise FilterError("sort", f"unknown sort {value!r}; use one of {', '.join(EVENT_SORTS)}")
    return value
