"""partnerhub.text: one folding, one transliteration, one id suggestion for ids, search and sorting."""

from __future__ import annotations

import pytest

from partnerhub.text import fold, format_characters, mixed_script_words, suggest_id, to_ascii, visible_text


@pytest.mark.parametrize("text, folded", [
    ("Škofja Loka", "skofja loka"), ("Σέρρες", "σερρεσ"), ("Tønder", "tonder"), ("Œuvre", "oeuvre"),
    ("Straße", "strasse"), ("Łódź", "lodz"), ("ĐAKOVO", "dakovo"),
])
def test_fold(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize("text, ascii_form, record_id", [
    ("Σέρρες", "serres", "serres"),
    ("Ευρώπη", "evropi", "evropi"),
    ("Αλεξανδρούπολη", "alexandroupoli", "alexandroupoli"),
    ("Μαρκόπουλο Μεσογαίας", "markopoulo mesogaias", "markopoulo-mesogaias"),
    ("Чачак", "chachak", "chachak"),
    ("Бијело Поље", "bijelo polje", "bijelo-polje"),
    ("Œuvre", "oeuvre", "oeuvre"),
    ("Tønder", "tonder", "tonder"),
    ("Iași", "iasi", "iasi"),
    ("Gdańsk", "gdansk", "gdansk"),
    ("Mollet del Vallès", "mollet del valles", "mollet-del-valles"),
    ("Fót", "fot", "fot"),
])
def test_one_transliteration_for_search_and_ids(text, ascii_form, record_id):
    assert to_ascii(text) == ascii_form
    assert suggest_id(text) == record_id


@pytest.mark.parametrize("text, record_id", [
    ("\u0455erres", "serres"),  # a Cyrillic dze that looks like s
    ("Ser\u200bres", "serres"),  # a zero-width space
    ("\u202eserres", "serres"),  # a right-to-left override
    ("\ufeffserres", "serres"),
    ("", "record"),
])
def test_id_suggestion_reads_what_a_reader_sees(text, record_id):
    assert suggest_id(text) == record_id


def test_format_characters_are_found():
    assert format_characters("a\u200bb\u2066c\u00adD") == ["\u200b", "\u2066", "\u00ad"]
    assert format_characters("Σέρρες Tønder") == []


def test_mixed_script_words():
    [word] = mixed_script_words("Welcome to \u0455erres")
    assert word.word == "\u0455erres" and word.script == "LATIN" and word.strangers == ("\u0455",)
    assert word.latin_reading() == "serres"
    assert mixed_script_words("Σέρρες and Serres, Бијело Поље") == []
    assert visible_text("\u0455erres\u200b") == "serres"
