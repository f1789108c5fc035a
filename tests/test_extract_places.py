"""Places as the article writes them: one city however it is spelled."""
from coalition_graph.loaders.extract.context import Doc
from coalition_graph.loaders.extract.places import load_places, unaccented
from coalition_graph.loaders.gazetteer import load_gazetteer
from coalition_graph.schema.models import Article


def test_every_listed_place_is_found_without_its_diacritics():
    places = load_places(load_gazetteer())
    accented = [form for form in places if unaccented(form) != form]
    assert accented  # the list has such names ("Élysée Palace", capitals such as "Brasília")
    assert all(unaccented(places[unaccented(form)].name) == unaccented(places[form].name) for form in accented)


def test_a_city_spelled_with_and_without_diacritics_is_one_city():
    text = ("Leaders gathered in Belém on Thursday for the climate summit. Delegations stayed on in Belem for "
            "two weeks of talks.")
    doc = Doc.build(Article(id="t", published="2025-11-07", text=text), load_gazetteer())
    cities = {p.place.city for p in doc.places if p.text.startswith("Bel")}
    assert len([p for p in doc.places if p.text.startswith("Bel")]) == 2 and len(cities) == 1
