"""The spaCy component: registered by entry point, usable on a blank or a tagged German pipeline."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc


def test_component_is_registered_by_entry_point_and_writes_spans():
    nlp = spacy.blank("de")
    nlp.add_pipe("begriffe")
    doc = nlp("Die Asylanten wurden untergebracht. Die Flüchtlingswelle kommt.")
    spans = doc.spans["begriffe"]
    assert [(s.text, s.label_, s.id_) for s in spans] == [
        ("Asylanten", "asylant", "asylant"),
        ("Flüchtlingswelle", "fluechtlingswelle", "fluechtlingswelle"),
    ]


def test_pattern_rules_have_an_empty_entry_id():
    nlp = spacy.blank("de")
    nlp.add_pipe("begriffe")
    doc = nlp("Der Landrat warnte vor einer Flut von Asylbewerbern.")
    [span] = doc.spans["begriffe"]
    assert span.label_ == "metapher-flut" and span.id_ == ""


def test_user_lemmas_and_tokens_stay_untouched():
    nlp = spacy.blank("de")
    nlp.add_pipe("begriffe")
    doc = nlp("Die Asylanten kamen.")
    assert [t.lemma_ for t in doc] == ["", "", "", ""]
    assert len(doc) == 4


def test_tags_from_a_trained_pipeline_decide_noun_or_adjective():
    nlp = spacy.blank("de")
    component = nlp.add_pipe("begriffe")
    words = ["Farbige", "Stifte", "liegen", "bereit", "."]
    as_noun = Doc(nlp.vocab, words=words, pos=["NOUN", "NOUN", "VERB", "ADV", "PUNCT"])
    as_adjective = Doc(nlp.vocab, words=words, pos=["ADJ", "NOUN", "VERB", "ADV", "PUNCT"])
    assert [s.label_ for s in component(as_noun).spans["begriffe"]] == ["farbige"]
    assert len(component(as_adjective).spans["begriffe"]) == 0


def test_profile_can_be_configured():
    nlp = spacy.blank("de")
    nlp.add_pipe("begriffe", config={"profile": "streng", "spans_key": "glossar"})
    assert "glossar" in nlp("Die Asylanten kamen.").spans
