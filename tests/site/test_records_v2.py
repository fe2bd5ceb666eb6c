"""Pages that tell the truth (issue 9): dates as precise as they are known in each locale,
cancelled meetings with what replaced them, joint meetings, lineage both ways, a person of
two networks, outputs, other names, privacy of people. Rendered without MkDocs, from the
demo hub and from small hubs made for a case (the build itself is tested in test_pages)."""

from __future__ import annotations

import datetime as dt
import shutil
from functools import lru_cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from partnerhub.hub import load_hub
from partnerhub.registry import BY_FOLDER
from partnerhub.render.pages import SiteBuilder
from partnerhub.render.relations import build_relations

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 12, 1)


@lru_cache(maxsize=None)
def demo():
    hub = load_hub(ROOT, today=TODAY)
    assert not hub.errors, [p.as_text() for p in hub.errors]
    return hub


def page(hub, lang: str, folder: str, record_id: str, audience: str = "public") -> BeautifulSoup:
    builder = SiteBuilder(hub, lang, build_relations(hub, audience), today=TODAY)
    record = builder.rel.records[folder][record_id]
    return BeautifulSoup(str(builder.record_page(BY_FOLDER[folder], record).html), "html.parser")


def catalogue(hub, lang: str, folder: str) -> BeautifulSoup:
    return BeautifulSoup(str(SiteBuilder(hub, lang, today=TODAY).catalogue(folder).html), "html.parser")


def facts(doc) -> dict[str, str]:
    return {dt_.get_text(strip=True): dd.get_text(" ", strip=True)
            for dt_, dd in zip(doc.select(".ph-facts dt"), doc.select(".ph-facts dd"))}


def fact_values(doc) -> list:
    return list(facts(doc).values())


# --- dates as known --------------------------------------------------------------------

@pytest.mark.parametrize("lang, month, network_period, day_range", [
    ("en", "October 2024", "June 2018\u2009–\u2009May 2023", "July 9\u2009–\u200910, 2018"),
    ("el", "Οκτώβριος 2024", "Ιούνιος 2018 – Μάιος 2023", "9–10 Ιουλίου 2018"),
    ("fr", "octobre 2024", "juin 2018\u2009–\u2009mai 2023", "9–10 juillet 2018"),
])
def test_dates_show_only_what_is_known(lang, month, network_period, day_range):
    brussels = page(demo(), lang, "meetings", "breaking-isolation-06-brussels")
    assert facts(brussels)[{"en": "Dates", "el": "Ημερομηνίες", "fr": "Dates"}[lang]] == month
    assert brussels.select_one(".ph-facts time")["datetime"] == "2024-10"  # never a made-up day
    assert "2024-10-01" not in str(brussels)
    regionarts = page(demo(), lang, "networks", "regionarts")
    period = regionarts.select_one(".ph-facts time")
    assert period.get_text() == network_period and period["datetime"] == "2018-06"
    kick_off = page(demo(), lang, "meetings", "regionarts-kick-off-brussels")
    assert day_range in fact_values(kick_off)


@pytest.mark.parametrize("lang, phase", [
    ("en", "June 2018\u2009–\u2009end unknown"), ("el", "Ιούνιος 2018 - άγνωστη λήξη"),
    ("fr", "juin 2018\u2009–\u2009fin inconnue")])
def test_unknown_end_is_said(lang, phase):
    doc = page(demo(), lang, "networks", "regionarts")
    phases = doc.find(id="phases").find_next("ol").get_text(" ", strip=True)
    assert phase in phases


@pytest.mark.parametrize("lang, year_only", [("en", "2022"), ("el", "2022")])
def test_a_year_alone_is_a_year(lang, year_only):
    doc = page(demo(), lang, "meetings", "regionarts-koprivnica-lsg-1")
    assert doc.select_one(".ph-facts time").get_text() in ("November 2018", "Νοέμβριος 2018")  # a month
    practice = page(demo(), lang, "practices", "incredibol")
    period = practice.select_one(".ph-facts time")
    assert period["datetime"] == "2010" and period.get_text().startswith("2010")


def test_timelines_group_by_year_and_mark_today():
    doc = page(demo(), "en", "networks", "regionarts")
    years = [h.get_text(strip=True) for h in doc.select(".ph-timeline__year")]
    assert years == ["2018", "2019", "2020", "2021", "2022"]
    hub = demo()
    home = BeautifulSoup(str(SiteBuilder(hub, "en", today=dt.date(2019, 6, 1)).home().html), "html.parser")
    today = home.select_one(".ph-timeline__today")
    assert today is not None and "Today" in today.get_text() and today.find("time")["datetime"] == "2019-06-01"


# --- cancelled and replaced -----------------------------------------------------------

@pytest.mark.parametrize("lang, cancelled, replaced_by, replaces", [
    ("en", "Cancelled", "Replaced by", "Replaces"), ("el", "Ακυρώθηκε", "Αντικαταστάθηκε από", "Αντικατέστησε")])
def test_cancelled_meeting_says_so_and_names_its_replacement(lang, cancelled, replaced_by, replaces):
    doc = page(demo(), lang, "meetings", "regionarts-06-rovaniemi")
    banner = doc.select_one(".ph-status-banner--cancelled")
    assert cancelled in banner.get_text() and replaced_by in banner.get_text()
    assert banner.find("a")["href"] == "../regionarts-06-online/"
    replacement = page(demo(), lang, "meetings", "regionarts-06-online")
    assert facts(replacement)[replaces]
    assert replacement.find("a", href="../regionarts-06-rovaniemi/")
    network = page(demo(), lang, "networks", "regionarts")
    item = network.find("a", href="../../meetings/regionarts-06-rovaniemi/").find_parent("li")
    assert cancelled in item.select_one(".ph-badge").get_text()
    assert item.select_one(".ph-replaced a")["href"] == "../../meetings/regionarts-06-online/"


def test_cancelled_meeting_in_the_catalogue_and_the_map():
    doc = catalogue(demo(), "en", "meetings")
    row = doc.find("table").find("a", href="regionarts-06-rovaniemi/").find_parent("tr")
    assert "Cancelled · replaced by" in row.get_text(" ", strip=True)
    point = doc.select_one('.ph-map__point[href="regionarts-06-rovaniemi/"]')
    assert point is None or "Cancelled" in point["aria-label"]
    listed = doc.select_one('.ph-map__list [href="regionarts-06-rovaniemi/"]').find_parent("li")
    assert "Cancelled" in listed.get_text()


# --- the map and lists classify by format, list what has no coordinates ------------------

def test_meetings_map_groups_by_format_not_by_coordinates():
    doc = catalogue(demo(), "en", "meetings")
    groups = {g.select_one(".ph-map__group").get_text(): [a["href"] for a in g.select("a")]
              for g in doc.select("[data-ph-map-group]")}
    online = groups["Online meetings"]
    # an online meeting with a host is online, not at its host
    assert "digi-inclusion-alexandroupoli-ulg-3/" in online and "regionarts-06-online/" in online
    assert "digi-inclusion-alexandroupoli-ulg-3/" not in groups["Greece"]
    # a meeting at a place that is not a partner is on the map where it was
    assert "breaking-isolation-06-brussels/" in groups["Belgium"]
    assert all("online" not in href for href in groups["Belgium"])


def test_partners_without_coordinates_are_still_listed():
    doc = catalogue(demo(), "en", "partners")
    unplaced = next(g for g in doc.select("[data-ph-map-group]")
                    if g.select_one(".ph-map__group").get_text() == "Partners without a place on the map")
    hrefs = [a["href"] for a in unplaced.select("a")]
    assert "sern/" in hrefs and "york/" in hrefs
    assert doc.find("table").find("a", href="sern/")


# --- networks: type, phases, budget, outputs, people, other names ------------------------

@pytest.mark.parametrize("lang, kind, budget, other", [
    ("en", "Interregional cooperation project", "€1,635,670.00", "other source"),
    ("el", "Έργο διαπεριφερειακής συνεργασίας", "1.635.670,00\xa0€", "άλλη πηγή"),
])
def test_network_page_shows_type_phases_budget_and_alternatives(lang, kind, budget, other):
    doc = page(demo(), lang, "networks", "regionarts")
    values = " ".join(fact_values(doc))
    assert kind in values and budget in values
    alternative = next(a for a in doc.select(".ph-alt") if "85% EU co-financed" in a.get_text())
    assert other in alternative.get_text()
    assert alternative.find("a")["href"].startswith("https://enterkoprivnica.hr/")
    assert len(doc.find(id="phases").find_next("ol").find_all("li")) == 2
    outputs = doc.find(id="outputs-network").find_next("ul")
    assert outputs.find("a", href="../../outputs/regionarts-action-plan-lapland/")
    assert "RegionARTS" in doc.select_one(".ph-other-names").get_text()


@pytest.mark.parametrize("lang, heading, role", [("en", "People", "Lead expert"),
                                                 ("el", "Πρόσωπα", "Επικεφαλής εμπειρογνώμονας")])
def test_one_person_linked_from_two_networks(lang, heading, role):
    for network in ("digi-inclusion", "genius-open"):
        doc = page(demo(), lang, "networks", network)
        section = doc.find("h2", string=heading).find_next("ul")
        link = section.find("a", href="../../people/ian-graham/")
        assert link is not None, network
    digi = page(demo(), lang, "networks", "digi-inclusion").find("h2", string=heading).find_next("ul")
    assert role in digi.get_text()
    person = page(demo(), lang, "people", "ian-graham")
    roles = person.find(id="roles").find_next("ul")
    assert roles.find("a", href="../../networks/digi-inclusion/") and roles.find("a", href="../../networks/genius-open/")


@pytest.mark.parametrize("lang, kind", [("en", "Action plan"), ("el", "Σχέδιο δράσης")])
def test_output_page(lang, kind):
    doc = page(demo(), lang, "outputs", "regionarts-action-plan-lapland")
    values = fact_values(doc)
    assert kind in values
    assert doc.find("a", href="../../networks/regionarts/") and doc.find("a", href="../../partners/university-of-lapland/")
    assert doc.find("a", href="https://readkong.com/page/how-to-boost-arts-ict-action-plan-series-1786769")


@pytest.mark.parametrize("lang, population", [("en", "76,817 (2011)"), ("el", "76.817 (2011)")])
def test_population_with_the_figure_another_source_gives(lang, population):
    value = facts(page(demo(), lang, "partners", "serres"))[{"en": "Population", "el": "Πληθυσμός"}[lang]]
    assert value.startswith(population) and "167,374 (2018)" in value


def test_misspelling_is_marked_and_found_by_search():
    doc = page(demo(), "en", "partners", "serres")
    names = doc.select_one(".ph-other-names").get_text(" ", strip=True)
    assert "Cerres" in names and "misspelling found in a public source" in names
    meta = doc.select_one(".ph-search-meta").get_text(" ")
    assert "Cerres" in meta
    kepa = page(demo(), "el", "partners", "kepa").select_one(".ph-search-meta").get_text(" ")
    assert "KEPA-ANEM" in kepa and "ΚΕΠΑ – ΑΝΕΜ" in kepa


def test_practice_labels_status_unknown_and_meetings_where_presented():
    doc = page(demo(), "en", "practices", "incredibol")
    values = facts(doc)
    assert values["Labels"] == "Interreg Europe good practice" and values["Status"] == "Status unknown"
    presented = doc.find(id="presented-at").find_next("div")
    assert presented.find("a", href="../../meetings/regionarts-01-bologna/")
    visited = page(demo(), "el", "practices", "labattoir").find(id="presented-at").find_next("div")
    assert visited.find("a", href="../../meetings/regionarts-04-thessaloniki/")


# --- small hubs for what the demo does not have ------------------------------------------

def _hub(tmp_path, files: dict[str, str]):
    root = tmp_path / "hub"
    shutil.copytree(ROOT / "data", root / "data")
    for name, text in files.items():
        (root / "data" / name).write_text(text, encoding="utf-8")
    hub = load_hub(root, today=TODAY)
    assert not hub.errors, [p.as_text() for p in hub.errors]
    return hub


_MEETING = ("id: {id}\nnetwork: {network}\nkind: local-group\ntitle: {{en: Joint meeting, el: Κοινή συνάντηση, "
            "fr: Réunion commune}}\nhost: alexandroupoli\nstart: 2024-05-29\n{extra}")
_PRACTICE = ("id: {id}\ntitle: {{en: {title}, el: {title}, fr: {title}}}\nowners: [{owner}]\nthemes: [social-isolation]\n"
             "status: ongoing\nsummary: {{en: Visits., el: Επισκέψεις., fr: Visites.}}\n{extra}")


def test_joint_meeting_is_on_both_networks(tmp_path):
    hub = _hub(tmp_path, {"meetings/joint.yml": _MEETING.format(
        id="joint", network="[digi-inclusion, breaking-isolation]", extra="number: [5, 6]\n")})
    doc = page(hub, "en", "meetings", "joint")
    values = facts(doc)
    assert values["Networks"] == "DIGI-INCLUSION , Breaking Isolation" and values["Number"] == "5, 6"
    for network, other in (("digi-inclusion", "Breaking Isolation"), ("breaking-isolation", "DIGI-INCLUSION")):
        item = page(hub, "el", "networks", network).find("a", href="../../meetings/joint/").find_parent("li")
        assert other in item.get_text()  # the other network is named, the page's own is not


@pytest.mark.parametrize("lang, from_heading, by_heading, changed", [
    ("en", "Adapted from", "Adapted by", "What was changed"),
    ("el", "Προσαρμογή της πρακτικής", "Προσαρμόστηκε από", "Τι άλλαξε")])
def test_lineage_both_ways(tmp_path, lang, from_heading, by_heading, changed):
    hub = _hub(tmp_path, {"practices/jumilla-visits.yml": _PRACTICE.format(
        id="jumilla-visits", title="Neighbour visits in Jumilla", owner="jumilla",
        extra="adapted_from: serres-volunteer-platform\nadaptation: {en: Fewer volunteers., el: Λιγότεροι εθελοντές., "
              "fr: Moins de bénévoles.}\n")})
    child = page(hub, lang, "practices", "jumilla-visits")
    assert facts(child)[from_heading] == page(hub, lang, "practices", "serres-volunteer-platform").h1.get_text()
    assert child.find(id="adaptation").get_text() == changed
    parent = page(hub, lang, "practices", "serres-volunteer-platform")
    assert parent.find(id="adapted-by").get_text() == by_heading
    assert parent.find(id="adapted-by").find_next("ul").find("a", href="../jumilla-visits/")


def test_next_wave_both_ways(tmp_path):
    text = (ROOT / "data" / "networks" / "genius-open.yml").read_text(encoding="utf-8")
    wave = text.replace("id: genius-open", "id: genius-open-2").replace(
        "partners:\n", "follows: genius-open\npartners:\n").split("alternatives:")[0]
    hub = _hub(tmp_path, {"networks/genius-open-2.yml": wave})
    assert facts(page(hub, "en", "networks", "genius-open-2"))["Follows"] == "Genius: Open"
    assert facts(page(hub, "el", "networks", "genius-open"))["Συνέχεια"] == "Genius: Open"


def test_a_person_without_consent_is_nowhere(tmp_path):
    hub = _hub(tmp_path, {
        "people/private.yml": "id: private\nname: {en: Private Person, el: Ιδιώτης, fr: Particulier}\n"
                              "roles:\n  - {role: contact-person, network: breaking-isolation}\n"
                              "email: private@example.org\n",
        "people/named.yml": "id: named\nname: {en: Named Person, el: Επώνυμος, fr: Nommé}\npublish: [name]\n"
                            "roles:\n  - {role: contact-person, network: breaking-isolation}\n"
                            "email: named@example.org\nphone: \"+30 2321 000000\"\n",
        "people/consented.yml": "id: consented\nname: {en: Consented Person, el: Συναινών, fr: Consentant}\n"
                                "publish: all\nroles:\n  - {role: contact-person, network: breaking-isolation}\n"
                                "email: consented@example.org\n"})
    for audience in ("public", "partners"):
        rel = build_relations(hub, audience)
        assert "private" not in rel.records["people"]
        assert rel.records["people"]["named"].email is None and not rel.records["people"]["named"].roles
    network = str(page(hub, "en", "networks", "breaking-isolation"))
    assert "Private Person" not in network and "Named Person" not in network  # roles not consented
    assert "Consented Person" in network
    named = str(page(hub, "en", "people", "named"))
    assert "named@example.org" not in named and "2321" not in named
    consented = page(hub, "en", "people", "consented")
    assert "consented@example.org" not in str(consented)  # never as plain text
    email = consented.select_one(".ph-email")
    assert email["data-user"] == "consented" and email["data-domain"] == "example.org"
    assert email["data-pagefind-ignore"] == "all"
