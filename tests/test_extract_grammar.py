"""The event grammar on harder sentences: lists of figures, elided counts, parts of totals,
descriptions of measures, and sentences in a migration report that are about something else.

Every text here is invented by the team.
"""

from __future__ import annotations

import pytest

from extract_helpers import LEAD, events_of, page_events
from passage.clean import clean
from passage.model import Event, Provenance, RawDocument


def type_counts(events: list[Event]) -> list[tuple[str, int | None]]:
    """Each event's type and lower count, in order."""
    return [(e.type, e.people.low if e.people else None) for e in events]


def counts(events: list[Event], etype: str) -> list[tuple[int | None, list[str], str | None]]:
    return sorted(
        (
            e.people.low if e.people else None,
            e.origin,
            e.date.start.isoformat() if e.date and e.date.start else None,
        )
        for e in events
        if e.type == etype
    )


def test_each_figure_of_a_list_counts_its_own_nationality() -> None:
    events = events_of(
        "Coast guards intercepted 1,200 Eritreans, 800 Sudanese and 450 Syrians in August."
    )
    assert counts(events, "apprehension") == [
        (450, ["SYR"], "2024-08-01"),
        (800, ["SDN"], "2024-08-01"),
        (1200, ["ERI"], "2024-08-01"),
    ]


def test_each_figure_of_a_list_takes_its_own_period() -> None:
    events = events_of(
        "Officials said the country deported an estimated 9,000 people to Mali in 2021, "
        "and another 11,000 in 2022."
    )
    found = counts(events, "removal")
    assert found == [(9000, [], "2021-01-01"), (11000, [], "2022-01-01")]


def test_bare_counts_carry_on_what_the_sentence_before_counted() -> None:
    events = events_of(
        "Border agents apprehended 41,000 migrants in the province in 2023. "
        "There were about 35,500 in 2022 and 28,100 in 2021."
    )
    assert counts(events, "apprehension") == [
        (28100, [], "2021-01-01"),
        (35500, [], "2022-01-01"),
        (41000, [], "2023-01-01"),
    ]


def test_a_bare_number_without_a_period_is_not_carried_on() -> None:
    events = events_of(
        "Border agents apprehended 41,000 migrants in the province in 2023. "
        "The province has 35 crossing points."
    )
    assert counts(events, "apprehension") == [(41000, [], "2023-01-01")]
    # a count far from the sentence's date is not an elided count of that period
    events = events_of(
        "Border agents apprehended 41,000 migrants in the province in 2023. "
        "Of the 90,000 left in the camps, at least 30,000 have been living in tents since "
        "a flood in 2019."
    )
    assert counts(events, "apprehension") == [(41000, [], "2023-01-01")]


def test_parts_of_a_stated_total_are_not_events_of_their_own() -> None:
    events = events_of(
        "Police arrested 64 migrants in the port on Monday, including 12 children and "
        "nine women. The arrests included 30 Afghans, 20 Iraqis and 14 Iranians."
    )
    # the breakdown names who the total counted
    assert counts(events, "apprehension") == [(64, ["AFG", "IRN", "IRQ"], "2024-09-09")]


def test_parts_of_a_total_that_gives_no_number_are_the_events() -> None:
    events = events_of(
        "The government has carried out waves of deportations in recent years, including "
        "some 4,000 to Chad in 2022."
    )
    assert counts(events, "removal") == [(4000, [], "2022-01-01")]


def test_an_operation_is_not_counted_by_the_people_it_moved() -> None:
    events = events_of("A military crackdown forced some 90,000 people to flee into Chad.")
    arrival = [e for e in events if e.type == "arrival"]
    assert len(arrival) == 1 and arrival[0].people is not None
    assert arrival[0].people.low == 90000
    assert all(e.people is None for e in events if e.type == "operation")


def test_what_a_measure_does_is_not_an_act() -> None:
    events = events_of(
        "The sponsorship programme, which allows refugees to work for two years, "
        "is popular with employers."
    )
    assert [e for e in events if e.type == "policy"] == []


def test_a_prevented_removal_gives_its_figure_to_the_ruling() -> None:
    events = events_of(
        "A federal judge on Tuesday blocked the scheme that prevents the deportation of "
        "about 30,000 asylum seekers."
    )
    assert [e for e in events if e.type == "removal"] == []
    ruling = [e for e in events if e.type == "policy"]
    assert len(ruling) == 1 and ruling[0].policy_kind == "ruling"
    assert ruling[0].people is not None and ruling[0].people.low == 30000


def test_a_court_ruling_on_something_else_in_a_migration_report_is_no_event() -> None:
    events = events_of(
        "Migrants kept arriving at the border on Monday.\n\n"
        "Separately, the state supreme court upheld a ban on fireworks in the capital."
    )
    assert [e for e in events if e.type == "policy"] == []


def test_a_measure_named_in_the_sentence_before_gives_the_next_its_topic() -> None:
    events = events_of(
        "The health order lets border agents expel asylum seekers at once. "
        "In May, after two renewals, the order was extended indefinitely."
    )
    extended = [e for e in events if e.type == "policy" and e.date is not None]
    assert [e.date.start.isoformat() for e in extended if e.date.start] == ["2024-05-01"]


def test_other_and_more_do_not_hide_what_is_counted() -> None:
    events = events_of(
        "The governor and eight other states sued the administration over the "
        "parole programme for asylum seekers on Friday."
    )
    assert all(e.people is None for e in events)


@pytest.mark.parametrize(
    "sentence",
    [
        # a vote tally
        "The appeals court ruled 2-1 on the asylum rule, and the board split 4-4.",
        # a population hosted long ago, not a movement
        "Chad, home to some 1.2 million people who fled Sudan, hosts the summit.",
        # things, money, troops and cases
        "Sanctuary cities received $30 million for migrants in 2021 from three federal "
        "law enforcement grants.",
        "The move raised the total number of National Guard troops at the border with "
        "migrants to 2,400.",
        "A surge of migrants at the border has worsened a backlog of asylum cases that now "
        "exceeds 2 million.",
    ],
)
def test_numbers_that_count_no_people_moving(sentence: str) -> None:
    assert all(e.people is None for e in events_of(sentence)), sentence


def test_a_population_and_border_posts_are_not_people_moving() -> None:
    events = events_of(
        "In Port Sana, a town of 14,000 people, about 900 migrants crossed on Sunday, "
        "prompting officials to close one of the two official border crossings."
    )
    assert counts(events, "arrival") == [(900, [], "2024-09-08")]
    # closing a border post is a measure
    assert [e.policy_kind for e in events if e.type == "policy"] == ["other"]
    events = events_of("In Tarn, a pedestrian crossing has been closed since May 2.")
    assert [(e.type, e.status) for e in events] == [("policy", "occurred")]


def test_the_main_verb_states_the_fact_a_relative_clause_describes_people() -> None:
    events = events_of(
        "Kenya, home to 600,000 people who have fled Somalia, is launching a mass "
        "deportation of undocumented foreigners, officials said on Monday."
    )
    # the country that acts is no person, and "who have fled" says who the people are
    assert [(e.type, e.people) for e in events] == [("removal", None)]


def test_people_arrested_for_a_crime_are_no_apprehension() -> None:
    events = events_of(
        "Two migrants were arrested on Monday in connection with the stabbing of a guard."
    )
    assert [e for e in events if e.type == "apprehension"] == []


def test_who_people_are_is_not_what_happened_to_them() -> None:
    events = events_of(
        "Lawyers are still searching for parents who have been deported from the country."
    )
    assert [e for e in events if e.type == "removal"] == []


def test_a_trend_without_figure_or_time_is_no_event() -> None:
    events = events_of("Officials are struggling with an increase in migrants arriving by boat.")
    assert [e for e in events if e.type == "arrival"] == []


@pytest.mark.parametrize(
    ("text", "sentences", "low"),
    [
        (
            # a headline in round words is the body's figure
            "Ruritania expelling thousands of migrants across desert border\n\n"
            "Ruritania has expelled more than 4,100 migrants to Chad since early August, "
            "a rights group said on Tuesday.\n",
            2,
            4100,
        ),
        (
            # the opening "more than 4,000" rounds down the body's "over 4,600"; the title
            # saved at the end of the page repeats it in round words
            "More than 4,000 migrants were expelled to Chad in August, a rights group said.\n\n"
            "Ruritania has expelled over 4,600 migrants to Chad since early August, the group "
            "said on Tuesday. The ministry did not respond. "
            "Ruritania expelling thousands of migrants across desert border\n",
            3,
            4600,
        ),
    ],
)
def test_headlines_and_titles_in_round_words_are_the_body_figure(
    text: str, sentences: int, low: int
) -> None:
    removals = [e for e in page_events(text) if e.type == "removal"]
    assert len(removals) == 1 and len(removals[0].evidence) == sentences
    assert removals[0].people is not None and removals[0].people.low == low


def test_a_body_sentence_without_a_stop_is_no_title() -> None:
    from passage.extract.sentences import sentences

    text = "Border town braces.\n\nOfficials met on Monday. They counted 300 arrivals\n\nMore."
    raw = RawDocument(text=text, provenance=Provenance("t.txt"), format="text")
    assert [s.headline for s in sentences(clean(raw))] == [True, False, False, False]


def test_two_round_figures_in_the_body_stay_two_facts() -> None:
    events = events_of(
        "The agency resettled thousands of refugees in the north in 2019. "
        "The province has also resettled thousands of refugees from the war."
    )
    assert len([e for e in events if e.type == "arrival"]) == 2


@pytest.mark.parametrize(
    "sentence",
    [
        "Tens of thousands of refugees poured across the border into Chad in March.",
        "Three migrant boats left the port every night in July bound for Malta.",
        "Up to 5,000 people a month are allowed to enter the country under the programme.",
        "The city is expecting as many as 4,000 migrants next week.",
        "The coast guard rescued 85 migrants off the island on Sunday.",
        "They were sent by bus from the border last October.",
        "More than 3,000 migrants waiting in Tijuana to enter the country were counted in May.",
    ],
)
def test_ways_of_saying_people_came(sentence: str) -> None:
    assert [e.type for e in events_of(sentence)] == ["arrival"], sentence


def test_people_in_custody_are_held() -> None:
    events = events_of("The agency's in-custody population rose to nearly 3,100 in June.")
    assert counts(events, "detention") == [(3100, [], "2024-06-01")]


def test_a_change_amount_or_earlier_level_is_no_count_of_its_own() -> None:
    events = events_of(
        "The agency is expanding holding facilities by 1,200 people to nearly 9,000. "
        "Its in-custody population rose to 2,400, after plummeting to 700 in the spring."
    )
    assert sorted(e.people.low for e in events if e.people) == [2400, 9000]


def test_a_modal_in_an_earlier_clause_does_not_make_a_fact_hypothetical() -> None:
    events = events_of(
        "Calling them a risk that could spread disease, the government has expelled at "
        "least 2,300 migrants, some as young as 9, since March."
    )
    assert counts(events, "removal") == [(2300, [], "2024-03-01")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Immigration agents detained him outside a clinic in Leeds on Monday.",
        "Federal immigration authorities took Petrov into custody in May.",
    ],
)
def test_the_one_person_a_verb_names(sentence: str) -> None:
    events = events_of(sentence)
    apprehension = [e for e in events if e.type == "apprehension"]
    assert len(apprehension) == 1 and apprehension[0].people is not None
    assert (apprehension[0].people.low, apprehension[0].people.high) == (1, 1)


def test_a_pace_to_remove_is_a_planned_removal() -> None:
    events = events_of("ICE was on pace to remove 210,000 immigrants over two years.")
    removal = [e for e in events if e.type == "removal"]
    assert len(removal) == 1 and removal[0].status == "planned"
    assert removal[0].people is not None and removal[0].people.low == 210000


@pytest.mark.parametrize(
    "sentence",
    [
        "It has become more difficult to cross the border near the river.",
        "Most people know what to expect when they arrive at the shelter.",
        "The minister was asked on Monday about the government's initiative to deport migrants.",
        "The bloc must increase the number of deportations of rejected asylum seekers.",
        "City staff can't be used to help federal officers deport residents.",
        "The memo does not say that 40,000 refugees will be allowed to stay in Canada.",
        "“I thought I would arrive and find a job within a week,” she said.",
        "It was unclear when the removal flights to Dakar had begun.",
        "(RELATED: Six Migrants Arrive At Port With Measles) The minister declined to comment.",
        "Lobbyists have long protested against a bill that targets migrants who crossed.",
        "I can only imagine what it is like to see your brother deported.",
        "The guidelines made it impossible for most undocumented workers to be deported.",
        "Officials regularly sent back forms saying the man could not be deported.",
        "Children facing removal stand no chance of being allowed to stay in Spain.",
        "The governor floated the possibility of releasing migrants into other cities.",
        "Officials say the girl needs to be deported to Peru.",
        "She knows where all the boxes are kept for different immigration cases.",
        "Cities pay more for schools when migrants are allowed to remain in the country.",
        "The air force tried to intercept the rockets fired at the migrant camp.",
        "The shelter plan for migrants met community pushback by residents.",
        "As a reporter wrote in the Intercept, the migrant shelters are full.",
        "The two countries pledged to crack down on human smuggling networks of migrants.",
    ],
)
def test_aims_abilities_and_generic_clauses_are_not_events(sentence: str) -> None:
    assert [e for e in events_of(sentence) if e.type != "policy"] == [], sentence


def test_a_declared_intention_is_a_planned_event() -> None:
    events = events_of(
        "The ministry indicated its intention to organise further removal flights to Tirana."
    )
    removal = [e for e in events if e.type == "removal"]
    assert len(removal) == 1 and removal[0].status == "planned"


def test_a_figure_counting_a_trigger_noun_leaves_the_other_figure_to_the_other_act() -> None:
    events = events_of(
        "While Border Patrol encounters of migrants at the border topped 1.4 million in "
        "2022, ICE conducted roughly 51,000 removals."
    )
    assert type_counts(events) == [
        ("apprehension", 1400000),
        ("removal", 51000),
    ]


def test_a_list_after_a_counted_noun_counts_the_same_thing() -> None:
    events = events_of("The state recorded 3,140 encounters in 2022 and 2,443 in 2023.")
    assert counts(events, "apprehension") == [(2443, [], "2023-01-01"), (3140, [], "2022-01-01")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The city struggles to house newly arrived migrants in the winter.",
        "Officials must find space to quarantine migrants who arrive by boat.",
        "Policy makers implemented rules that economists dislike.",
        "Senior border officials crossed into Mexico on Monday for talks on migrants.",
        "Construction crews and heavy machinery arrived at the border wall on Friday.",
        "In order for refugees to be resettled, the housing agency signed new leases last year.",
    ],
)
def test_descriptions_of_people_and_policy_makers_are_not_events(sentence: str) -> None:
    assert events_of(sentence) == [], sentence


def test_people_who_remain_held_are_a_detention() -> None:
    events = events_of(
        "About 90,000 refugees who remain in camps near the border live in poor conditions."
    )
    assert counts(events, "detention") == [(90000, [], None)]


def test_active_detaining_is_an_apprehension_unless_it_is_the_road_not_taken() -> None:
    events = events_of("Police detained 40 migrants near the port on Monday.")
    assert counts(events, "apprehension") == [(40, [], "2024-09-09")]
    events = events_of("Instead of detaining more people, officials are releasing them.")
    assert [e for e in events if e.type == "apprehension"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Did the government deport the families?",
        "Will the ministry suspend the visa programme for Malians?",
        "Asylum offices have been busy since the end of the emergency policy in June.",
        "The asylum plan met pushback from officials in the capital on Monday.",
        "Fans poured into the streets near the border town on Sunday night.",
        "At a rally on China's crackdown in Hong Kong on Tuesday evening, the senator later "
        "spoke of open borders.",
        "A regional agreement allows migrants from the south to transit through the country.",
        "Smugglers drive migrants to a spot where the border wall ends.",
        "Her campaign centres on a message that includes a moratorium on immigration.",
        "The newcomer, who campaigned on halting immigration for five years, won the primary.",
        "The odds of a large migrant caravan reaching the US border, already low, have grown "
        "slim over the past year.",
    ],
)
def test_questions_and_time_references_state_no_event(sentence: str) -> None:
    assert events_of(sentence) == [], sentence


def test_people_enrolled_in_a_protection_programme_are_a_policy_figure() -> None:
    events = events_of(
        "There were 41,250 people enrolled in the protection programme for refugees in May."
    )
    assert type_counts(events) == [("policy", 41250)]


@pytest.mark.parametrize(
    ("sentence", "etype", "size"),
    [
        (
            "Ana Ruiz, 34, arrived in Lisbon with her husband and their 8-year-old son in May.",
            "arrival",
            3,
        ),
        (
            "In June, she had fled Eritrea for Sudan with her brother and two daughters.",
            "arrival",
            4,
        ),
        ("The mother and daughter returned to Peru on Monday.", "return", 2),
        ("Amir, Leyla and Omar were deported to Turkey on Friday.", "removal", 3),
        (
            "The 14, who include two minors, were intercepted off Crete on Sunday.",
            "apprehension",
            14,
        ),
        ("Tomas Varga arrived at the border post on Tuesday.", "arrival", 1),
        ("The suspect, a 30-year-old cook, arrived in Bari on Monday.", "arrival", 1),
        ("A young Moldovan national was deported to Chisinau on Friday.", "removal", 1),
        ("Rui, 41, his wife and three sons were among those deported to Angola.", "removal", 5),
        ("Ana Sosa, 40, left Honduras with her husband and two children.", "arrival", 4),
        (
            "A fisherman from Sfax said he set out last month with six other men and two boys.",
            "arrival",
            9,
        ),
    ],
)
def test_a_named_party_counts_its_members(sentence: str, etype: str, size: int) -> None:
    found = [e for e in events_of(sentence) if e.type == etype]
    assert [e.people.low if e.people else None for e in found] == [size], sentence


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Migrants arrived at the border post on Tuesday.", [("arrival", None)]),
        ("President Novak arrived at the border post on Tuesday.", [("arrival", None)]),
        ("Instead, Tomas was deported to Serbia in March.", [("removal", 1)]),
        ("Ana Ruiz, 34, and her family arrived in Lisbon in May.", [("arrival", None)]),
        (
            "The governor, who bused migrants to Denver in May, spoke on Friday.",
            [("arrival", None)],
        ),
    ],
)
def test_a_party_of_untold_size_or_no_party_gets_no_count(
    sentence: str, expected: list[tuple[str, int | None]]
) -> None:
    found = [(e.type, e.people.low if e.people else None) for e in events_of(sentence)]
    assert found == expected, sentence


def test_detained_in_a_facility_is_a_detention_of_its_own_beside_the_arrest() -> None:
    events = events_of(
        "After being arrested by police, the boy was detained in a hotel and then deported."
    )
    assert sorted(e.type for e in events) == ["apprehension", "detention"]
    # one person's acts in one sentence each count that person
    assert [e.people.low if e.people else None for e in events] == [1, 1]
    events = events_of("He had been detained in the Harbor detention center for two weeks.")
    assert type_counts(events) == [("detention", 1)]
    # the one who stays is one person, however long the clause that describes them
    events = events_of(
        "The young man, who spoke on condition of anonymity to avoid attracting attention "
        "from the authorities, spent a month in offshore detention before being released."
    )
    assert type_counts(events) == [("detention", 1)]
    events = events_of(
        "She spent a year fighting deportation at an immigration detention center in Kent."
    )
    assert [(e.type, e.status, e.people.low if e.people else None) for e in events] == [
        ("detention", "occurred", 1)
    ]


def test_people_being_deported_in_a_description_and_news_releases_are_not_events() -> None:
    events = events_of(
        "Officials hoped news releases showing families being deported would deter others."
    )
    assert events == []


def test_a_named_programme_is_migration_context_enough_for_its_measure() -> None:
    events = events_of(
        "The new cabinet agreed on Monday to end Remain in Mexico within a month.\n\n"
    )
    assert [(e.type, e.policy_kind) for e in events] == [("policy", "other")]


def test_one_person_to_be_transferred_to_custody_is_counted() -> None:
    events = events_of(
        "Officials arranged for Rosa, a resident who had lived in Spain since she was 9, "
        "to be transferred to immigration custody on Monday."
    )
    assert type_counts(events) == [("apprehension", 1)]


def test_two_people_in_one_flattened_page_are_two_events() -> None:
    # a page flattened to one paragraph: its first sentence is the headline, the rest story
    body = (
        "Judge frees two residents. "
        "Despite his release, Tran was then detained by immigration agents in March 2021. "
        "The court heard many such cases over several years of hearings and appeals. "
        "Prison officials arranged for Rosa, a resident since she was 9, "
        "to be transferred to immigration custody in 2019."
    )
    events = events_of(body)
    assert type_counts(events) == [
        ("apprehension", 1),
        ("apprehension", 1),
    ]


def test_only_the_opening_sentence_of_a_long_first_block_is_a_headline() -> None:
    from passage.extract.sentences import sentences

    text = "Border town braces. " + "Officials met on Monday to plan for arrivals. " * 10
    raw = RawDocument(text=text, provenance=Provenance("t.txt"), format="text")
    found = sentences(clean(raw))
    assert [s.headline for s in found[:3]] == [True, False, False]


def test_two_acts_joined_by_and_are_two_events() -> None:
    events = events_of("Police have begun deporting and detaining undocumented migrants.")
    assert sorted(e.type for e in events) == ["apprehension", "removal"]


def test_a_date_in_a_relative_clause_does_not_date_the_count() -> None:
    events = events_of(
        "In fiscal year 2023, which ended Sept. 30, the country admitted 12,400 refugees."
    )
    assert counts(events, "arrival") == [(12400, [], "2022-10-01")]


def test_a_threat_before_and_does_not_reach_the_act_after_it() -> None:
    events = events_of(
        "The ministry said migrants must leave by May 1 or face arrest "
        "and has begun deporting them."
    )
    assert "removal" in {e.type for e in events}


def test_a_sentences_only_date_dates_its_act_from_further_away() -> None:
    events = events_of(
        "Police officers arrest undocumented migrants during a search operation in a "
        "crowded neighbourhood on the edge of the port city, Thursday, Sept. 5, 2024."
    )
    found = [e for e in events if e.type == "apprehension"]
    assert [e.date.start.isoformat() if e.date and e.date.start else None for e in found] == [
        "2024-09-05"
    ]


def test_an_average_of_a_stated_total_is_arithmetic_not_an_event() -> None:
    events = events_of(
        "Removals of migrants totaled 90,300 over those three years, averaging 30,100."
    )
    assert counts(events, "removal") == [(90300, [], None)]


def test_the_crackdown_of_a_migration_report_needs_no_migration_word_nearby() -> None:
    events = events_of(
        "Police detained 300 undocumented migrants this week. Officials said shops and homes "
        "of their employers will be searched in the crackdown, which began Monday."
    )
    assert "operation" in {e.type for e in events}


def test_a_border_between_two_countries_is_no_authority_of_either() -> None:
    # "the U.S.-Mexico border" names a place, not Mexico acting; "border guards" do act
    (at_border,) = events_of(
        "Border Patrol agents arrested 300 migrants at the U.S.-Mexico border on Tuesday.\n"
    )
    assert at_border.location == "USA"
    (guards,) = events_of("Greece's border guards expelled 40 migrants to Turkey on Tuesday.\n")
    assert (guards.location, guards.destination) == ("GRC", "TUR")


def test_people_crossing_into_a_country_arrive_but_the_gerund_names_no_act() -> None:
    (crossing,) = events_of("Each day, 8,000 Afghans are crossing into Pakistan at Torkham.\n")
    assert (crossing.type, crossing.status, crossing.destination) == ("arrival", "ongoing", "PAK")
    assert crossing.people is not None and (crossing.people.low, crossing.people.per) == (
        8000,
        "day",
    )
    assert events_of("Crossing into the country legally is virtually impossible now.\n") == []
    assert events_of("The plan discourages migrants from crossing to the US.\n") == []


def test_a_return_goes_to_a_country_not_to_work() -> None:
    (back,) = events_of("The father and son returned to Cuba.\n")
    assert (back.type, back.destination) == ("return", "CUB")
    assert back.people is not None and back.people.low == 2
    (home,) = events_of("Thousands are moving back to the Philippines this year.\n")
    assert (home.type, home.destination) == ("return", "PHL")
    assert events_of("He returned to work on Monday.\n") == []
    assert events_of("The father returned to Camp David on Sunday.\n") == []


def test_a_people_named_by_faith_or_ethnicity_is_counted() -> None:
    (held,) = events_of("Some 9,000 Uyghur Muslims remain in detention camps in the region.\n")
    assert held.type == "detention"
    assert held.people is not None and held.people.low == 9000


def test_measures_listed_after_a_promise_are_planned() -> None:
    found = events_of(
        "The senator has promised a number of sweeping moves, including ending the "
        "detention of families, raising the refugee cap to 100,000 and imposing a "
        "moratorium on deportations.\n"
    )
    assert found and {e.status for e in found} == {"planned"}
    (listed,) = events_of(
        "Officials deported 300 people last week, including 40 children, and will deport more.\n"
    )
    assert listed.status == "occurred"


def test_backstory_in_the_past_perfect_without_count_or_time_is_no_event() -> None:
    assert (
        events_of(
            "Residents who had come decades earlier, without papers to prove their status, "
            "had been denied housing, wrongly detained or even deported.\n"
        )
        == []
    )
    (one,) = events_of("He had been deported to Mexico.\n")
    assert one.people is not None and one.people.low == 1
    (dated,) = events_of("By then the agency had already deported 4,000 people.\n")
    assert dated.people is not None and dated.people.low == 4000


def test_a_programme_of_legal_aid_is_no_enforcement_measure() -> None:
    aid = events_of(
        "The city is launching a new program with a local charity to provide free legal "
        "services to immigrant residents. The program will reduce barriers for residents "
        "facing immigration court.\n"
    )
    assert [e for e in aid if e.type == "policy"] == []
    (ended,) = events_of("The government ended the parole program for Cubans on Monday.\n")
    assert ended.type == "policy"


def test_a_figure_in_brackets_counts_the_date_before_it() -> None:
    found = events_of(
        "There were more encounters in April (276,055) and May (275,114) than in June "
        "(144,556), officials said.\n"
    )
    assert counts(found, "apprehension") == [
        (144556, [], "2024-06-01"),
        (275114, [], "2024-05-01"),
        (276055, [], "2024-04-01"),
    ]


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("The ministry is also sending 600 soldiers to the border with Belarus.", "ongoing"),
        ("The old border fence near the port is being demolished for a new barrier.", "ongoing"),
        ("The army has recently increased its military presence on the border.", "occurred"),
        ("The province has been expanding its border wall since March.", "ongoing"),
    ],
)
def test_deployments_and_barriers_are_measures_with_their_status(
    sentence: str, status: str
) -> None:
    found = [(e.type, e.policy_kind, e.status) for e in events_of(sentence)]
    assert found == [("policy", "other", status)], sentence


def test_guards_sent_to_the_border_are_no_people_count() -> None:
    events = events_of(
        "The government is sending 400 police officers to the border, adding to "
        "1,200 National Guard members already there."
    )
    assert [(e.type, e.people) for e in events] == [("policy", None)]


def test_at_one_start_the_longer_trigger_wins() -> None:
    events = events_of("Like other arrivals, Samir was handed an expulsion order on Monday.")
    assert [(e.type, e.policy_kind) for e in events] == [("policy", "deadline")]


def test_returning_people_to_a_country_is_a_removal_and_going_back_a_return() -> None:
    events = events_of("Officials run four flights a week to return migrants to Honduras.")
    assert [(e.type, e.destination) for e in events] == [("removal", "HND")]
    events = events_of("Thousands of migrants were returning to Venezuela by bus in May.")
    assert [(e.type, e.destination) for e in events] == [("return", "VEN")]


@pytest.mark.parametrize(
    ("sentence", "etype", "lows"),
    [
        (
            "Police said the sweep led to 3,100 arrests of migrants and 240 criminal arrests.",
            "apprehension",
            [3100],
        ),
        (
            "The report found not one Rohingya in the detention camps expecting their "
            "detention to end.",
            "detention",
            [],
        ),
        (
            "Officials announced a zero tolerance policy for migrants crossing the river.",
            "policy",
            [None],
        ),
    ],
)
def test_counts_of_charges_and_of_nobody_are_no_people(
    sentence: str, etype: str, lows: list[int | None]
) -> None:
    found = [e for e in events_of(sentence) if e.type == etype]
    assert [e.people.low if e.people else None for e in found] == lows, sentence


@pytest.mark.parametrize(
    ("sentence", "low"),
    [
        ("Hundreds of Nicaraguans began their long trek north to the US on Sunday.", 200),
        ("Families poured out in waves of tens of thousands across the border into Chad.", 20000),
    ],
)
def test_a_journey_begun_or_people_pouring_across_a_border_are_arrivals(
    sentence: str, low: int
) -> None:
    found = [e for e in events_of(sentence) if e.type == "arrival"]
    assert [e.people.low if e.people else None for e in found] == [low], sentence


def test_pouring_something_over_someone_is_no_arrival() -> None:
    events = events_of("In May, a man poured a pan of boiling water over his neighbour in Leeds.")
    assert [e for e in events if e.type == "arrival"] == []


def test_a_party_among_a_crowd_is_its_own_count_and_the_crowd_is_the_stated_figure() -> None:
    events = events_of(
        "More than 3,000 migrants arrived in Denver by bus between May 2 and July 30. "
        "Ortega, 31, his partner and two kids are among the thousands arriving at the station."
    )
    arrivals = sorted((e.people.low, e.people.high, len(e.evidence)) for e in events if e.people)
    # the two kids belong to the party of four; "the thousands" are the 3,000 stated before
    assert arrivals == [(4, 4, 1), (3000, None, 2)]
    # a vague figure without a definite article is a fact of its own
    events = events_of(
        "More than 3,000 migrants arrived in Denver by bus between May 2 and July 30. "
        "Thousands arrived in Chicago by plane in the spring."
    )
    assert len([e for e in events if e.type == "arrival"]) == 2


def test_a_verb_coordinated_with_a_stated_act_shares_its_status() -> None:
    events = events_of(
        "The government said migrants should leave by Oct. 31 or face arrest and has "
        "begun deporting and detaining undocumented foreigners."
    )
    stated = sorted((e.type, e.status) for e in events if e.type != "policy")
    assert stated == [("apprehension", "ongoing"), ("removal", "ongoing")]


def test_sending_back_people_is_a_removal() -> None:
    events = events_of("Guards sent back 40 migrants to Serbia on Monday.")
    assert type_counts(events) == [("removal", 40)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister pledged to increase the number of refugees admitted to 40,000 a year.",
        "On Monday, the council proposed new rules to speed up deportations of rejected applicants.",
        "The agency announced on Friday it would end the practice of releasing migrant families at bus stops.",
    ],
)
def test_a_measure_on_the_pace_of_an_act_is_a_policy_not_the_act(sentence: str) -> None:
    events = events_of(sentence)
    assert [(e.type, e.status) for e in events] == [("policy", "planned")], sentence


def test_the_baseline_of_a_comparison_is_no_count_of_its_own() -> None:
    events = events_of(
        "About 9,000 migrants arrived in Malta this year, far fewer than the tens of "
        "thousands who arrived in 2015."
    )
    assert [e.people.low for e in events if e.type == "arrival" and e.people] == [9000]


@pytest.mark.parametrize(
    "sentence",
    [
        "Parliament has failed twice to pass the asylum bill for refugees.",
        "The governor declined a request by mayors to order the refugee program ended.",
        "The cap is the lowest since the 1990 Refugee Act took effect.",
        "Lawyers credit their efforts to stop the expulsions of children in May.",
        "Lawmakers need to restrict federal grant funding for sanctuary cities in next year's bills.",
    ],
)
def test_failures_refusals_efforts_and_baselines_are_no_measure(sentence: str) -> None:
    assert [e for e in events_of(sentence) if e.type == "policy"] == [], sentence


def test_an_arrival_in_a_city_goes_to_the_city_s_country() -> None:
    events = events_of("More than 1,300 migrants have arrived in Chicago since May.")
    assert [(e.location, e.destination) for e in events] == [("USA", "USA")]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "About 90,000 Mexicans move back each year, according to the U.S. and Mexican "
            "governments.",
            "the U.S. and Mexican governments",
        ),
        ("About 300 migrants were deported to Haiti on Monday, according to CBP.", "CBP"),
    ],
)
def test_a_source_keeps_its_initials_and_drops_the_sentence_stop(
    sentence: str, source: str
) -> None:
    assert [e.source for e in events_of(sentence)] == [source]


def test_requiring_or_forcing_people_to_do_something_is_a_measure() -> None:
    events = events_of("Border officials were requiring the migrants to show a negative test.")
    assert [(e.type, e.people) for e in events] == [("policy", None)]
    events = events_of(
        "“The government has forced thousands of asylum seekers to wait in tents,” she said. "
        "The report was published on Monday. "
        "The government has forced thousands of asylum seekers to wait in tents."
    )
    # the same measure and vague count, quoted and then repeated, is one fact
    assert [(e.type, e.people.low if e.people else None, len(e.evidence)) for e in events] == [
        ("policy", 2000, 2)
    ]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Three land ports stopped processing asylum seekers in June.", "suspension"),
        ("On May 2, Peru reopened its border to Venezuelan migrants.", "other"),
        ("The government has limited arrests and deportations to migrants with records.", "other"),
    ],
)
def test_stopping_processing_opening_a_border_and_limiting_arrests_are_measures(
    sentence: str, kind: str
) -> None:
    assert [(e.type, e.policy_kind) for e in events_of(sentence)] == [("policy", kind)], sentence


def test_an_open_border_as_a_label_is_no_measure() -> None:
    assert events_of("Critics blame open border politicians for the migrant crisis.") == []


def test_a_person_s_story_is_not_the_total_it_belongs_to() -> None:
    events = events_of(
        "Since August, more than 13,000 immigrants have arrived in Denver. "
        "Lucia Perez, 29, arrived with her husband and two sons in October. "
        "Marta, 35, and her family arrived in Denver early last September."
    )
    arrivals = [(e.people.low if e.people else None, len(e.evidence)) for e in events]
    assert sorted(arrivals, key=str) == [(13000, 1), (4, 1), (None, 1)]


def test_different_kinds_of_vague_measures_stay_apart_and_repeats_of_one_merge() -> None:
    events = events_of(
        "The government is sending troops to the border to stop migrants. "
        "The state has also built a wall against migrants near the river. "
        "The troops were sent to stop migrants, officials said."
    )
    measures = sorted(len(e.evidence) for e in events if e.type == "policy")
    # troops (twice) and a wall: two measures, not one
    assert measures == [1, 2]


def test_a_named_operation_is_a_fact_beside_the_arrests_in_it() -> None:
    events = events_of(
        "The raid was part of Operation Harbor, which started May 4, when more than 90 "
        "migrants were arrested in three cities."
    )
    assert sorted(type_counts(events)) == [
        ("apprehension", 90),
        ("operation", None),
    ]


def test_two_people_with_the_same_act_stay_two_unless_their_dates_agree() -> None:
    events = events_of(
        "A young man was deported from Texas on May 3, his lawyer said. "
        "Weeks later, a teenage girl was deported after a night in a hotel."
    )
    assert type_counts(events) == [
        ("removal", 1),
        ("removal", 1),
    ]


def test_custody_of_a_refugee_agency_is_detention() -> None:
    events = events_of("The Office of Refugee Resettlement took in 900 migrant minors in July.")
    assert type_counts(events) == [("detention", 900)]
    events = events_of("On Monday, the two boys were transferred to the refugee agency.")
    assert type_counts(events) == [("detention", 2)]


def test_boats_leaving_a_port_bound_for_an_island_arrive() -> None:
    events = events_of(
        "Two migrant boats left the small port of Sfax every night during the summer bound "
        "for the island of Lampedusa."
    )
    assert [e.type for e in events] == ["arrival"]


def test_each_measure_of_a_pledged_list_is_its_own_policy() -> None:
    body = (
        "The candidate has promised several moves, including ending the Remain in Mexico "
        "policy, raising the refugee cap from 15,000 to 100,000, expanding work visas "
        "and imposing a moratorium on deportations."
    )
    events = events_of(body)
    kinds = sorted((e.policy_kind, e.people.low if e.people else -1) for e in events)
    # Remain in Mexico and the refugee cap are two measures; the cap takes the figure
    assert kinds == [("other", -1), ("other", 100000), ("suspension", -1), ("visa", -1)]
    cap = next(e for e in events if e.people)
    assert [t.of(LEAD + body) for t in cap.spans["trigger"]] == ["refugee cap"]


def test_a_measure_named_far_from_its_act_verb_takes_the_verb_s_status() -> None:
    events = events_of(
        "Officials promised the mayor, in a long letter to residents of the southern border "
        "towns, new funding for migrant shelters."
    )
    assert [(e.policy_kind, e.status) for e in events] == [("funding", "planned")]


def test_a_person_s_journey_long_ago_is_their_past_but_a_recent_one_is_the_story() -> None:
    # PUBLISHED is 2024-09-12
    events = events_of("Yan Li, 43, left China for Boston nearly 20 years ago, she said.")
    assert [e for e in events if e.type == "arrival"] == []
    events = events_of("Tomas Varga, 30, fled Serbia for Germany in 2020, he said.")
    assert type_counts([e for e in events if e.type == "arrival"]) == [("arrival", 1)]


def test_a_party_count_is_never_read_inside_a_larger_number() -> None:
    events = events_of("In Rivas, about 2,700 men crossed on Tuesday and 3,000 on Wednesday.")
    assert sorted(e.people.low for e in events if e.people) == [2700, 3000]


def test_a_prison_handing_people_over_to_immigration_custody_is_an_arrest() -> None:
    events = events_of(
        "The state prison system transferred more than 300 people from its facilities "
        "to immigration custody last year, records show."
    )
    assert type_counts(events) == [("apprehension", 300)]


def test_a_measure_named_only_as_a_time_is_no_measure_and_its_counts_carry_on() -> None:
    events = events_of(
        "Agents recorded 210,000 encounters in May. The monthly average in June through "
        "August was 190,000, which is 12,000 fewer than in the months when Title 42 was "
        "in effect."
    )
    assert [(e.type, e.people.low, e.people.per) for e in events if e.people] == [
        ("apprehension", 210000, None),
        ("apprehension", 190000, "month"),
    ]
    assert [e for e in events if e.type == "policy"] == []


def test_a_running_total_continues_the_count_before_it() -> None:
    events = events_of(
        "Border agents reported a sharp rise in encounters in Arizona this year. "
        "The total to date is more than 40,000."
    )
    totals = [e for e in events if e.people]
    assert [(e.type, e.people.low, e.people.cumulative) for e in totals] == [
        ("apprehension", 40000, True)
    ]


def test_a_count_that_owns_papers_counts_no_people_moved() -> None:
    events = events_of(
        "Agents arrested more than a dozen students on Monday and moved to revoke the "
        "visas of hundreds."
    )
    assert [(e.type, e.people.low) for e in events if e.people] == [("apprehension", 12)]


def test_a_named_operation_may_have_a_capitalised_acronym_in_its_name() -> None:
    events = events_of("Operation SAFEguard was launched in March to arrest migrants.")
    assert [e.type for e in events] == ["operation"]


def test_the_country_people_are_removed_from_is_where_it_happens_not_their_origin() -> None:
    events = events_of(
        "Agents arrested 40 students on Monday, and they face removal from the United States."
    )
    arrest = next(e for e in events if e.type == "apprehension")
    assert (arrest.origin, arrest.location) == ([], "USA")


def test_what_used_to_happen_is_no_fact() -> None:
    events = events_of(
        "Large groups of migrants, sometimes numbering as many as 300 people, crossed the "
        "river near the town."
    )
    assert events == []


def test_a_count_of_whose_parents_were_deported_counts_no_one_deported() -> None:
    events = events_of(
        "Lawyers said they could not find the parents of 320 children, and that most of "
        "the children's parents were deported."
    )
    assert [e.people for e in events if e.type == "removal"] == [None]


def test_a_figure_in_a_pledged_clause_is_planned_and_the_usual_level_is_no_figure() -> None:
    events = events_of(
        "Under earlier administrations, the refugee cap typically exceeded 70,000 a year, "
        "and the challenger has pledged to set the figure at 110,000 per year if elected."
    )
    assert [(e.type, e.status, e.people.low if e.people else None) for e in events] == [
        ("policy", "planned", 110000)
    ]


def test_a_court_ruling_must_be_about_migration_near_it() -> None:
    events = events_of(
        "The governor visited a shelter for asylum seekers and migrants in the city. She "
        "was there on the day the state Supreme Court upheld a ban on certain rifles, "
        "local media reported."
    )
    assert [e for e in events if e.type == "policy"] == []
    events = events_of("A federal judge on Tuesday blocked the asylum restrictions.")
    assert [(e.type, e.policy_kind) for e in events] == [("policy", "ruling")]


def test_a_measure_ending_inside_a_time_clause_is_a_time_but_a_stated_end_is_a_fact() -> None:
    events = events_of(
        "The worry when Title 42 came to an end in May was that crossings would rise."
    )
    assert [e for e in events if e.type == "policy"] == []
    events = events_of("Officials said that Title 42 ended on May 11.")
    assert [(e.type, e.status) for e in events] == [("policy", "occurred")]


def test_a_long_winded_solution_is_advocacy() -> None:
    events = events_of(
        "The solution to the many migrants who skip their court hearings "
        "is to stop releasing migrants at all, a former official said."
    )
    assert events == []


def test_a_participle_after_the_people_it_describes_is_no_arrival() -> None:
    assert events_of("The city is struggling to house families arriving from the border.") == []
    # before the people it is their adjective
    assert events_of("The charity will also provide aid to arriving migrants.") == []
    events = events_of("Some 3,000 migrants arriving each day have strained the city.")
    assert [(e.type, e.people.low if e.people else None) for e in events] == [("arrival", 3000)]


def test_an_arrest_for_an_alleged_crime_is_no_migration_arrest() -> None:
    assert events_of("Morales was arrested after he allegedly attacked a guard on May 2.") == []


def test_a_photo_caption_of_another_day_is_its_own_fact() -> None:
    text = (
        "Police detain migrants in border raids\n\n"
        "Police arrested 300 migrants in raids across the border city on Monday, officials "
        "said.\n\n"
        "Police officers arrest migrants during a search in a market of the port city, "
        "Thursday, Aug. 29, 2024. (AP Photo/Jane Doe)\n\n"
        "Aid groups said asylum seekers were afraid to leave their homes.\n"
    )
    arrests = [e for e in page_events(text) if e.type == "apprehension"]
    assert sorted(str(e.date.start) for e in arrests if e.date) == ["2024-08-29", "2024-09-09"]


def test_turning_people_or_boats_back_is_a_pushback_but_turning_one_s_back_is_not() -> None:
    events = events_of("Border agents quickly turned them back to Mexico on Friday.")
    assert [(e.type, e.destination) for e in events] == [("removal", "MEX")]
    events = events_of("The coast guard turned the overcrowded boat back toward Libya.")
    assert [e.type for e in events] == ["removal"]
    assert events_of("The senator turned his back on the migrants he once defended.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials met relatives of migrants deported at the border.",
        "Last month Mexico agreed to urge Cuba, Venezuela and Nicaragua, which have few ties "
        "with Washington, to take back their citizens deported at the border.",
    ],
)
def test_a_past_participle_after_people_describes_them(sentence: str) -> None:
    assert [e for e in events_of(sentence) if e.type == "removal"] == [], sentence


def test_an_act_a_government_agreed_to_is_planned() -> None:
    events = events_of("Mexico agreed to carry out more deportations of migrants near the border.")
    assert [(e.type, e.status) for e in events] == [("removal", "planned")]


def test_raising_an_inflow_in_a_list_of_aims_is_a_measure_not_an_arrival() -> None:
    events = events_of(
        "The candidate pledged to cut fees for visas, expand the inflow of seasonal migrants "
        "and sharply increase the inflow of refugees to 90,000 per year."
    )
    assert [e for e in events if e.type == "arrival"] == []
    policy = [e for e in events if e.people]
    assert [(e.type, e.status, e.people.low, e.people.per) for e in policy] == [
        ("policy", "planned", 90000, "year")
    ]


def test_people_are_removed_to_a_country_not_in_it() -> None:
    events = events_of(
        "Agents deported 30 men on Monday who had lived in the United States for years."
    )
    assert [(e.type, e.location, e.destination) for e in events] == [("removal", "USA", None)]
    events = events_of(
        "The agency deported 40 migrants to Haiti on Monday, officials in the US said."
    )
    assert [(e.type, e.destination) for e in events] == [("removal", "HTI")]


def test_one_person_removed_to_one_country_is_not_another_group_turned_back_elsewhere() -> None:
    events = events_of(
        "Tomas, 12, was expelled to Guatemala alone on Monday.\n\n"
        "Border agents had earlier turned back three cousins to Mexico."
    )
    assert sorted(e.destination or "" for e in events if e.type == "removal") == ["GTM", "MEX"]


def test_asking_a_parliament_for_funds_is_a_planned_funding_measure() -> None:
    events = events_of(
        "The administration is asking Congress for $4 billion in emergency funding for "
        "migrant shelters."
    )
    assert [(e.type, e.policy_kind, e.status) for e in events] == [("policy", "funding", "planned")]


def test_pushing_a_strategy_is_a_measure_under_way_and_pushing_people_back_a_pushback() -> None:
    events = events_of(
        'The mayor is pushing a "decompression strategy" to resettle migrants outside the city.'
    )
    assert [(e.type, e.status) for e in events] == [("policy", "ongoing")]
    events = events_of("Greek police pushed 40 migrants back across the river on Sunday.")
    assert type_counts(events) == [("removal", 40)]


def test_a_blocked_removal_is_no_removal_and_a_father_of_two_is_one_person() -> None:
    events = events_of("A judge on Tuesday blocked the deportation of Ramirez, a father of two.")
    assert [(e.type, e.policy_kind) for e in events] == [("policy", "ruling")]
    events = events_of("Agents deported a mother of three to Honduras on Monday.")
    assert type_counts(events) == [("removal", 1)]


def test_they_and_the_girls_count_the_group_named_just_before() -> None:
    events = events_of(
        "Agents arrested three migrants near the wall on Sunday. They were expelled to "
        "Mexico hours later."
    )
    assert [(e.type, e.people.low if e.people else None) for e in events] == [
        ("apprehension", 3),
        ("removal", 3),
    ]
    events = events_of(
        "Border agents arrested two girls from Honduras near the river on Monday. A week "
        "later the girls were transferred to a shelter run by the refugee agency.\n\n"
        "Officials said more buses were expected. Many others were deported in May."
    )
    counts = sorted((e.type, e.people.low if e.people else None) for e in events)
    # the girls are the two sisters; the others deported in May are not
    assert ("detention", 2) in counts and ("removal", None) in counts


def test_a_lone_participle_describes_people_even_in_a_dated_sentence() -> None:
    assert (
        events_of(
            "ICE is seeking contractors to monitor immigrants released into the country, "
            "officials said on Thursday."
        )
        == []
    )
    events = events_of(
        "Buses sent by the governor fueled an influx of migrants arriving in Chicago last spring."
    )
    assert [e.type for e in events] == ["arrival"]


def test_a_past_tense_after_its_subject_is_an_act_not_a_participle() -> None:
    events = events_of("Migrants arrived at the port on Tuesday, officials said.")
    assert [e.type for e in events] == ["arrival"]
    assert events_of("The mayor met relatives of migrants deported at the border.") == []


def test_what_a_measure_has_allowed_describes_it() -> None:
    assert (
        events_of(
            "This new policy has also allowed many Venezuelan migrants to visit their families."
        )
        == []
    )
    events = events_of(
        "The government has allowed migrants to stay under a new policy announced Monday."
    )
    assert [(e.type, e.status) for e in events] == [("policy", "occurred")]


def test_a_prisoner_s_parole_is_criminal_justice_not_immigration_parole() -> None:
    assert (
        events_of(
            "Prison staff would wait for a reply from ICE before signing off on a prisoner's "
            "parole, an email shows."
        )
        == []
    )
    events = events_of("The administration expanded the parole program for Venezuelans in January.")
    assert [(e.type, e.policy_kind) for e in events] == [("policy", "other")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Greek authorities pushed back a group of 40 Syrians to Turkey.", [("removal", 40)]),
        ("Croatian police pushed back hundreds of migrants into Bosnia.", [("removal", 200)]),
        ("Bangladesh relocated 1,500 Rohingya refugees to an island.", [("arrival", 1500)]),
        ("Residents pushed back against the new shelter for migrants.", []),
        (
            "Some 2,000 Venezuelans cross into Colombia every day, officials said.",
            [("arrival", 2000)],
        ),
        ("Kenya gave refugees in the camps 30 days to leave.", [("policy", None)]),
        ("Migrants who cross into Texas face arrest.", []),
        ("Germany will reintroduce border checks at its land borders.", [("policy", None)]),
        ("The government launched a scheme to pay migrants to leave.", [("policy", None)]),
        (
            "Moroccan authorities foiled 87,000 attempts to cross into Europe last year.",
            [("apprehension", 87000)],
        ),
        (
            "Officials said 165,000 Afghans had left the country since the Nov. 1 deadline.",
            [("return", 165000)],
        ),
        ("More than 140,000 have left since the deadline, officials said.", [("return", 140000)]),
        ("He made three attempts to reach Spain by boat.", []),
        (
            "Police raided the camp on Monday in order to deport the migrants.",
            [("operation", None)],
        ),
        ("Police dismantled a migrant camp in Calais on Tuesday.", [("operation", None)]),
        ("Officers cleared the encampment of migrants near the station.", [("operation", None)]),
        ("Volunteers cleared the snow outside the shelter for migrants.", []),
        (
            "The number of migrants in Border Patrol custody doubled in August.",
            [("detention", None)],
        ),
        ("Police clamped down on migrants camping near the port.", [("operation", None)]),
    ],
)
def test_more_ways_of_saying_pushbacks_crossings_departures_and_measures(
    sentence: str, expected: list[tuple[str, int | None]]
) -> None:
    assert type_counts(events_of(sentence)) == expected, sentence


def test_a_weekday_that_starts_a_planned_measure_is_the_coming_one() -> None:
    # PUBLISHED is Thursday 2024-09-12
    events = events_of("Germany will reintroduce border checks at its land borders from Monday.")
    assert [str(e.date.start) for e in events if e.date] == ["2024-09-16"]
    events = events_of("On Wednesday, the EU proposed new rules to speed up deportations.")
    assert [str(e.date.start) for e in events if e.date] == ["2024-09-11"]


def test_since_a_yearless_day_after_publication_means_last_year_s() -> None:
    # PUBLISHED is 2024-09-12: "since the Nov. 1 deadline" is since 2023-11-01
    events = events_of(
        "Officials said 165,000 Afghans had left the country since the Nov. 1 deadline."
    )
    assert [str(e.date.start) for e in events if e.date] == ["2023-11-01"]


def test_a_fulfilled_promise_is_done() -> None:
    events = events_of("The president fulfilled his promise to end DACA, the program for Dreamers.")
    assert [(e.type, e.status) for e in events] == [("policy", "occurred")]


def test_rulings_on_different_measures_are_different_facts() -> None:
    events = events_of(
        "In June, the Supreme Court ruled that the administration improperly ended DACA.\n\n"
        "In June, the Supreme Court also let stand the state's sanctuary policy, which the "
        "administration had challenged in a lawsuit over immigration enforcement."
    )
    assert len([e for e in events if e.policy_kind == "ruling"]) == 2


def test_arriving_as_a_child_is_a_life_story_not_an_event() -> None:
    assert events_of("Ruiz arrived in the United States as a child with her parents.") == []
    assert [e.type for e in events_of("Migrants arrived in Lampedusa as a storm approached.")] == [
        "arrival"
    ]


def test_a_habit_in_another_clause_does_not_reach_the_act() -> None:
    events = events_of("Officials often say so, but on Monday police deported 40 migrants.")
    assert type_counts(events) == [("removal", 40)]


def test_a_denied_sentence_still_names_what_the_next_counts() -> None:
    events = events_of(
        "Vermont is one of the few states that has not surpassed its number of 2022 "
        "encounters. The state recorded 4,735 in 2022 and 2,197 this year."
    )
    assert type_counts(events) == [("apprehension", 4735), ("apprehension", 2197)]


def test_one_person_described_by_a_who_clause_is_one() -> None:
    events = events_of(
        "A Chilean national who has been wanted in his country for decades is now in custody "
        "in Florida, ICE said."
    )
    assert type_counts(events) == [("detention", 1)]


def test_a_generic_policy_names_the_report_s_measure_of_a_known_kind() -> None:
    text = (
        "The government will change its deportation policy, the candidate promised on TV\n\n"
        "He said there would be a moratorium on deportations in the first hundred days of "
        "his presidency, and that migrants would be safe.\n"
    )
    policies = [e for e in page_events(text) if e.type == "policy"]
    assert [(e.policy_kind, e.status) for e in policies] == [("suspension", "planned")]


def test_a_country_that_only_presses_or_asks_is_neither_origin_nor_place() -> None:
    events = events_of(
        "Under pressure from the US, Mexico deployed troops to break up caravans of migrants "
        "last year."
    )
    assert [(e.type, e.origin, e.location) for e in events] == [("policy", [], "MEX")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Japan's parliament passed a law allowing the deportation of asylum seekers.",
            [("policy", "law", "JPN", None)],
        ),
        (
            "Chad has received more than 600,000 Sudanese refugees since April 2023.",
            [("arrival", None, "TCD", 600000)],
        ),
        (
            "Colombia is hosting 2.8 million Venezuelan migrants.",
            [("arrival", None, "COL", 2800000)],
        ),
        (
            "Sweden will pay migrants up to 350,000 crowns to leave the country.",
            [("policy", "funding", "SWE", None)],
        ),
        (
            "Some 600 Afghan refugees were forcibly returned from Iran on Saturday.",
            [("removal", None, "IRN", 600)],
        ),
        ("Officials will continue to enforce our immigration laws, the minister said.", []),
        ("Colombia is praised for its stance on welcoming migrants.", []),
    ],
)
def test_laws_hosts_paid_departures_and_the_country_people_return_from(
    sentence: str, expected: list[tuple[str, str | None, str | None, int | None]]
) -> None:
    found = [
        (e.type, e.policy_kind, e.location, e.people.low if e.people else None)
        for e in events_of(sentence)
    ]
    assert found == expected, sentence


def test_a_measure_named_before_is_acted_on_again_without_migration_words() -> None:
    events = events_of(
        "In March, the health agency issued an order letting border agents expel migrants "
        "within hours. Officials at the agency defended it in court. In May, the order was "
        "extended indefinitely."
    )
    # two dated acts on one measure are two facts; "letting agents expel" expels no one yet
    assert [(e.type, str(e.date.start) if e.date else None) for e in events] == [
        ("policy", "2024-03-01"),
        ("policy", "2024-05-01"),
    ]
    # an order never named about migration is some other order
    assert events_of("The city council debated the budget. In May, the order was extended.") == []


def test_a_candidate_s_concrete_pledge_if_elected_is_a_planned_measure() -> None:
    events = events_of(
        "The Biden campaign said on Sunday the former vice president would order a review of "
        "the asylum policy if elected."
    )
    assert [(e.type, e.status) for e in events] == [("policy", "planned")]


def test_a_measure_s_name_is_no_tense_cue() -> None:
    # "Remain in Mexico" names a programme; it does not say that anything remains
    events = events_of("A federal court reinstated Remain in Mexico in 2021.")
    assert [(e.type, e.policy_kind, e.status) for e in events] == [("policy", "ruling", "occurred")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The prime minister called for the deportation of the migrants who rioted on Saturday.",
            [("removal", "planned")],
        ),
        (
            "The interior minister on Monday urged police to expel the rioters.",
            [("removal", "planned")],
        ),
        ("Opposition leaders called for the deportation of the rioters.", []),
        ("The former president called for the deportation of the rioters.", []),
    ],
)
def test_a_government_demanding_an_act_announces_it_others_only_demand(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert [(e.type, e.status) for e in events_of(sentence)] == expected, sentence


def test_a_yearless_month_after_publication_dates_a_past_act_a_year_earlier() -> None:
    # PUBLISHED is 2024-09-12: "deported in November" was last November
    def dates(sentence: str) -> list[str]:
        return [str(e.date.start) for e in events_of(sentence) if e.date]

    assert dates("Police deported 40 migrants in November.") == ["2023-11-01"]
    assert dates("The ministry will deport 40 migrants in November.") == ["2024-11-01"]
    # the date of the thing announced, not of the announcement
    assert dates("The ministry announced a November 1 deadline for migrants to leave.") == [
        "2024-11-01"
    ]


def test_a_measure_named_by_its_kind_is_not_the_count_of_a_vaguer_one() -> None:
    events = events_of(
        "In June, the department adopted a rule that capped asylum processing at 650 people a "
        "day. Months earlier, the attorney general announced a zero tolerance policy for "
        "border crossers."
    )
    assert [(e.type, e.people.low if e.people else None) for e in events] == [
        ("policy", 650),
        ("policy", None),
    ]


def test_an_act_before_a_counted_aside_is_stated_too() -> None:
    events = events_of(
        "The four governments agreed to begin deporting Venezuelans to their home country, a "
        "reversal after hundreds of thousands fled to neighbouring countries."
    )
    assert sorted((e.type, e.status, e.people.low if e.people else None) for e in events) == [
        ("arrival", "occurred", 200000),
        ("policy", "occurred", None),
        ("removal", "planned", None),
    ]
    # a time clause before the counted act is no act of its own
    events = events_of("After crossing the river, 40 migrants were detained by police.")
    assert type_counts(events) == [("apprehension", 40)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A federal judge will rule on the asylum program on Monday.", [("policy", "planned")]),
        (
            "The judge's ruling on the asylum program is expected to be appealed to the Supreme "
            "Court.",
            [],
        ),
        (
            "The case on the asylum program is expected to reach the Supreme Court, which could "
            "choose to end the program.",
            [],
        ),
    ],
)
def test_a_court_decision_to_come_counts_only_when_its_time_is_named(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert [(e.type, e.status) for e in events_of(sentence)] == expected, sentence


def test_the_day_a_statement_was_made_does_not_date_a_topic_noun() -> None:
    assert (
        events_of(
            "Afghans in Pakistan have been subjected to waves of arbitrary detentions and "
            "arrests, Amnesty International said in a statement Monday."
        )
        == []
    )
    events = events_of("Police made 40 arrests near the border, officials said Monday.")
    assert counts(events, "apprehension") == [(40, [], "2024-09-09")]
    events = events_of("Arrests of migrants at the border soared on Monday, officials said.")
    assert [e.type for e in events] == ["apprehension"]


def test_a_named_operation_is_one_operation_across_its_phases() -> None:
    events = events_of(
        "Between March 3 and March 9, in what is known as Operation Harbor, ICE agents "
        "arrested 100 migrants. The raids were part of the second phase of Operation Harbor, "
        "which started in January, when 80 were arrested."
    )
    assert type_counts(events) == [("apprehension", 100), ("operation", None), ("apprehension", 80)]
    # two names, two operations
    events = events_of(
        "ICE agents arrested 100 migrants in Operation Harbor in March. In June, agents "
        "arrested 80 more in Operation Summit."
    )
    assert len([e for e in events if e.type == "operation"]) == 2


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Authorities planned to register those entering the country and offer a voluntary "
            "assisted return to those willing to go home.",
            [("return", "planned")],
        ),
        (
            "Officials planned a meeting on migration for Monday, but police deported 40 "
            "migrants on Sunday.",
            [("removal", "occurred")],
        ),
    ],
)
def test_a_plan_governs_the_verbs_joined_to_it_up_to_a_clause_break(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert [(e.type, e.status) for e in events_of(sentence)] == expected, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Their presence has long been controversial, with police crackdowns and threats of "
        "deportation in previous years.",
        "For years, migrants have crossed the river at night.",
    ],
)
def test_the_past_as_a_habit_without_count_or_time_is_no_event(sentence: str) -> None:
    assert events_of(sentence) == [], sentence


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("About 200 migrants landed on a Greek island on Monday.", [("arrival", "GRC")]),
        ("About 200 migrants reached the Italian coast on Monday.", [("arrival", "ITA")]),
        ("About 200 migrants reached Greece on Monday.", [("arrival", "GRC")]),
        ("Aid workers reached the Afghan families on Monday.", []),
    ],
)
def test_a_country_s_adjective_before_a_place_noun_names_where(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert [(e.type, e.location) for e in events_of(sentence)] == expected, sentence


def test_an_institution_named_by_the_people_it_serves_is_no_origin() -> None:
    events = events_of("On Monday the 12 girls were transferred to the U.S. refugee agency.")
    assert [(e.type, e.origin) for e in events] == [("detention", [])]
    events = events_of("Police detained 40 Honduran migrants on Monday.")
    assert [e.origin for e in events] == [["HND"]]


def test_a_relative_clause_that_dates_its_own_act_states_a_fact() -> None:
    events = events_of(
        "Zongo, who arrived in Britain from Burkina Faso in January 2019, was refused entry "
        "and placed in an immigration detention centre."
    )
    assert sorted((e.type, e.people.low if e.people else None) for e in events) == [
        ("arrival", 1),
        ("detention", 1),
    ]
    arrival = next(e for e in events if e.type == "arrival")
    assert (arrival.origin, arrival.location, str(arrival.date.start)) == (
        ["BFA"],
        "GBR",
        "2019-01-01",
    )
    # undated, the relative clause only says who the people are
    events = events_of(
        "Migrants who arrived in the city were placed in a detention centre on Monday."
    )
    assert [e.type for e in events] == ["detention"]
