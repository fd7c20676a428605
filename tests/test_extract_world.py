"""Events as reports from many countries word them: rescues at sea, courts outside the US,
deadlines "until" a date, border checks and fences, detections, passive returns, parts of
a year. Each sentence is checked for the one event it states.

Every text here is invented by the team; none is taken from a gold report.
"""

from __future__ import annotations

import pytest

from extract_helpers import events_of, page_events
from passage.model import Event


def summary(event: Event) -> tuple[str, str, str | None, int | None, list[str], str | None]:
    low = event.people.low if event.people else None
    return (event.type, event.status, event.policy_kind, low, event.origin, event.location)


def dated(event: Event) -> tuple[str | None, str | None]:
    if event.date is None:
        return (None, None)
    start, end = event.date.start, event.date.end
    return (start.isoformat() if start else None, end.isoformat() if end else None)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the coast guard rescues: officials before the verb act on the migrants, who moved
        (
            "Maltese coastguard officers rescued 64 migrants off Gozo on Sunday.",
            ("arrival", "occurred", None, 64, [], "MLT"),
        ),
        (
            "Navy officials took in 210 Rohingya refugees from a stranded boat.",
            ("arrival", "occurred", None, 210, ["MMR"], None),
        ),
        # a court named by where it sits, and what it did
        (
            "A court in Vienna blocked the transfer of nine asylum seekers to Slovenia.",
            ("policy", "occurred", "ruling", 9, [], "AUT"),
        ),
        (
            "The constitutional court struck down the law on the detention of migrants.",
            ("policy", "occurred", "ruling", None, [], None),
        ),
        # a deadline "until" a date
        (
            "Ghana gave undocumented Nigerians until March 31 to leave the country.",
            ("policy", "occurred", "deadline", None, ["NGA"], "GHA"),
        ),
        # checks at borders, and fences
        (
            "Denmark will introduce checks at its land border with Germany from Monday.",
            ("policy", "planned", "other", None, [], "DNK"),
        ),
        (
            "Latvia has built a razor-wire fence along its border with Belarus to stop migrants.",
            ("policy", "occurred", "other", None, [], "LVA"),
        ),
        # a detection of people is an apprehension
        (
            "Croatian police detected 3,400 migrants near the border with Bosnia in May.",
            ("apprehension", "occurred", None, 3400, [], "HRV"),
        ),
        # active stops with a count of people
        (
            "Romanian border police stopped 85 migrants trying to cross from Serbia.",
            ("apprehension", "occurred", None, 85, ["SRB"], "ROU"),
        ),
        # returned, in the passive, from a country
        (
            "About 2,300 Syrians were returned from Lebanon in April, officials said.",
            ("removal", "occurred", None, 2300, ["SYR"], "LBN"),
        ),
        (
            "More than 900 Sudanese were flown home from Jordan on Tuesday.",
            ("removal", "occurred", None, 900, ["SDN"], None),
        ),
        # people in removal centres are held
        (
            "The number of people held in immigration removal centres rose to 1,900 in June.",
            ("detention", "occurred", None, 1900, [], None),
        ),
        # an enclave of a country is that country's soil
        (
            "Some 400 migrants reached the Spanish enclave of Melilla overnight.",
            ("arrival", "occurred", None, 400, [], "ESP"),
        ),
        # from one named place for another
        (
            "About 6,000 people fled Darfur for Chad in June.",
            ("arrival", "occurred", None, 6000, [], "TCD"),
        ),
        # entries prevented are people stopped
        (
            "Greece said it had prevented 2,400 migrants from entering the country in April.",
            ("apprehension", "occurred", None, 2400, [], "GRC"),
        ),
        # a measure named by its year is not dated by it: the repeal is today's news
        (
            "Senegal repealed a 2016 law on the detention of migrants.",
            ("policy", "occurred", "law", None, [], "SEN"),
        ),
        # people who have returned from a country were there
        (
            "Nearly 300,000 Afghans have returned from Iran since January.",
            ("return", "occurred", None, 300000, ["AFG"], "IRN"),
        ),
        # relocated, in the passive
        (
            "Some 1,300 asylum seekers were relocated to Portugal under the scheme in 2023.",
            ("arrival", "occurred", None, 1300, [], "PRT"),
        ),
        # measures of other countries: camps closed, emergencies, permits revoked
        (
            "Rwanda ordered the closure of two refugee camps near Kigali within 30 days.",
            ("policy", "occurred", "other", None, [], "RWA"),
        ),
        (
            "Malta declared a state of emergency over migrant arrivals on Friday.",
            ("policy", "occurred", "other", None, [], "MLT"),
        ),
        (
            "Sweden revoked the residence permits of 60 Iraqi refugees.",
            ("policy", "occurred", "visa", None, ["IRQ"], "SWE"),
        ),
        # agreed to take in people: an arrival to come
        (
            "Albania has agreed to take in 4,000 Afghan evacuees.",
            ("arrival", "planned", None, 4000, ["AFG"], "ALB"),
        ),
        # refugees returned to a country
        (
            "Jordan returned 120 Syrian refugees to their country on Monday.",
            ("removal", "occurred", None, 120, ["SYR"], "JOR"),
        ),
        # holding people somewhere is detention, checks of papers and razed camps operations
        (
            "Malaysia is detaining 9,000 foreigners in immigration depots across the country.",
            ("detention", "ongoing", None, 9000, [], "MYS"),
        ),
        (
            "Police carried out identity checks on migrants at the main station on Tuesday.",
            ("operation", "occurred", None, None, [], None),
        ),
        (
            "About 700 migrants lived in the camp at Dunkirk. The camp was bulldozed by police.",
            ("operation", "occurred", None, None, [], None),
        ),
        # people crossing back to their own country return; lakh and crore are numbers
        (
            "Between 6,000 and 9,000 Afghans are crossing back from Iran daily, the UN said.",
            ("return", "ongoing", None, 6000, ["AFG"], "IRN"),
        ),
        (
            "Over 2 lakh Rohingya have fled to Bangladesh since August.",
            ("arrival", "occurred", None, 200000, ["MMR"], "BGD"),
        ),
        # a stock of people held
        (
            "The number of people detained in Libya rose to 5,000 in June.",
            ("detention", "occurred", None, 5000, [], "LBY"),
        ),
        # a crossing closed, and people ordered to leave by a date
        (
            "Costa Rica closed the Paso Canoas crossing to migrants on Monday.",
            ("policy", "occurred", "other", None, [], "CRI"),
        ),
        (
            "Iran's government ordered all undocumented Afghans to leave by March 20.",
            ("policy", "occurred", "deadline", None, ["AFG"], "IRN"),
        ),
        # what the people were doing is no plan of the act
        (
            "Senegal's navy intercepted 210 migrants preparing to sail to the Canary Islands.",
            ("apprehension", "occurred", None, 210, [], "SEN"),
        ),
        # relocated nationals; returned from a country named after a speaker
        (
            "Bangladesh has relocated more than 20,000 Rohingya to an island in the bay.",
            ("arrival", "occurred", None, 20000, ["MMR"], "BGD"),
        ),
        (
            "Sudan said 9,000 of its citizens had been returned from Egypt since May.",
            ("removal", "occurred", None, 9000, [], "EGY"),
        ),
        # a deportation a court orders is yet to come
        (
            "A tribunal in Nairobi ordered the deportation of 14 Somalis.",
            ("removal", "planned", None, 14, ["SOM"], "KEN"),
        ),
    ],
)
def test_an_event_worded_as_reports_from_many_countries_word_it(
    sentence: str, expected: tuple[str, str, str | None, int | None, list[str], str | None]
) -> None:
    found = [summary(e) for e in events_of(sentence)]
    assert expected in found, found


def test_officials_who_travel_still_move_nobody() -> None:
    """The agent rule is only for verbs that act on the movers: "officials crossed into
    Mexico" is a trip, and stays no event."""
    events = events_of("Officials crossed into Mexico on Monday for a meeting on migrants.")
    assert [e for e in events if e.type == "arrival"] == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Border guards intercepted 5,100 migrants in the first half of the year.",
            ("2024-01-01", "2024-06-30"),
        ),
        (
            "Police arrested 700 migrants in the first quarter of 2023.",
            ("2023-01-01", "2023-03-31"),
        ),
        (
            "Authorities deported 12,000 people in the first eight months of 2023.",
            ("2023-01-01", "2023-08-31"),
        ),
        (
            "The coast guard intercepted 260 migrants in the past 24 hours.",
            ("2024-09-11", "2024-09-12"),
        ),
    ],
)
def test_a_part_of_a_year_dates_the_count(sentence: str, expected: tuple[str, str]) -> None:
    events = [e for e in events_of(sentence) if e.people]
    assert [dated(e) for e in events] == [expected]


def test_one_persons_visa_application_is_a_case_not_a_measure() -> None:
    assert [e.type for e in events_of("His visa application was rejected twice in May.")] == []
    events = events_of("In May, Canada imposed visa requirements on travellers from Mexico.")
    assert [(e.type, e.policy_kind) for e in events] == [("policy", "visa")]


def test_people_who_come_back_from_a_country_were_there() -> None:
    """ "Returnees crossed back from Iran": Iran is where they were, not where they go."""
    events = events_of("About 900 returnees crossed back from Iran on Sunday, officials said.")
    assert [(e.type, e.location, e.destination) for e in events] == [("return", "IRN", None)]


def test_the_year_that_names_a_measure_does_not_date_its_repeal() -> None:
    events = events_of("Senegal repealed a 2016 law on the detention of migrants on Monday.")
    assert [dated(e) for e in events] == [("2024-09-09", "2024-09-09")]


def test_a_fiscal_year_is_read_in_the_calendar_of_the_country_that_counts() -> None:
    events = events_of(
        "Australia deported 9,800 people in the 2022-23 financial year, the department said."
    )
    assert [(e.location, dated(e)) for e in events] == [("AUS", ("2022-07-01", "2023-06-30"))]
    events = events_of("India deported 1,200 foreigners in FY2023.")
    assert [(e.location, dated(e)) for e in events] == [("IND", ("2022-04-01", "2023-03-31"))]


@pytest.mark.parametrize(
    "sentence",
    [
        # arrested for a crime or as someone other than a migrant: no apprehension
        "Police in Accra arrested 21 suspected traffickers and freed 48 victims.",
        "Police arrested 30 protesters outside the migration office on Friday.",
        "Nine smugglers were arrested near the border on Monday.",
        "Eleven people were arrested for their role in a people-smuggling ring.",
        # an attempt is no arrival
        "Last year, 1,800 migrants died trying to cross the Atlantic to the Canary Islands.",
    ],
)
def test_arrests_of_others_and_attempts_are_no_events(sentence: str) -> None:
    events = events_of(sentence)
    assert [e for e in events if e.type in ("apprehension", "arrival")] == []


def test_migrants_arrested_beside_smugglers_still_count() -> None:
    events = events_of("Police arrested 120 migrants and two smugglers near the border on Monday.")
    assert [(e.type, e.people.low if e.people else None) for e in events] == [("apprehension", 120)]


def test_one_of_a_group_told_elsewhere_is_no_event_of_its_own() -> None:
    events = events_of("Issa, 30, from Mali, who was among those expelled, said he had no water.")
    assert events == []
    # the part of a total that the text counts stays
    events = events_of("Among those deported on Tuesday were 35 children, the ministry said.")
    assert [(e.type, e.people.low if e.people else None) for e in events] == [("removal", 35)]


PAGE = """Skip to main content
World | Africa | Europe | Sport
Share on Facebook Share on X Email

Algeria: hundreds of migrants expelled to Niger border

By Staff Reporter
Published 12 September 2024

Algerian police have expelled hundreds of migrants to a desert area near the border with Niger, aid groups said on Friday.

The expulsions followed protests in Tamanrasset last week in which an Algerian officer was injured.

© 2024 Harbor Gazette. All rights reserved.
"""


def test_a_page_tells_one_expulsion_in_its_headline_and_body() -> None:
    """Share buttons and the copyright line are dropped, so the headline is the page's
    first line; the topic noun after it ("the expulsions followed protests last week")
    is dated by the protests, not the expulsions, and all three are one fact."""
    events = page_events(PAGE)
    assert len(events) == 1
    event = events[0]
    assert (event.type, event.location, dated(event)) == (
        "removal",
        "DZA",
        ("2024-09-06", "2024-09-06"),
    )
    assert len(event.evidence) == 3
    assert event.evidence[0].of(PAGE).startswith("Algerian police have expelled")


def test_a_figure_before_a_clause_break_is_not_the_next_clauses_count() -> None:
    events = events_of(
        "Some 1.8 million people have been displaced inside Mali, and 90,000 have fled."
    )
    assert [(e.type, e.people.low if e.people else None) for e in events] == [("arrival", 90000)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The government has yet to deport any of the 900 people it ordered to leave.",
        "No migrants were deported from the island last month, the ministry said.",
        "Nobody has been returned to Libya since 2020.",
        "The deportation of 35 Tamils was halted at the last minute.",
        "Romania has stopped deporting Syrians since the ruling.",
    ],
)
def test_acts_denied_or_called_off_are_no_removals(sentence: str) -> None:
    assert [e for e in events_of(sentence) if e.type == "removal"] == []


def test_stopping_deportations_is_a_suspension() -> None:
    events = events_of("Romania has stopped deporting Syrians, the interior ministry said.")
    assert [(e.type, e.policy_kind) for e in events] == [("policy", "suspension")]


def test_people_sent_back_every_week_are_removed_all_along() -> None:
    events = events_of("Turkey continues to send back hundreds of Syrians every week.")
    assert [(e.type, e.status, e.people.per if e.people else None) for e in events] == [
        ("removal", "ongoing", "week")
    ]


def test_a_report_counting_in_years_ending_in_september_counts_so_all_along() -> None:
    events = events_of(
        "Border agents recorded 2.1 million encounters in the year ending in September 2023. "
        "The agency publishes its data every month.\n\n"
        "In Arizona, agents recorded 14,200 encounters in 2022 and 11,900 so far this year."
    )
    found = sorted((e.people.low if e.people else None, dated(e)) for e in events)
    assert found == [
        (11900, ("2023-10-01", "2024-09-30")),
        (14200, ("2021-10-01", "2022-09-30")),
        (2100000, ("2022-10-01", "2023-09-30")),
    ]


def test_jobs_coming_back_are_no_return() -> None:
    events = events_of("Those jobs are not coming back, the mayor told reporters on Friday.")
    assert [e for e in events if e.type == "return"] == []


def test_a_suspended_visa_waiver_is_one_visa_measure() -> None:
    events = events_of("Canada suspended its visa waiver for travellers from Mexico on Friday.")
    assert [(e.type, e.policy_kind) for e in events] == [("policy", "visa")]
    # a suspension of acts stays a suspension
    events = events_of("Canada suspended deportations to Haiti on Friday.")
    assert [(e.type, e.policy_kind) for e in events] == [("policy", "suspension")]


def test_coordinated_nationalities_share_a_count_and_each_goes_home() -> None:
    events = events_of("Peru expelled 96 Venezuelans and Colombians on a flight on Monday.")
    assert [(e.people.low if e.people else None, e.origin) for e in events] == [
        (96, ["COL", "VEN"])
    ]
    events = events_of("Britain deported 40 Albanians and 15 Vietnamese to Tirana and Hanoi.")
    assert sorted((e.people.low if e.people else 0, e.destination) for e in events) == [
        (15, "VNM"),
        (40, "ALB"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Moldova expelled two Russian diplomats on Tuesday.",
        "The party expelled three members of parliament after the vote.",
        "The club expelled four players for breaking curfew.",
    ],
)
def test_expelling_diplomats_members_or_players_moves_no_migrants(sentence: str) -> None:
    assert [e for e in events_of(sentence) if e.type == "removal"] == []


def test_expelling_migrants_stays_a_removal() -> None:
    events = events_of("Moldova expelled 40 migrants to Ukraine on Tuesday.")
    assert [(e.type, e.people.low if e.people else None) for e in events] == [("removal", 40)]


def test_a_protest_against_deportations_is_no_removal() -> None:
    events = events_of("About 2,000 people joined a protest against deportations in Vienna.")
    assert [e for e in events if e.type == "removal"] == []


def test_the_countries_a_visa_measure_is_for_are_its_origins() -> None:
    events = events_of("Britain suspended its visa waiver for Dominica and Vanuatu on Friday.")
    assert [(e.policy_kind, e.origin, e.location) for e in events] == [
        ("visa", ["DMA", "VUT"], "GBR")
    ]


def test_a_nationality_in_a_clause_about_another_event_is_not_the_origin() -> None:
    events = events_of(
        "Police expelled 300 migrants to the border with Mali on Friday. "
        "The expulsions followed clashes in which a Nigerien man was killed."
    )
    assert [(e.type, e.origin) for e in events] == [("removal", [])]


def test_a_headline_future_is_planned() -> None:
    events = page_events(
        "Germany to resume deportation flights to Afghanistan\n\n"
        "The government said the flights for migrants would start in the spring.\n"
    )
    assert [(e.type, e.status) for e in events][:1] == [("removal", "planned")]


def test_people_fleeing_fighting_into_a_country_arrive_there() -> None:
    events = events_of("Thousands of refugees flee fighting into Chad every week.")
    assert [(e.type, e.location) for e in events] == [("arrival", "TCD")]


def test_a_call_on_a_government_to_act_is_no_act() -> None:
    events = events_of("The UN called on Croatia to investigate reports of pushbacks.")
    assert [e for e in events if e.type == "removal"] == []


def test_people_sent_back_to_a_country_are_removed() -> None:
    events = events_of("Border guards sent 60 Afghan men back to Iran on Monday.")
    assert [(e.type, e.people and e.people.low, e.destination) for e in events] == [
        ("removal", 60, "IRN")
    ]


def test_papers_sent_back_are_no_removal() -> None:
    events = events_of("The ministry sent the asylum files back to the embassy in Kabul.")
    assert [e for e in events if e.type == "removal"] == []


def test_people_stopped_on_their_way_did_not_arrive() -> None:
    events = events_of("The Moroccan navy intercepted 420 migrants bound for Spain last week.")
    assert [(e.type, e.people and e.people.low) for e in events] == [("apprehension", 420)]


def test_expatriates_are_people() -> None:
    events = events_of("Oman deported 9,000 expats for visa violations last month.")
    assert [(e.type, e.people and e.people.low) for e in events] == [("removal", 9000)]


def test_a_deadline_until_a_long_date_phrase_to_leave() -> None:
    events = events_of(
        "Iran has given undocumented Afghans until the last day of the year to leave the country."
    )
    assert [(e.type, e.policy_kind, e.location) for e in events] == [("policy", "deadline", "IRN")]


def test_returning_a_counted_nationality_is_a_removal() -> None:
    events = events_of("Turkey has returned 4,100 Syrians since January, officials said.")
    assert [(e.type, e.people and e.people.low, e.origin) for e in events] == [
        ("removal", 4100, ["SYR"])
    ]


def test_a_safe_third_country_designation_is_a_measure() -> None:
    events = events_of("Greece designated Turkey a safe third country for asylum seekers in June.")
    assert [(e.type, e.policy_kind, e.location) for e in events] == [("policy", "other", "GRC")]


def test_safe_countries_people_passed_through_are_no_measure() -> None:
    events = events_of("The asylum seekers had travelled through several safe countries first.")
    assert [e for e in events if e.type == "policy"] == []
