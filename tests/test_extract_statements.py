"""Statements: direct quotes of every shape and reported speech, with speaker coreference."""
from tests.test_extract_helpers import evidence_ok, facts


def st(f):
    return [(s.speaker, s.direct, s.text) for s in f.statements]


def test_straight_quote_with_trailing_attribution():
    f = facts('"We will stand with Ukraine for as long as it takes," Keir Starmer said.', "2025-03-02")
    assert st(f) == [("keir-starmer", True, "We will stand with Ukraine for as long as it takes,")]
    evidence_ok(f)


def test_curly_quote_split_by_he_said_is_one_statement():
    f = facts("Emmanuel Macron spoke after the talks. “We have agreed on a common plan,” he said. "
              "“Now we must deliver it together.”", "2025-03-27")
    assert len(f.statements) == 1
    s = f.statements[0]
    assert s.speaker == "emmanuel-macron" and s.direct
    assert "common plan" in s.text and "deliver it together" in s.text


def test_quote_running_over_paragraphs():
    text = ('Mark Rutte addressed the ministers.\n\n"Air defence is the priority this winter.\n\n'
            '"Every system we send saves lives," Rutte said.')
    f = facts(text, "2025-10-15")
    assert [s.speaker for s in f.statements] == ["mark-rutte"]
    assert "Every system" in f.statements[0].text


def test_colon_and_said_that_forms():
    f = facts('Pål Jonson added: "We are financing drones and long-range missiles." '
              "Jonson said that Russia still holds the initiative in the war.", "2025-01-30")
    assert [(s.speaker, s.direct) for s in f.statements] == [("pal-jonson", True), ("pal-jonson", False)]


def test_trailing_reported_speech_and_title_coreference():
    f = facts("Ukrainian President Volodymyr Zelenskyy spoke in Paris. Countries must keep up the pressure on Russia, "
              "Zelenskyy said. The president also thanked France and the UK for their help.", "2025-03-27")
    assert [(s.speaker, s.direct) for s in f.statements] == [("volodymyr-zelenskyy", False), ("volodymyr-zelenskyy", False)]
    assert "keep up the pressure" in f.statements[0].text


def test_a_pronoun_quote_after_a_reported_sentence_keeps_the_speaker():
    f = facts('Mette Frederiksen said Denmark would send more F-16s. "Europe has to do more," she said.', "2025-06-01")
    assert [(s.speaker, s.direct) for s in f.statements] == [("mette-frederiksen", False), ("mette-frederiksen", True)]


def test_a_statement_by_an_institution_is_not_a_persons():
    f = facts('"Five countries have allocated an additional $1 billion," the Foreign Ministry said in a statement.',
              "2025-12-03")
    assert f.statements == []


def test_the_speaker_is_the_subject_of_the_reporting_verb_not_the_nearest_name():
    from tests.test_extract_helpers import facts
    f = facts("Russian Foreign Minister Sergei Lavrov, who led his country's delegation in place of President "
              "Vladimir Putin, told reporters that the West had failed to change the agenda.", "2023-09-10")
    assert [s.speaker for s in f.statements] == ["sergey-lavrov"]


def test_a_phrase_quoted_inside_reported_speech_belongs_to_the_reported_statement():
    f = facts('Hungarian Prime Minister Viktor Orban said the European Union was "sleepwalking into war" with its '
              'plan for Ukraine.', "2025-03-06")
    got = st(f)
    assert len(got) == 1 and got[0][:2] == ("viktor-orban", False)
    assert "the European Union was" in got[0][2]


def test_a_relative_who_said_reports_the_antecedent():
    f = facts("Zelenskyy met India's prime minister, Narendra Modi, who said India would help find a way to peace.",
              "2023-05-21")
    assert ("narendra-modi", False) in [(s.speaker, s.direct) for s in f.statements]


def test_an_attribution_set_off_by_commas_after_the_subject():
    f = facts("Germany, said Chancellor Olaf Scholz, will send another Patriot system to Ukraine.", "2024-04-13")
    assert [(s.speaker, s.direct) for s in f.statements] == [("olaf-scholz", False)]


def test_a_post_on_a_platform_introduced_by_a_colon_is_a_statement():
    f = facts("Zelenskyy on Telegram: the visit is a sign of support for all Ukrainians and for the free world.",
              "2023-02-20")
    assert [s.speaker for s in f.statements] == ["volodymyr-zelenskyy"]


def test_the_speaker_whose_apposition_names_someone_else_is_the_subject_of_the_verb():
    f = facts("Andriy Yermak, the head of the Ukrainian president's office, said the package would save lives.",
              "2023-11-21")
    assert [s.speaker for s in f.statements] == ["andriy-yermak"]


def test_a_passive_verb_of_the_speech_list_reports_no_statement():
    f = facts("From Asia were invited as partners the prime ministers of Japan and Australia, and Joe Biden came too.",
              "2023-07-12")
    assert f.statements == []


def test_mentioned_that_reports_speech_and_mentioned_a_thing_does_not():
    f = facts("Narendra Modi mentioned that India would supply vaccine doses to the region. Joe Biden mentioned "
              "the summit twice.", "2024-09-22")
    assert [s.speaker for s in f.statements] == ["narendra-modi"]


def test_he_goes_to_the_main_clause_subject_before_a_name_in_a_phrase_after_it():
    f = facts("In Berlin Chancellor Olaf Scholz spoke at a joint press conference with Donald Tusk. He said that any "
              "doubt about the defence guarantee was dangerous.", "2024-02-13")
    said = [s for s in f.statements if "doubt" in s.text]
    assert [s.speaker for s in said] == ["olaf-scholz"]


def test_a_quote_after_a_name_and_a_colon_is_that_persons():
    # 'Macron: "…"' (a live blog's form); "The message: …" names nobody
    lead = "EU leaders met in Brussels on Thursday for a summit on defence. "
    f = facts(lead + 'Macron: "Europe must rearm now, and it must do so together with its allies."', "2025-03-07")
    assert [(s.speaker, s.direct) for s in f.statements] == [("emmanuel-macron", True)]
    f = facts(lead + 'The message: "Europe must rearm now, and it must do so together with its allies."', "2025-03-07")
    assert f.statements == []
