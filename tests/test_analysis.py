"""The linguistic analysis layer: the pinned spaCy pipeline, loaded by path, behind plain objects."""
import sys

import pytest
from click.testing import CliRunner

from coalition_graph.cli import cli
from coalition_graph.errors import ExitStatus, MissingDependency
from coalition_graph.loaders.extract import analysis

SENTENCE = ("Kenyan President William Ruto met Sudanese Foreign Minister Ali Youssef in Nairobi on Tuesday "
            "and pledged $10 million for the camps.")


def test_pinned_model_loads_from_its_directory_without_running_the_package():
    nlp = analysis.load_pipeline()
    assert {"parser", "ner", "lemmatizer"} <= set(nlp.pipe_names)
    assert nlp.meta["version"] == "3.8.0"
    assert analysis.PINNED_PACKAGE not in sys.modules  # its __init__ was never imported


def test_analysis_gives_tokens_sentences_lemmas_parse_and_entities():
    a = analysis.analyse(SENTENCE + " The talks ended late.")
    assert len(a.sentences) == 2
    met = next(t for t in a.tokens if t.text == "met")
    assert met.lemma == "meet" and met.pos == "VERB"
    subj = [t for t in a.children(met.i) if t.dep == "nsubj"]
    assert [t.text for t in subj] == ["Ruto"]
    people = [e.text for e in a.entities if e.label == "PERSON"]
    assert "William Ruto" in people and "Ali Youssef" in people
    assert any(e.label == "MONEY" for e in a.entities)
    assert a.token_at(SENTENCE.index("Nairobi")).text == "Nairobi"
    assert all(a.text[t.start:t.end] == t.text for t in a.tokens)


def test_analysis_is_deterministic():
    first, second = analysis.analyse(SENTENCE), analysis.analyse(SENTENCE)
    assert first.tokens == second.tokens and first.entities == second.entities


def test_a_missing_pipeline_is_one_line_error(tmp_path):
    with pytest.raises(MissingDependency) as e:
        analysis.load_pipeline(str(tmp_path / "no-such-model"))
    assert "\n" not in str(e.value)


def test_cli_names_a_bad_model_in_one_line_and_stores_nothing(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text(SENTENCE)
    res = CliRunner().invoke(cli, ["ingest", str(art), "--store", str(tmp_path / "s"),
                                   "--spacy-model", str(tmp_path / "missing")])
    assert res.exit_code == ExitStatus.MISSING_DEPENDENCY
    assert len(res.output.strip().splitlines()) == 1 and "spaCy" in res.output
    assert not (tmp_path / "s").exists()


def test_environment_variable_selects_the_pipeline(monkeypatch):
    analysis.select_model(None)
    monkeypatch.setenv(analysis.ENV_VAR, "/elsewhere/model")
    assert analysis.model_name() == "/elsewhere/model"
    monkeypatch.delenv(analysis.ENV_VAR)
    assert analysis.model_name() == analysis.PINNED_PACKAGE


def test_a_line_break_ends_a_sentence():
    a = analysis.analyse("Macron to host Zelensky\n\nLeaders attended a summit in London on Sunday.")
    attended = next(t for t in a.tokens if t.text == "attended")
    subjects = [t.text for t in a.children(attended.i) if t.dep == "nsubj"]
    assert subjects == ["Leaders"]


def test_a_long_text_is_analysed_in_pieces_with_the_right_offsets(monkeypatch):
    monkeypatch.setattr(analysis, "CHUNK", 200)
    text = "\n".join(f"Leaders met in Paris on day {i}. Macron spoke first." for i in range(20))
    whole = analysis.analyse(text)
    assert len(text) > 200 and all(whole.text[t.start:t.end] == t.text for t in whole.tokens)
    assert [t.i for t in whole.tokens] == list(range(len(whole.tokens)))
    assert all(0 <= t.head < len(whole.tokens) for t in whole.tokens)
    assert sum(1 for e in whole.entities if e.text == "Macron") == 20


def test_a_wire_dateline_is_not_the_subject_of_the_lede():
    a = analysis.analyse("PARIS — Twenty-six countries have committed to deploy troops to Ukraine.")
    committed = next(t for t in a.tokens if t.text == "committed")
    assert [t.text for t in a.children(committed.i) if t.dep == "nsubj"] == ["countries"]


def test_a_live_blog_time_stamp_is_not_parsed_but_offsets_and_text_are_kept():
    from coalition_graph.loaders.extract.analysis import analyse
    text = "Intro line.\n\n15:10 - Arrivals so far include Keir Starmer.\n\n9.05 GMT | Leaders met."
    a = analyse(text)
    assert a.text == text
    assert not [t for t in a.tokens if t.text in ("15:10", "9.05", "GMT")]
    include = next(t for t in a.tokens if t.text == "include")
    assert include.head == include.i and text[include.start:include.end] == "include"


def test_typographic_quotes_are_read_as_straight_ones_and_kept_in_the_words():
    # the parse of "that’s" is the parse of "that's"; the tokens still say what the article wrote
    from coalition_graph.loaders.extract.analysis import analyse
    curly, straight = analyse("That’s about $1 billion."), analyse("That's about $1 billion.")
    assert [(t.dep, t.pos) for t in curly.tokens] == [(t.dep, t.pos) for t in straight.tokens]
    assert curly.tokens[1].text == "’s"


def test_a_non_breaking_space_is_read_as_a_space():
    from coalition_graph.loaders.extract.analysis import analyse
    nbsp, plain = analyse("France pledged €2\u00a0billion on Monday."), analyse("France pledged €2 billion on Monday.")
    assert [(t.start, t.dep, t.ent) for t in nbsp.tokens] == [(t.start, t.dep, t.ent) for t in plain.tokens]
