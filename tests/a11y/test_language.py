"""Everything in the reader's language: one fallback notice per page with every fallback
block marked with its language, page descriptions in the page's language, and an
accessibility statement per language after the EU model statement."""

from __future__ import annotations

import re

import pytest

from partnerhub.hub import load_hub
from tests.a11y.conftest import LANGS, PAGE_TYPES
from tests.support.site import ROOT

GREEK = re.compile(r"[\u0370-\u03ff]")


def _pages_with_fallbacks(site, lang: str) -> list[str]:
    found = []
    for path in sorted((site / lang).rglob("index.html")):
        if 'class="ph-fallback' in path.read_text(encoding="utf-8"):
            found.append(path.parent.relative_to(site).as_posix() + "/")
    return found


@pytest.mark.parametrize("lang", ["fr"])  # the demo translates everything into Greek
def test_one_notice_per_page_and_every_fallback_block_marked(site, page, lang):
    urls = _pages_with_fallbacks(site, lang)
    assert urls, f"the demo should have untranslated texts in {lang}"
    for url in urls:
        doc = page(url)
        main = doc.select_one("main")
        assert len(main.select(".ph-fallback__notice")) == 1, url
        for block in main.select(".ph-fallback"):
            marked = block if block.get("lang") else block.find(attrs={"lang": True})
            assert marked is not None and marked["lang"] != lang, url
            assert block.get("data-pagefind-ignore") == "all"
        for line in main.select(".ph-fallback-text"):  # names and lines: marked with their language
            assert line["lang"] != lang, url


@pytest.mark.parametrize("kind", ["home", "networks", "partners", "about", "accessibility", "partner", "practice"])
def test_descriptions_are_in_the_page_language(page, kind):
    for lang, prefix in LANGS.items():
        doc = page(prefix + PAGE_TYPES[kind])
        description = doc.select_one('meta[name="description"]')["content"]
        assert description.strip(), (lang, kind)
        assert bool(GREEK.search(description)) == (lang == "el") or lang == "en", (lang, kind, description)
    # a French page whose record has no French summary says what it is, in French
    fr = [p for p in (ROOT / "data" / "partners").glob("*.yml") if "\n  fr:" not in p.read_text(encoding="utf-8")]
    if fr:
        doc = page(f"fr/partners/{fr[0].stem}/")
        assert "sur Carrefour des réseaux de partenaires" in doc.select_one('meta[name="description"]')["content"]


HEADINGS = {
    "en": ["Compliance status", "Non-accessible content", "Preparation of this accessibility statement",
           "Feedback and contact information", "Enforcement procedure"],
    "el": ["Κατάσταση συμμόρφωσης", "Μη προσβάσιμο περιεχόμενο", "Κατάρτιση της δήλωσης προσβασιμότητας",
           "Σχόλια και στοιχεία επικοινωνίας", "Διαδικασία επιβολής"],
    "fr": ["État de conformité", "Contenus non accessibles", "Établissement de cette déclaration d’accessibilité",
           "Retour d’information et contact", "Voies de recours"],
}
PARTIAL = {"en": "partially compliant", "el": "μερικώς σύμφωνος", "fr": "partiellement conforme"}


@pytest.mark.parametrize("lang", LANGS)
def test_accessibility_statement_follows_the_eu_model(page, lang):
    doc = page(LANGS[lang] + "accessibility/")
    assert doc.html["lang"] == lang and not doc.select(".ph-fallback")  # written in this language
    main = doc.select_one("main")
    assert [h.get_text(strip=True) for h in main.select("h2")][:5] == HEADINGS[lang]
    text = main.get_text(" ")
    assert PARTIAL[lang] in text  # honest: known non-compliances are listed
    assert re.search(r"2026", text)  # the preparation date
    contact = load_hub(ROOT).config.contact
    assert main.select_one(f'a[href="mailto:{contact}"]').get_text() == contact  # from data/hub.yml
    assert main.select_one('a[href^="https://digital-strategy.ec.europa.eu/"]')  # enforcement bodies
