"""Meetings and attendance from fixture articles we wrote, with exact expected facts."""
import pytest

from tests.test_extract_helpers import evidence_ok, facts, fixture


def _att_rows(f):
    return [(a.meeting, a.person, a.country, a.role, a.status) for a in f.attendances]


@pytest.mark.parametrize("name", ["paris_summit", "udcg_virtual"])
def test_fixture_meetings_and_attendance(name):
    f, exp = fixture(name)
    evidence_ok(f)
    assert len(f.meetings) == len(exp["meetings"])
    for m, e in zip(f.meetings, exp["meetings"]):
        for k, v in e.items():
            got = getattr(m, k)
            assert (str(got) if k == "start" and got else got) == v, (m.key, k, got, v)
    assert sorted(_att_rows(f), key=str) == sorted((tuple(r) for r in exp["attendance"]), key=str)


@pytest.mark.parametrize("sentence,person,role", [
    ("Keir Starmer hosted the video call of the coalition on Saturday.", "keir-starmer", "host"),
    ("Boris Pistorius chaired the contact group meeting in Brussels on Friday.", "boris-pistorius", "chair"),
    ("John Healey co-chaired the contact group meeting in Brussels on Friday.", "john-healey", "chair"),
    ("The summit in Rome on Friday was organized by Giorgia Meloni.", "giorgia-meloni", "host"),
    ("Mark Rutte attended the summit in Paris on Friday.", "mark-rutte", "participant"),
    ("Volodymyr Zelenskyy joined the summit in Paris in person on Friday.", "volodymyr-zelenskyy", "participant"),
    ("Volodymyr Zelenskyy joined the summit in Paris by video on Friday.", "volodymyr-zelenskyy", "participant"),
    ("Donald Tusk took part in the summit in Paris on Friday.", "donald-tusk", "participant"),
    ("Mette Frederiksen spoke at the summit in Paris on Friday.", "mette-frederiksen", "participant"),
    ("Keir Starmer met with Volodymyr Zelenskyy in London on Friday.", "volodymyr-zelenskyy", "participant"),
])
def test_each_attendance_verb(sentence, person, role):
    f = facts(sentence, "2025-03-28")
    assert len(f.meetings) == 1
    rows = {(a.person, a.role) for a in f.attendances}
    assert (person, role) in rows


def test_a_list_of_roles_resolves_to_the_office_holders_of_the_day():
    f = facts("Leaders met in Paris on Thursday for a summit. Among those attending were the British, Polish and "
              "Italian prime ministers.", "2025-03-28")
    assert {a.person for a in f.attendances} >= {"keir-starmer", "donald-tusk", "giorgia-meloni"}


def test_a_person_merely_mentioned_is_not_an_attendee():
    f = facts("The summit in Paris on Thursday discussed sanctions. Vladimir Putin has rejected every ceasefire plan.",
              "2025-03-28")
    assert len(f.meetings) == 1
    assert all(a.person != "vladimir-putin" for a in f.attendances)


def test_future_participation_is_expected():
    f = facts("Pete Hegseth will join the contact group meeting in Brussels on April 11 by video.", "2025-04-09")
    assert [(a.person, a.status) for a in f.attendances] == [("pete-hegseth", "expected")]
    assert str(f.meetings[0].start) == "2025-04-11"
    assert f.meetings[0].mode == "virtual"


def test_conferences_and_planned_talks():
    f = facts("Zelensky spoke at the Munich Security Conference on Saturday. Peace talks between Russian and "
              "Ukrainian delegations are expected in Istanbul next week.", "2025-02-16")
    assert [(str(m.start), m.date_precision, m.city, m.kind) for m in f.meetings] == [
        ("2025-02-15", "day", "Munich", "conference"), ("2025-02-17", "week", "Istanbul", "other")]
    assert f.meetings[1].mode is None  # planned: how it will be held is not said
    assert [(a.meeting, a.person) for a in f.attendances] == [("M1", "volodymyr-zelenskyy")]


def test_days_after_between_two_meetings_dates_the_earlier_one():
    f = facts("Defence ministers from 40 countries met at Ramstein Air Base on Tuesday. The gathering came two "
              "days after Lloyd Austin travelled to Kyiv and met Volodymyr Zelenskyy.", "2022-04-26")
    dates = sorted(str(m.start) for m in f.meetings)
    assert dates == ["2022-04-24", "2022-04-26"]


def test_a_place_in_a_clause_about_another_meeting_is_not_the_calls():
    f = facts("Olaf Scholz said on Monday after chairing a video call with leaders that the group was larger than "
              "the one that met in Berlin last month.", "2024-06-10")
    calls = [m for m in f.meetings if m.kind == "video-call"]
    assert calls and calls[0].city is None
    assert [m.city for m in f.meetings if m.kind != "video-call"] == ["Berlin"]


def test_the_place_a_where_clause_hangs_from_is_the_meetings():
    f = facts("Two days earlier Antony Blinken travelled to Warsaw, where he met Polish President Andrzej Duda.",
              "2023-02-23")
    assert [m.city for m in f.meetings] == ["Warsaw"]


def test_a_date_in_a_clause_on_the_meeting_dates_it():
    f = facts("Mediators said the talks in Jeddah, brokered by the United States and Saudi Arabia in May last year, "
              "had stalled.", "2024-04-16")
    assert [(m.city, str(m.start)) for m in f.meetings] == [("Jeddah", "2023-05-01")]


def test_a_year_after_an_earlier_gathering_dates_it_by_month():
    f = facts("The leaders met in Riyadh on Monday for a summit that came a year after a meeting in Jeddah.",
              "2024-11-11")
    assert sorted((m.city, str(m.start)) for m in f.meetings) == [("Jeddah", "2023-11-01"), ("Riyadh", "2024-11-11")]


def test_a_relative_clause_of_place_gives_the_meeting_its_city():
    f = facts("Lula spent Sunday in Belem, where the leaders of the Amazon states had asked him to open their "
              "summit in person rather than by video.", "2023-08-06")
    assert [m.city for m in f.meetings] == ["Belem"]
    assert [m.mode for m in f.meetings] == ["in-person"]


def test_sides_of_a_meeting_on_the_sidelines_attended_the_summit():
    f = facts("G20 leaders gathered in Rio de Janeiro for a two-day summit on Monday. On the sidelines of the "
              "summit, Chinese President Xi Jinping met U.S. President Joe Biden.", "2024-11-18")
    summit = next(m.key for m in f.meetings if m.kind == "summit")
    assert {a.person for a in f.attendances if a.meeting == summit} >= {"xi-jinping", "joe-biden"}


def test_a_similar_gathering_years_before_is_another_meeting_dated_back():
    f = facts("Leaders of the African Union opened an extraordinary summit in Malabo on Saturday.\n\n"
              "It comes two years after a similar gathering in Malabo on terrorism.", "2024-05-26")
    dates = sorted(str(m.start) for m in f.meetings)
    assert dates == ["2022-05-01", "2024-05-25"]


def test_a_first_such_gathering_told_apart_does_not_take_the_attendees():
    f = facts("The emergency summit of the Gulf Cooperation Council opened in Doha on Tuesday.\n\n"
              "The summit came three years after a first such gathering in Doha.\n\n"
              "Among those attending was Kuwaiti Emir Sheikh Mishal al-Ahmad al-Jaber al-Sabah.", "2025-09-16")
    by_key = {m.key: m for m in f.meetings}
    assert sorted(str(m.start) for m in f.meetings) == ["2022-09-01", "2025-09-16"]
    assert f.attendances and all(str(by_key[a.meeting].start) == "2025-09-16" for a in f.attendances)


def test_a_meeting_held_for_a_summit_is_another_meeting():
    f = facts("Arab and Muslim leaders will meet at a summit on Monday.\n\nSaudi Foreign Minister Prince Faisal bin "
              "Farhan chaired the preparatory ministerial meeting for the extraordinary summit in Riyadh on Sunday.",
              "2024-11-10")
    kinds = sorted((m.kind, str(m.start), m.city) for m in f.meetings)
    assert kinds == [("ministerial", "2024-11-10", "Riyadh"), ("summit", "2024-11-11", "Riyadh")]
    assert not any("summit" in m.name.lower() for m in f.meetings if m.kind == "ministerial")


def test_a_meeting_on_the_sidelines_is_named_after_the_summit_it_was_held_at():
    f = facts("Canadian Prime Minister Mark Carney and Indian Prime Minister Narendra Modi met on the sidelines of the "
              "G7 summit in Kananaskis on Tuesday.", "2025-06-18")
    bil = [m for m in f.meetings if m.kind == "bilateral"]
    assert bil and bil[0].name == "Carney–Modi meeting on the sidelines of the G7 summit"


def test_each_person_met_on_the_sidelines_is_a_side_meeting_of_their_own():
    f = facts("Leaders of the Group of Twenty met in New Delhi on Saturday. On Sunday, Prime Minister Anthony "
              "Albanese met Canada's Justin Trudeau and Italy's Giorgia Meloni on the sidelines.", "2023-09-11")
    pairs = sorted(tuple(sorted(a.person for a in f.attendances if a.meeting == m.key))
                   for m in f.meetings if m.kind == "bilateral")
    assert pairs == [("anthony-albanese", "giorgia-meloni"), ("anthony-albanese", "justin-trudeau")]


def test_met_two_people_elsewhere_is_one_meeting_of_three():
    f = facts("On Sunday, Prime Minister Anthony Albanese met Canada's Justin Trudeau and Italy's Giorgia Meloni "
              "in Rome.", "2023-09-11")
    assert len([m for m in f.meetings if m.kind in ("bilateral", "other")]) <= 1


def test_the_object_of_the_first_verb_is_no_side_of_the_talks_held_later():
    f = facts("The two ministers met Foreign Minister Dmytro Kuleba in Kyiv on Monday and later held talks with "
              "Prime Minister Denys Shmyhal.", "2023-09-12")
    assert not any("Kuleba–Shmyhal" in m.name or "Shmyhal–Kuleba" in m.name for m in f.meetings)
    assert {a.person for a in f.attendances} >= {"dmytro-kuleba", "denys-shmyhal"}


def test_their_meeting_is_a_meeting_of_the_subjects_of_its_clause():
    f = facts("Leaders of the Shanghai Cooperation Organisation met in Tianjin on Monday. Vladimir Putin and Narendra "
              "Modi drove together to their bilateral meeting.", "2025-09-01")
    bil = [m for m in f.meetings if m.kind == "bilateral"]
    assert len(bil) == 1
    assert {a.person for a in f.attendances if a.meeting == bil[0].key} == {"vladimir-putin", "narendra-modi"}


def test_a_group_of_leaders_acting_in_a_place_met_there():
    f = facts("NATO foreign ministers agreed in Bucharest on Tuesday to step up support for Ukraine.", "2022-11-30")
    assert [(m.kind, m.city, str(m.start)) for m in f.meetings] == [("ministerial", "Bucharest", "2022-11-29")]


def test_one_leader_acting_in_a_place_is_no_meeting():
    f = facts("Polish President Andrzej Duda agreed in Warsaw on Tuesday to sign the budget.", "2024-01-31")
    assert f.meetings == []


def test_accession_talks_are_a_process_not_a_meeting():
    f = facts("The European Commission recommended opening accession talks with Moldova.", "2023-11-08")
    assert f.meetings == []


def test_a_summit_told_after_the_leaders_of_a_format_is_that_formats():
    f = facts("Leaders of the Group of Seven agreed on a loan for Ukraine. The deal was confirmed on the first day of "
              "the summit on Thursday.\n\nIt was the first time a pope took part in a G7 summit.", "2024-06-14")
    assert [(m.format, str(m.start)) for m in f.meetings] == [("g7", "2024-06-13")]


def test_a_session_told_after_a_two_sided_meeting_is_the_summits():
    f = facts("G7 leaders opened their summit in Apulia on Thursday. On the sidelines, Joe Biden and Volodymyr "
              "Zelenskyy signed a security agreement.\n\nPope Francis will join a session on artificial "
              "intelligence.", "2024-06-13")
    by_key = {m.key: m for m in f.meetings}
    pope = [a for a in f.attendances if a.person == "pope-francis"]
    assert pope and by_key[pope[0].meeting].kind == "summit"


def test_signing_an_accord_with_someone_is_a_meeting_of_two():
    f = facts("Japanese Prime Minister Fumio Kishida signed a security accord with Ukrainian President Volodymyr "
              "Zelenskyy in Apulia on Thursday.", "2024-06-14")
    assert [m.kind for m in f.meetings] == ["bilateral"]


def test_the_meeting_on_whose_eve_another_is_held_is_not_the_one_told():
    f = facts("Britain chaired the Ukraine Defense Contact Group in Brussels on Wednesday, on the eve of a meeting of "
              "NATO defence ministers.\n\nDefence Secretary John Healey opened the meeting.", "2025-02-12")
    by_key = {m.key: m for m in f.meetings}
    healey = [a for a in f.attendances if a.person == "john-healey"]
    assert healey and all(by_key[a.meeting].kind == "contact-group" for a in healey)


def test_countries_meeting_at_a_place_is_a_meeting():
    f = facts("Around 40 countries met in Paris on Thursday to discuss aid for Sudan.", "2025-04-18")
    assert [(m.city, str(m.start)) for m in f.meetings] == [("Paris", "2025-04-17")]


def test_talks_that_were_not_held_are_no_meeting():
    f = facts("The two foreign ministers sat at the same table in Geneva on Monday but did not hold talks.",
              "2025-02-04")
    assert all(m.head != "talks" for m in f.meetings)


def test_a_dated_opening_session_is_the_first_sitting_of_the_summit_told():
    f = facts("The climate summit in Rio de Janeiro closed on Friday. Lula da Silva told the opening session on "
              "Wednesday that rich countries must pay more.", "2025-11-08")
    summits = [m for m in f.meetings if m.kind != "bilateral"]
    assert len(summits) == 1
    assert summits[0].city == "Rio de Janeiro"
    assert str(summits[0].start) == "2025-11-05"


def test_a_date_and_place_hung_from_the_meetings_own_predicate():
    # "will be held in X, Y, in <month>": place and date both phrases of the verb the summit is subject of;
    # the forum's name modifying "summit" is no second meeting
    f = facts("The next Pacific Islands Forum summit will be held in Honiara, Solomon Islands, in September 2025.",
              "2024-08-30")
    assert [(m.city, str(m.start), m.date_precision) for m in f.meetings] == [("Honiara", "2025-09-01", "month")]


def test_the_day_a_meeting_opened_is_its_start_not_a_later_day_it_was_told_on():
    f = facts("On Saturday delegates at the biodiversity conference in Cali adopted a fund for nature. The "
              "conference, which opened on October 21 and was due to end on Friday, was chaired by Colombia's "
              "environment minister, Susana Muhamad.", "2024-11-03")
    conferences = [m for m in f.meetings if m.kind == "conference"]
    assert [(m.city, str(m.start)) for m in conferences] == [("Cali", "2024-10-21")]



def test_a_side_meeting_takes_the_day_its_sentence_names_within_the_summit():
    f = facts("The EU-Canada summit in Brussels runs from Monday until Wednesday. On the sidelines this evening, "
              "Canadian Prime Minister Mark Carney and Belgian Prime Minister Bart De Wever signed a defence accord.",
              "2025-06-23")
    two = [m for m in f.meetings if m.kind == "bilateral"]
    assert [(str(m.start), m.city) for m in two] == [("2025-06-23", "Brussels")]


def test_a_meeting_told_by_its_past_verb_is_past_whatever_the_clause_after_it_plans():
    f = facts("Japanese Prime Minister Fumio Kishida also signed a security accord with Volodymyr Zelenskyy and said "
              "Japan would provide more support.", "2024-06-13")
    assert {(a.person, a.status) for a in f.attendances} >= {("fumio-kishida", "attended")}


def test_a_two_sided_meeting_told_with_also_is_one_more_of_the_kind_just_told():
    f = facts("The NATO summit opened in Vilnius on Tuesday. On the sidelines that evening, Canadian Prime Minister "
              "Justin Trudeau met Ukrainian President Volodymyr Zelenskyy.\n\n"
              "Dutch Prime Minister Mark Rutte also met Zelenskyy.", "2023-07-11")
    bil = [m for m in f.meetings if m.kind == "bilateral"]
    assert len(bil) == 2 and {(str(m.start), m.city) for m in bil} == {("2023-07-11", "Vilnius")}
    summit = next(m.key for m in f.meetings if m.kind == "summit")
    assert "mark-rutte" in {a.person for a in f.attendances if a.meeting == summit}


def test_a_day_on_the_verb_of_saying_dates_the_saying_not_the_meeting_it_reports():
    f = facts("Brazil will host the BRICS summit in Rio de Janeiro on Sunday. Lula said on Thursday that the summit "
              "would focus on trade.", "2025-07-04")
    assert [(str(m.start), m.city) for m in f.meetings] == [("2025-07-06", "Rio de Janeiro")]


def test_the_city_that_hosts_the_meeting_is_its_place():
    f = facts("Johannesburg will on Saturday become the first African city to host a summit of the Group of 20.",
              "2025-11-20")
    assert [(str(m.start), m.city) for m in f.meetings] == [("2025-11-22", "Johannesburg")]


def test_a_place_told_as_the_city_of_x_deep_in_the_meeting_phrase_places_it_and_a_superlative_is_no_name():
    f = facts("Lula was hosting the biggest summit in the bloc's history in the coastal city of Rio de Janeiro on Monday.",
              "2025-07-07")
    assert [(m.city, m.name) for m in f.meetings] == [("Rio de Janeiro", "Summit in Rio de Janeiro")]


def test_a_lede_that_writes_its_day_twice_dates_the_meeting_told_next():
    f = facts("ASTANA, Kazakhstan, July 4 - Central Asian leaders urged closer trade ties on Thursday.\n\n"
              "Tokayev was hosting the summit at the Palace of Independence in Astana.\n\nOn Wednesday, Mirziyoyev "
              "had met Tokayev for talks.", "2024-07-04")
    summit = next(m for m in f.meetings if m.kind == "summit")
    assert str(summit.start) == "2024-07-04"


def test_a_gathering_for_talks_gives_them_its_day_and_its_subjects_capital_and_an_apposition_is_the_same_meeting():
    f = facts("Qatar brought Gulf and European diplomats together in its capital on Tuesday for two rounds of talks "
              "on Lebanon, the first large meeting on the country since the ceasefire was agreed in November.", "2025-02-05")
    assert [(str(m.start), m.city) for m in f.meetings] == [("2025-02-04", "Doha")]


def test_the_lede_meeting_held_that_day_without_a_place_is_where_the_dateline_files_from():
    f = facts("THE HAGUE, June 25 - NATO leaders agreed on Wednesday to raise their spending target, at a summit kept "
              "short to avoid a clash with Washington.", "2025-06-25")
    assert [(str(m.start), m.city) for m in f.meetings] == [("2025-06-25", "The Hague")]


def test_a_meeting_noun_naming_a_building_is_no_meeting_and_his_first_summit_is_the_one_told():
    f = facts("NATO leaders met at a summit in The Hague on Wednesday. The declaration was adopted in the World Forum "
              "conference centre.\n\nSecretary General Mark Rutte, chairing his first summit, called it a leap.",
              "2025-06-25")
    assert len(f.meetings) == 1
    assert ("mark-rutte", "chair") in {(a.person, a.role) for a in f.attendances}


def test_a_named_edition_modifying_a_meeting_noun_is_that_meeting_with_the_nouns_day():
    f = facts("On the opening day of the COP29 climate talks in Baku on Monday, delegates adopted new rules.",
              "2024-11-11")
    assert [(m.name, str(m.start), m.city) for m in f.meetings] == [("COP29 in Baku", "2024-11-11", "Baku")]


def test_a_recurring_dialogue_named_in_the_events_list_is_a_meeting_in_its_city():
    f = facts("Chancellor Olaf Scholz announced the figure at the Petersberg Climate Dialogue in May.", "2023-10-06")
    assert [(m.city, str(m.start)) for m in f.meetings] == [("Berlin", "2023-05-01")]


def test_the_previous_meeting_is_not_dated_by_a_day_told_before_it_nor_the_one_later_told():
    f = facts("On the first day of the COP29 climate talks in Baku on Monday, delegates approved carbon market rules "
              "first drafted at the previous conference in Dubai.\n\nMukhtar Babayev presides over the conference.",
              "2024-11-11")
    by_city = {m.city: m for m in f.meetings}
    assert by_city["Dubai"].start is None
    assert str(by_city["Baku"].start) == "2024-11-11"
    assert {a.meeting for a in f.attendances if a.person} == {by_city["Baku"].key}


def test_a_named_meeting_is_named_with_the_city_it_was_held_in():
    f = facts("Ukraine Recovery Conference opened in Rome on Thursday. The Munich Security Conference opened in "
              "Munich on Friday.", "2025-07-11")
    assert {m.name for m in f.meetings} == {"Ukraine Recovery Conference in Rome", "Munich Security Conference"}


def test_an_indefinite_call_on_the_margins_of_a_conference_is_another_meeting_of_that_day():
    f = facts("The Ukraine Recovery Conference opened in Berlin on Wednesday, hosted by Olaf Scholz.\n\n"
              "Later, a Coalition of the Willing video call on the margins. It was chaired by Keir Starmer.",
              "2024-06-12")
    call = next(m for m in f.meetings if m.kind == "video-call")
    conference = next(m for m in f.meetings if m.kind == "conference")
    assert call.key != conference.key and str(call.start) == "2024-06-12" and call.city is None
    assert call.format == "coalition-of-the-willing"
    assert ("keir-starmer", call.key) in {(a.person, a.meeting) for a in f.attendances}


def test_a_country_in_the_meetings_own_predicate_places_it():
    f = facts("NATO leaders met in Vilnius on Tuesday. The next summit is to be held in Sweden in 2027.", "2023-07-11")
    nxt = next(m for m in f.meetings if m.city != "Vilnius")
    assert nxt.country == "SWE" and nxt.name.endswith("in Sweden")


def test_ministers_meeting_in_a_city_and_the_conference_there_that_day_are_one_meeting():
    f = facts("Ministers from about 30 countries met in Paris on Monday to raise aid for Sudan. The conference in Paris was "
              "co-hosted by France and Germany.", "2024-04-16")
    assert len(f.meetings) == 1 and f.meetings[0].city == "Paris"


def test_one_of_a_series_meetings_is_no_meeting_told():
    f = facts("For the first time, the US defence secretary did not take part in one of its meetings. Pete Hegseth "
              "stayed away from Wednesday's session in Brussels.", "2025-06-05")
    assert [(str(m.start), m.city) for m in f.meetings] == [("2025-06-04", "Brussels")]


def test_a_format_the_gathering_agrees_to_form_is_its_format():
    f = facts("LONDON - European leaders gathered in London on Sunday and agreed to form what the host called a "
              "\"coalition of the willing\" to guarantee a ceasefire.", "2025-03-02")
    assert [(m.format, m.name) for m in f.meetings] == [("coalition-of-the-willing",
                                                         "Coalition of the Willing summit in London")]


def test_a_preview_filed_from_the_host_city_places_the_coming_summit_there_and_closes_is_a_coming_day():
    f = facts("RIO DE JANEIRO - Leaders start arriving this weekend for the G20 summit, which Lula will open on "
              "Monday. The two-day meeting closes on Tuesday.", "2024-11-15")
    assert [(str(m.start), m.city) for m in f.meetings] == [("2024-11-18", "Rio de Janeiro")]


def test_the_first_meeting_told_in_a_lede_naming_one_format_is_that_formats():
    f = facts("BRUSSELS - For the first time since the Ukraine Defense Contact Group was set up, the US defence "
              "secretary stayed away from Wednesday's session at NATO headquarters in Brussels.", "2025-06-05")
    assert [(m.format, str(m.start)) for m in f.meetings] == [("ukraine-defense-contact-group", "2025-06-04")]


def test_a_year_far_off_in_another_clause_does_not_date_the_meeting_back():
    f = facts("On Monday Donald Tusk was received in Paris by President Emmanuel Macron.\n\nAfter the meeting in Paris "
              "Tusk said that he wanted to revive the Weimar Triangle, the format of cooperation of Poland, France and "
              "Germany which was created in 1991.", "2024-02-13")
    assert [(m.city, str(m.start)) for m in f.meetings] == [("Paris", "2024-02-12")]


def test_the_format_owning_its_summit_names_it_and_a_sitting_does_not():
    f = facts("NEW DELHI - The Group of 20 wrapped up its summit in the Indian capital on Sunday.\n\nAt the closing "
              "session Modi handed the gavel to Lula.", "2023-09-10")
    assert [(m.format, m.name) for m in f.meetings] == [("g20", "G20 summit in New Delhi")]


def test_a_meeting_leaders_agree_to_hold_is_a_planned_one_not_the_call_held():
    f = facts("G7 leaders held a video call on Saturday, chaired by Giorgia Meloni from Kyiv.\n\n"
              "Leaders agreed to meet again in person at the G7 summit in June.", "2024-02-24")
    kinds = {(m.kind, str(m.start)) for m in f.meetings}
    assert ("video-call", "2024-02-24") in kinds
    assert any(m.kind == "summit" and str(m.start) != "2024-02-24" for m in f.meetings), kinds


def test_a_participant_expected_to_attend_does_not_make_the_summit_another_one():
    f = facts("The G7 summit opened in Apulia on Thursday. India's Narendra Modi is expected to attend the summit "
              "on Friday.", "2024-06-13")
    assert len([m for m in f.meetings if m.kind == "summit"]) == 1


def test_a_two_sided_meeting_during_the_visit_is_held_on_the_visits_day_and_place():
    f = facts("Canadian Prime Minister Justin Trudeau travelled to Kyiv on Saturday to mark the anniversary of the "
              "invasion, joined by Italian Prime Minister Giorgia Meloni.\n\nMeloni also signed a security agreement "
              "with President Volodymyr Zelenskyy during the visit.", "2024-02-25")
    signing = [m for m in f.meetings if m.kind == "bilateral" and "visit" not in m.name.lower()]
    assert signing and (str(signing[-1].start), signing[-1].city) == ("2024-02-24", "Kyiv"), \
        [(m.name, m.start, m.city) for m in f.meetings]


def test_the_last_day_of_a_summit_is_its_end_and_the_second_day_tells_its_start():
    last = facts("Zelenskyy arrived in Hiroshima on Sunday, where the G7 leaders had asked him to join the last day "
                 "of their summit.", "2023-05-21")
    g7 = [m for m in last.meetings if m.kind == "summit"]
    assert g7 and (g7[0].start, str(g7[0].end)) == (None, "2023-05-21"), [(m.name, m.start, m.end) for m in last.meetings]
    second = facts("Allies agreed the plan on Friday, the second day of the NATO summit in Vilnius.", "2023-07-15")
    assert [str(m.start) for m in second.meetings if m.kind == "summit"] == ["2023-07-13"]


def test_the_next_summit_a_country_will_host_is_not_the_one_just_held():
    f = facts("The Quad leaders met in Wilmington on Saturday. India will host the next Quad summit.", "2024-09-22")
    held = [m for m in f.meetings if str(m.start) == "2024-09-21"]
    assert held and held[0].country != "IND" and held[0].city == "Wilmington"
    assert any(m.country == "IND" and m.start is None for m in f.meetings), [(m.name, m.country) for m in f.meetings]


def test_the_next_one_is_one_more_meeting_of_the_kind_told():
    f = facts("The Ukraine Defense Contact Group met at Ramstein on Friday. Officials said the next one is planned "
              "for October.", "2024-09-07")
    dates = sorted((str(m.start), m.date_precision) for m in f.meetings)
    assert dates == [("2024-09-06", "day"), ("2024-10-01", "month")], dates


def test_a_meeting_of_another_year_told_next_to_a_dated_one_is_not_dated_by_it():
    for told in ("At last year's summit in Washington, allies promised more.", "The talks in Istanbul in 2022 collapsed."):
        f = facts("NATO leaders met in The Hague on Tuesday. " + told, "2025-06-25")
        assert [str(m.start) for m in f.meetings] == ["2025-06-24", "None"], told


def test_leaders_gathering_for_a_named_meeting_are_that_meeting_not_one_more():
    f = facts("World leaders gathered in Baku on Tuesday for COP29.", "2024-11-13")
    assert [(m.name, m.kind) for m in f.meetings] == [("COP29 in Baku", "conference")]
    g = facts("Ministers gathered in Brussels on Tuesday for talks on Syria.", "2024-11-13")
    assert [m.kind for m in g.meetings] == ["ministerial"]


def test_ministers_meeting_for_the_last_time_before_a_summit_are_a_meeting_of_their_own():
    f = facts("NATO foreign ministers met in Brussels on Tuesday for the last time before the Vilnius Summit.",
              "2023-04-06")
    assert "ministerial" in {m.kind for m in f.meetings}


def test_what_a_conference_is_about_names_it():
    # the topic of "conference on X and Y of Z" is its name, so that an undated, unplaced conference is told
    f = facts("Egypt will host a conference on the early recovery and reconstruction of Gaza in the coming weeks.",
              "2025-10-13")
    assert [m.name for m in f.meetings] == ["Conference on early recovery and reconstruction of Gaza in Egypt"]


def test_a_meeting_only_hoped_for_is_no_meeting():
    # "hoping for a meeting with him", "sought talks with", "hoped to meet": neither held nor planned
    text = ("Prime Minister Mark Carney hosted the G7 summit in Kananaskis on Monday. President Volodymyr "
            "Zelenskyy flew to Calgary hoping for a meeting with Donald Trump, and President Lula sought a meeting "
            "with Xi Jinping. Chancellor Friedrich Merz hoped to meet Shigeru Ishiba.")
    f = facts(text, "2025-06-17")
    assert [(m.kind, m.city) for m in f.meetings] == [("summit", "Kananaskis")]
    assert {a.person for a in f.attendances} == {"mark-carney"}


def test_a_meeting_told_as_held_is_kept_beside_the_hoped_for_rule():
    # the limit of the rule above: the same meeting told as done ("Zelenskyy met Trump") is a meeting
    f = facts("President Volodymyr Zelenskyy met Donald Trump in Kananaskis on Monday.", "2025-06-17")
    assert [(m.kind, m.city) for m in f.meetings] == [("bilateral", "Kananaskis")]


def test_a_summit_on_the_margins_of_a_larger_one_is_its_own_meeting():
    # "a conference …, on the margins of the G20 leaders' meeting": two meetings; the host of the first is its
    # host only, and a meeting of leaders is a summit
    text = ("Donors pledged 11 billion dollars at a conference in Rio de Janeiro on Monday, co-hosted by Brazil, "
            "on the margins of the G20 leaders' meeting. Brazilian President Luiz Inacio Lula da Silva, who opened "
            "the event, thanked the donors.")
    f = facts(text, "2024-11-19")
    kinds = sorted((m.kind, m.format or "") for m in f.meetings)
    assert kinds == [("conference", ""), ("summit", "g20")]
    conference = next(m.key for m in f.meetings if m.kind == "conference")
    assert {(a.person, a.meeting) for a in f.attendances if a.person} == {("luiz-inacio-lula-da-silva", conference)}


def test_a_meeting_told_days_before_or_after_a_date_is_dated_from_it():
    # "pledged on Thursday, a day before the summit": the summit was on Friday, and is past by Saturday
    f = facts("Britain pledged 850 million pounds on Thursday, a day before the summit in Johannesburg.", "2025-11-22")
    assert [(str(m.start), m.city) for m in f.meetings] == [("2025-11-21", "Johannesburg")]
    f = facts("France announced its pledge on Monday, two days after the conference in Paris.", "2025-11-18")
    assert [str(m.start) for m in f.meetings] == ["2025-11-15"]


def test_a_shorter_name_of_the_meeting_told_is_the_same_meeting():
    # "the Quad Leaders Summit" … "Kishida's final Quad summit" … "the meeting": one summit (and "the next Quad
    # Leaders Summit" another)
    text = ("President Joe Biden hosted the Quad Leaders Summit in Wilmington on Saturday. It was Prime Minister "
            "Fumio Kishida's final Quad summit. Prime Minister Narendra Modi spoke at the start of the meeting. "
            "India will host the next Quad Leaders Summit in 2025.")
    f = facts(text, "2024-09-21")
    held = [m for m in f.meetings if m.start is not None and str(m.start) == "2024-09-21"]
    assert len(held) == 1 and len(f.meetings) == 2
    assert {a.person for a in f.attendances if a.meeting == held[0].key} == {"joe-biden", "narendra-modi"}


def test_a_format_told_again_by_its_head_word_is_the_meetings_format():
    # "his first meeting of the group" after "the Ukraine Defense Contact Group": the group's meeting, where the
    # dateline's city is also the one of the place the lede names ("at NATO headquarters in Brussels")
    text = ("BRUSSELS, Feb 12 - Britain chaired the Ukraine Defense Contact Group on Wednesday, as its members met "
            "at NATO headquarters in Brussels on the eve of a meeting of the alliance's defence ministers.\n\n"
            "US Defense Secretary Pete Hegseth, attending his first meeting of the group, urged Europe to do more.")
    f = facts(text, "2025-02-12")
    group = [m for m in f.meetings if m.format == "ukraine-defense-contact-group"]
    assert [(str(m.start), m.city) for m in group] == [("2025-02-12", "Brussels")]
    assert {a.person for a in f.attendances if a.meeting == group[0].key} >= {"pete-hegseth"}


def test_a_verb_naming_three_sides_is_a_meeting_of_its_own():
    # after Macron received Tusk, "Sikorski met with his counterparts, A and B": another meeting, not Tusk's
    text = ("Prime Minister Donald Tusk was received by President Emmanuel Macron at the Elysee Palace in Paris on "
            "Monday. On the same day Foreign Minister Radoslaw Sikorski met with his counterparts, Stephane Sejourne "
            "of France and Annalena Baerbock of Germany.")
    f = facts(text, "2024-02-13")
    assert len(f.meetings) == 2
    by_meeting = {}
    for a in f.attendances:
        by_meeting.setdefault(a.meeting, set()).add(a.person)
    assert sorted(map(sorted, by_meeting.values())) == [
        ["annalena-baerbock", "radoslaw-sikorski", "stephane-sejourne"], ["donald-tusk", "emmanuel-macron"]]


def test_a_noun_of_two_people_meeting_is_a_bilateral_told_in_passing():
    # "two days after Zelenskyy's tense exchange with Trump in the Oval Office": a bilateral two days before,
    # and "the meeting" after it is still the summit the report is about
    text = ("LONDON, March 2 - European leaders gathered at Lancaster House on Sunday, two days after Volodymyr "
            "Zelenskyy's tense exchange with Donald Trump in the Oval Office. Prime Minister Keir Starmer, who "
            "hosted the meeting, said Europe had to step up.")
    f = facts(text, "2025-03-02")
    kinds = {m.kind: m for m in f.meetings}
    assert set(kinds) == {"summit", "bilateral"}
    assert (str(kinds["bilateral"].start), kinds["bilateral"].city) == ("2025-02-28", "Washington")
    hosts = [(a.person, a.meeting) for a in f.attendances if a.role == "host"]
    assert hosts == [("keir-starmer", kinds["summit"].key)]


def test_the_place_of_a_trip_to_attend_a_meeting_is_the_meetings():
    # "travelled to Kazan on Tuesday to attend the BRICS summit": the summit is in Kazan
    f = facts("Prime Minister Narendra Modi travelled to Kazan on Tuesday to attend the BRICS summit.", "2024-10-23")
    assert [(m.kind, m.city) for m in f.meetings] == [("summit", "Kazan")]


def test_two_leaders_meeting_at_a_summit_are_no_meeting_of_a_group():
    # "The two leaders met on the sidelines of the G20 summit": no second summit of "leaders"; "G7 leaders met at
    # the summit": the summit itself
    for text in ("The two leaders met on the sidelines of the G20 summit in Rio de Janeiro on Monday.",
                 "G7 leaders met at the summit in Rio de Janeiro on Monday."):
        f = facts(text, "2024-11-19")
        assert [(m.kind, m.city) for m in f.meetings] == [("summit", "Rio de Janeiro")], text


def test_two_nationalities_on_one_plural_title_are_a_two_sided_meeting():
    # "The Turkish and Ukrainian presidents met": a bilateral of the two presidents; three are a summit
    f = facts("The Turkish and Ukrainian presidents met in Ankara on Tuesday.", "2025-03-12")
    assert [(m.kind, m.city) for m in f.meetings] == [("bilateral", "Ankara")]
    assert sorted(a.country for a in f.attendances) == ["TUR", "UKR"]
    f = facts("French, German and Polish leaders met in Berlin on Tuesday.", "2025-03-12")
    assert [m.kind for m in f.meetings] == ["summit"]


def test_a_teleconference_is_a_video_call():
    f = facts("Prime Minister Keir Starmer chaired a teleconference of European leaders on Tuesday.", "2025-03-12")
    assert [(m.kind, m.mode) for m in f.meetings] == [("video-call", "virtual")]
    assert [(a.person, a.role) for a in f.attendances] == [("keir-starmer", "chair")]


def test_telling_or_promising_a_person_something_in_a_place_is_meeting_them_there():
    # "Merz promised Zelenskyy five billion euros in Berlin on May 28": the two met in Berlin that day; without a
    # place ("told Zelenskyy that …") it may be a call or a letter: no meeting
    f = facts("Chancellor Friedrich Merz promised Volodymyr Zelenskyy five billion euros in Berlin on May 28.",
              "2025-06-05")
    assert [(m.kind, str(m.start), m.city) for m in f.meetings] == [("bilateral", "2025-05-28", "Berlin")]
    assert sorted(a.person for a in f.attendances) == ["friedrich-merz", "volodymyr-zelenskyy"]
    assert facts("Prime Minister Keir Starmer told Volodymyr Zelenskyy that Britain would stand by Ukraine.",
                 "2025-06-05").meetings == []
