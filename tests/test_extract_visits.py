"""Visits read from the parse: a trip to a place is a meeting with the hosts, unless it is the trip to a summit."""
from tests.test_extract_helpers import facts


def meetings_and_people(text: str, published: str):
    f = facts(text, published)
    names = {p.key: p.name for p in f.persons}
    return f.meetings, {(a.meeting, names.get(a.person)) for a in f.attendances if a.person}


def test_a_minister_who_visits_a_capital_meets_there():
    ms, att = meetings_and_people("German Defence Minister Boris Pistorius visited Kyiv on Tuesday and promised "
                                  "more air defence.", "2023-11-22")
    assert [(m.city, str(m.start)) for m in ms] == [("Kyiv", "2023-11-21")]
    assert (ms[0].key, "Boris Pistorius") in att
    assert "visit" in ms[0].name.lower()


def test_a_possessed_visit_noun_is_a_visit():
    ms, att = meetings_and_people("European Council President Charles Michel's visit to Kyiv on Wednesday marked "
                                  "ten years since the protests.", "2023-11-22")
    assert [(m.city, str(m.start)) for m in ms] == [("Kyiv", "2023-11-22")]
    assert (ms[0].key, "Charles Michel") in att


def test_going_home_is_no_visit():
    ms, _ = meetings_and_people("Ukrainian President Volodymyr Zelenskyy flew to Kyiv on Friday.", "2025-03-01")
    assert ms == []


def test_the_trip_to_a_summit_is_attendance_of_the_summit():
    ms, att = meetings_and_people("NATO leaders met in Vilnius on July 11 for a two-day summit. Australian Prime "
                                  "Minister Anthony Albanese arrived in Vilnius on Monday.", "2023-07-11")
    assert len(ms) == 1 and ms[0].city == "Vilnius"
    assert (ms[0].key, "Anthony Albanese") in att


def test_a_phone_call_with_someone_is_a_two_sided_call():
    ms, att = meetings_and_people("In a phone call with Kenyan President William Ruto on Monday, Egyptian President "
                                  "Abdel Fattah el-Sisi said the talks on Sudan must resume.", "2024-05-14")
    assert len(ms) == 1 and ms[0].kind == "bilateral"
    assert {(ms[0].key, "William Ruto"), (ms[0].key, "Abdel Fattah el-Sisi")} <= att


def test_a_press_conference_held_with_a_counterpart_is_a_meeting_of_the_two():
    ms, att = meetings_and_people("French Foreign Minister Jean-Noel Barrot spoke at a news conference with his "
                                  "Lebanese counterpart Abdallah Bou Habib in Beirut.", "2024-10-20")
    assert len(ms) == 1 and ms[0].city == "Beirut"
    assert (ms[0].key, "Abdallah Bou Habib") in att


def test_an_undated_meeting_told_as_done_in_the_lede_is_the_news_of_the_day():
    ms, _ = meetings_and_people("Kenyan President William Ruto hosted a summit on Sudan in Nairobi.\n\n"
                                "Delegates discussed a ceasefire.", "2024-05-14")
    assert [str(m.start) for m in ms] == ["2024-05-14"]


def test_a_meeting_told_as_earlier_is_not_dated_by_the_publication_day():
    ms, _ = meetings_and_people("Kenyan President William Ruto recalled the previous summit in Nairobi.", "2024-05-14")
    assert all(m.start is None for m in ms)


def test_a_group_of_officials_that_met_somewhere_is_a_meeting():
    ms, _ = meetings_and_people("Finance ministers and central bank governors from the Group of Seven met in "
                                "Washington on Friday to discuss the loan.", "2024-10-26")
    assert [(m.kind, m.city, str(m.start)) for m in ms] == [("ministerial", "Washington", "2024-10-25")]
    assert ms[0].format == "g7"


def test_meeting_names_say_what_the_noun_phrase_says():
    names = {t: [m.name for m in facts(t, "2024-11-10").meetings] for t in (
        "No date or venue has been fixed for a follow-up summit.",
        "India proposed hosting the second Ukraine peace summit.",
        "Saudi Arabia hosted the first meeting of the international alliance for a two-state solution in October.",
        "Sunday's summit in London was a success.")}
    assert list(names.values()) == [["Follow-up summit"], ["Second Ukraine peace summit in India"],
                                    ["First meeting of international alliance in Saudi Arabia"], ["Summit in London"]]


def test_the_group_that_will_meet_again_is_the_format_the_report_is_about():
    ms, _ = meetings_and_people("The Ukraine Defense Contact Group met by video on Monday. Austin said the group "
                                "would meet in person again next month in Brussels.", "2022-05-23")
    later = [m for m in ms if m.city == "Brussels"]
    assert len(later) == 1 and later[0].format == "ukraine-defense-contact-group"
    assert (str(later[0].start), later[0].date_precision) == ("2022-06-01", "month")


def test_a_named_edition_of_a_conference_is_a_meeting_in_its_city():
    ms, _ = meetings_and_people("Negotiators at Cop28 struck a deal on a loss and damage fund on Thursday.", "2023-12-01")
    assert [(m.name, m.kind, m.city, m.country, str(m.start)) for m in ms] == \
        [("COP28 in Dubai", "conference", "Dubai", "ARE", "2023-11-30")]


def test_a_summit_told_by_its_month_and_by_its_day_is_one_summit():
    ms, _ = meetings_and_people("The G20 leaders will gather for their summit early next month. South Africa "
                                "is hosting its summit in Johannesburg on November 22-23.", "2025-10-20")
    assert [(str(m.start), m.city) for m in ms] == [("2025-11-22", "Johannesburg")]


def test_a_summit_of_an_earlier_year_is_another_summit():
    ms, _ = meetings_and_people("The BRICS summit will be held in Rio de Janeiro on July 6. In 2023, President "
                                "Putin skipped the BRICS summit in Johannesburg due to a warrant.", "2025-06-25")
    assert sorted(m.city for m in ms) == ["Johannesburg", "Rio de Janeiro"]


def test_a_city_no_list_knows_is_found_by_the_entity_recogniser():
    ms, _ = meetings_and_people("Quad leaders met in Wilmington, Delaware, on Saturday.", "2024-09-22")
    assert [m.city for m in ms] == ["Wilmington"]


def test_a_war_region_is_not_where_a_summit_is_held():
    ms, _ = meetings_and_people("Arab leaders met in Riyadh on Monday for a summit on the war in Gaza.", "2024-11-11")
    assert {m.city for m in ms} == {"Riyadh"}


def test_a_meeting_told_with_its_span_is_one_with_a_day_inside_it():
    ms, _ = meetings_and_people("Delegations from 92 countries gathered at the Bürgenstock resort for a two-day "
                                "summit that ended on Sunday.", "2024-06-16")
    assert [(str(m.start), m.city) for m in ms] == [("2024-06-15", "Bürgenstock")]


def test_a_future_cue_in_the_next_sentence_does_not_move_a_past_day():
    ms, _ = meetings_and_people("Defence ministers of the Ukraine Defense Contact Group met in London on Tuesday. "
                                "The contact group is next due to meet in Brussels in October.", "2025-09-10")
    assert [(str(m.start), m.city) for m in ms] == [("2025-09-09", "London"), ("2025-10-01", "Brussels")]


def test_a_person_who_hosts_or_phones_another_meets_them_in_any_tense():
    ms, att = meetings_and_people("French President Emmanuel Macron hosts Ukrainian President Volodymyr Zelenskyy "
                                  "at the Elysee Palace in Paris.", "2025-03-03")
    assert [(m.kind, m.city) for m in ms] == [("bilateral", "Paris")]
    ms, att = meetings_and_people("Trump said he had telephoned Putin on Monday.", "2025-03-03")
    assert [(m.name, m.mode) for m in ms] == [("Trump–Putin call", "virtual")]


def test_calling_for_something_is_no_call():
    ms, _ = meetings_and_people("Macron called for a ceasefire on Monday.", "2025-03-03")
    assert ms == []


def test_a_meeting_dated_by_its_last_day_starts_as_long_before_as_it_lasted():
    ms, _ = meetings_and_people("KAZAN - The largest gathering of leaders in Russia in years ended on Thursday. "
                                "Three things to take away from three days of the BRICS summit in Kazan.", "2024-10-24")
    assert [str(m.start) for m in ms] == ["2024-10-22"]


def test_held_their_meeting_names_the_two_sides():
    ms, att = meetings_and_people("Modi and Xi held their first formal bilateral meeting in five years on Wednesday.",
                                  "2024-10-24")
    assert [m.kind for m in ms] == ["bilateral"] and {p for _m, p in att} == {"Narendra Modi", "Xi Jinping"}


def test_a_capital_named_by_its_region_is_no_city():
    ms, _ = meetings_and_people("Leaders spent three days at the summit in the Tatar capital.", "2024-10-24")
    assert all(m.city != "Tatar" for m in ms)


def test_both_meetings_refers_back():
    ms, _ = meetings_and_people("Tusk met Macron in Paris on Monday and Scholz in Berlin later that day. Both meetings "
                                "were overshadowed by a rally in South Carolina.", "2024-02-13")
    assert all(m.city != "South Carolina" for m in ms)


def test_next_years_summit_is_another_summit():
    ms, _ = meetings_and_people("The BRICS summit in Kazan ended on Thursday. Brazil takes over the chair in January "
                                "and will host next year's summit.", "2024-10-24")
    assert len(ms) == 2


def test_the_general_assembly_is_a_body_not_a_meeting():
    ms, _ = meetings_and_people("The communique called for a freeze on Israel's participation in the UN General "
                                "Assembly.", "2024-11-11")
    assert ms == []


def test_sitting_down_with_a_group_of_counterparts_is_a_meeting():
    ms, att = meetings_and_people("In Riyadh on Wednesday U.S. Secretary of State Antony Blinken sat down with his "
                                  "counterparts from the six Gulf states.", "2023-06-08")
    assert [(m.city, str(m.start)) for m in ms] == [("Riyadh", "2023-06-07")]
    assert (ms[0].key, "Antony Blinken") in att


def test_the_country_that_hosts_a_meeting_places_it():
    ms, _ = meetings_and_people("Brazil takes over the chair in January and will host next year's summit.",
                                "2024-10-24")
    assert [(m.country, m.name) for m in ms] == [("BRA", "Summit in Brazil")]


def test_a_where_clause_the_parser_hangs_on_the_day_still_places_the_meeting():
    ms, att = meetings_and_people("Dutch Prime Minister Dick Schoof flew to Kyiv on Monday, where he held talks with "
                                  "President Volodymyr Zelenskyy.", "2025-01-28")
    assert [(m.city, str(m.start)) for m in ms] == [("Kyiv", "2025-01-27")]
    assert {(ms[0].key, "Dick Schoof"), (ms[0].key, "Volodymyr Zelenskyy")} <= att


def test_a_place_phrase_of_the_meeting_verb_places_it_past_a_long_object():
    ms, _ = meetings_and_people("Czech President Petr Pavel welcomed the visiting Ukrainian President Volodymyr "
                                "Zelenskyy to Prague on Thursday.", "2023-07-07")
    assert [(m.city, m.kind) for m in ms] == [("Prague", "bilateral")]


def test_a_trip_with_a_purpose_clause_of_meeting_places_the_meeting():
    ms, _ = meetings_and_people("UN relief chief Tom Fletcher travelled to Port Sudan on Sunday to meet army chief "
                                "Abdel Fattah al-Burhan.", "2025-03-31")
    assert [m.city for m in ms] == ["Port Sudan"]


def test_a_city_inside_a_persons_name_is_no_place():
    ms, _ = meetings_and_people("Paraguayan President Santiago Peña met Taiwanese President Lai Ching-te in Taipei "
                                "on Tuesday.", "2023-08-16")
    assert [m.city for m in ms] == ["Taipei"]


def test_two_people_who_meet_each_other_are_a_bilateral():
    ms, att = meetings_and_people("Canadian Prime Minister Mark Carney and Indian Prime Minister Narendra Modi met on "
                                  "the sidelines of the G7 summit in Kananaskis on Tuesday.", "2025-06-18")
    bil = [m for m in ms if m.kind == "bilateral"]
    assert len(bil) == 1
    assert {(bil[0].key, "Mark Carney"), (bil[0].key, "Narendra Modi")} <= att


def test_talking_with_someone_is_a_meeting_of_two():
    ms, att = meetings_and_people("Spanish Prime Minister Pedro Sánchez spoke with Palestinian President Mahmoud "
                                  "Abbas on Wednesday about the recognition.", "2024-05-23")
    assert [(m.kind, str(m.start)) for m in ms] == [("bilateral", "2024-05-22")]
    assert {(ms[0].key, "Pedro Sánchez"), (ms[0].key, "Mahmoud Abbas")} <= att


def test_discussing_a_topic_with_someone_is_a_meeting_of_two():
    ms, att = meetings_and_people("On Monday, Qatari Prime Minister Mohammed bin Abdulrahman Al Thani discussed the "
                                  "hostage deal with Secretary of State Antony Blinken.", "2024-06-12")
    assert [m.kind for m in ms] == ["bilateral"]
    assert (ms[0].key, "Antony Blinken") in att


def test_talks_at_the_start_of_a_sentence_are_a_meeting():
    ms, att = meetings_and_people("Talks between Indian Foreign Minister Subrahmanyam Jaishankar and Chinese Foreign "
                                  "Minister Wang Yi in Moscow lasted two hours on Thursday.", "2020-09-11")
    assert [(m.city, m.kind) for m in ms] == [("Moscow", "bilateral")]


def test_a_phone_conversation_is_a_call():
    ms, att = meetings_and_people("New Zealand Prime Minister Christopher Luxon had a telephone conversation with "
                                  "Australian Prime Minister Anthony Albanese on Friday.", "2024-03-02")
    assert [(m.kind, m.mode) for m in ms] == [("bilateral", "virtual")]
    assert {(ms[0].key, "Christopher Luxon"), (ms[0].key, "Anthony Albanese")} <= att


def test_a_photo_caption_of_two_leaders_is_their_meeting_there_that_day():
    ms, att = meetings_and_people("Turkish President Recep Tayyip Erdogan signed a grain deal extension.\n\nTurkish "
                                  "President Recep Tayyip Erdogan with Ukrainian President Volodymyr Zelenskyy during a "
                                  "news conference, in Istanbul, Saturday, July 8, 2023.", "2023-07-09")
    bil = [m for m in ms if m.kind == "bilateral"]
    assert [(m.city, str(m.start)) for m in bil] == [("Istanbul", "2023-07-08")]
    assert {(bil[0].key, "Recep Tayyip Erdoğan"), (bil[0].key, "Volodymyr Zelenskyy")} <= att


def test_meeting_an_unnamed_counterpart_is_a_bilateral_with_that_country():
    f = facts("Estonian Foreign Minister Margus Tsahkna met his Finnish counterpart in Helsinki on Thursday.",
              "2025-02-14")
    assert [(m.kind, m.city, str(m.start)) for m in f.meetings] == [("bilateral", "Helsinki", "2025-02-13")]
    assert {(a.person, a.country) for a in f.attendances} == {("margus-tsahkna", "EST"), (None, "FIN")}


def test_talks_with_officials_of_a_country_are_a_bilateral_with_it():
    f = facts("British Foreign Secretary David Lammy held talks with Qatari officials in Doha on Sunday.", "2024-10-21")
    assert [m.kind for m in f.meetings] == ["bilateral"]
    assert (None, "QAT") in {(a.person, a.country) for a in f.attendances}


def test_an_unnamed_side_of_ones_own_country_is_no_other_side():
    f = facts("Ukrainian President Volodymyr Zelenskyy met Ukrainian officials in Kharkiv on Friday.", "2024-05-18")
    assert not any(a.country == "UKR" and a.person is None for a in f.attendances)


def test_a_trip_not_made_is_no_visit():
    f = facts("BRICS leaders opened their summit in Johannesburg on Tuesday. Vladimir Putin did not travel to "
              "South Africa.", "2023-08-23")
    assert [m.kind for m in f.meetings] == ["summit"]


def test_a_visit_paid_or_told_in_an_adjunct_is_the_visitors():
    # "paid a visit to Ankara", "Zelenskyy, on a visit to Ankara, thanked …": Zelenskyy's visit; "Macron, who is on
    # a state visit to Britain," describes him in passing and is no meeting
    for text in ("President Volodymyr Zelenskyy paid a visit to Ankara on Tuesday.",
                 "President Volodymyr Zelenskyy, on a visit to Ankara on Tuesday, thanked Turkey for its help."):
        ms, att = meetings_and_people(text, "2025-03-12")
        assert [(m.kind, m.city) for m in ms] == [("bilateral", "Ankara")], text
        assert {name for _k, name in att} == {"Volodymyr Zelenskyy"}
    ms, _att = meetings_and_people("The call was co-chaired by Keir Starmer and Emmanuel Macron, who is on a state "
                                   "visit to Britain.", "2025-07-10")
    assert all(m.kind != "bilateral" for m in ms)
