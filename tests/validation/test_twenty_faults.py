"""Twenty different faults in five files: one run reports all twenty, each at its line."""

from __future__ import annotations

from tests.validation.validation_support import PROBLEM_LINE, copy_base_hub, problem_lines, validate

MEETING = "data/meetings/breaking-isolation-01-agen.yml"
AGEN = "data/partners/agen.yml"
SERRES = "data/partners/serres.yml"
NETWORK = "data/networks/breaking-isolation.yml"
PRACTICE = "data/practices/serres-volunteers.yml"
NEW_MEETING = "data/meetings/breaking-isolation-02-serres.yml"

# (file, text to replace, replacement)
FAULTS = [
    (MEETING, "kind: transnational", "kind: transnatonal"),
    (MEETING, "number: 1", "number: 01"),
    (MEETING, "host: agen", "host: agenn"),
    (MEETING, "end: 2023-09-13", "end: 2023-09-11"),
    (MEETING, "They agreed on a **work plan**.", "They agreed on a **work plan**.\n    <script>alert(1)</script>"),
    (MEETING, "start: 2023-09-12", "start: 2023-09-12\nvenue: {en: Town hall, de: Rathaus}"),
    (AGEN, "country: FR", "country: fr"),
    (AGEN, "lat: 44.2033", "lat: 144.2033"),
    (AGEN, "kind: municipality", "kind: municipality\nwebiste: https://www.agen.fr"),
    (SERRES, "website: https://www.serres.gr", "website: www.serres.gr"),
    (SERRES, "lon: 23.5484", "lon: east"),
    (SERRES, "country: GR", "country: GR\ncontacts:\n  - name: Social policy office\n    email: office@serres"),
    (NETWORK, "start: 2023-06-01", "start: 2023-06-31"),
    (NETWORK, "{partner: agen, role: lead}", "{partner: agen, role: leader}"),
    (NETWORK, "themes: [social-isolation]", "themes: social-isolation"),
    (PRACTICE, "status: ongoing", "status:"),
    (PRACTICE, "owners: [serres]", "owners: [seres]"),
    (PRACTICE, "network: breaking-isolation", "network: breaking-isolation\nfeatured: on"),
    (PRACTICE, "status:", "status:\nphotos:\n  - file: ../photo.jpg\n    alt: {en: Volunteers, el: Εθελοντές, fr: Bénévoles}"),
]
NEW_FILE = ("id: breaking-isolation-02-serres\nnetwork: breaking-isolation\nkind: transnational\n"
            "title: {en: Serres, el: Σέρρες, fr: Serrès}\nhost: serres\nstart: 2024-03-05\nstart: 2024-03-06\n")

EXPECTED = [
    f"{MEETING}:3:7: error: kind: `transnatonal` is not a term of the meeting-kinds vocabulary: did you mean `transnational`?",
    f"{MEETING}:4:9: error: number: `01` has a leading zero: write the number without it, e.g. `1`",
    f"{MEETING}:9:7: error: host: there is no partner `agenn` (no file data/partners/agenn.yml): did you mean `agen`?",
    f"{MEETING}:11:24: error: venue.de: `de` is not a language of this hub: use one of en, el, fr",
    f"{MEETING}:12:6: error: end: the end date 2023-09-11 is before the start date 2023-09-12: swap them or correct one",
    f"{MEETING}:18:5: error: summary.en: the text holds unsafe markup (<script>): remove it; use Markdown for links and emphasis",
    f"{NEW_MEETING}:7:1: error: start: `start` is written twice (first on line 6): keep only one",
    f"{NETWORK}:4:9: error: themes: should be a list: put each item on its own line starting with `- `",
    f"{NETWORK}:5:17: error: period.start: `2023-06-31` is not a real date: check the day and the month",
    f"{NETWORK}:7:27: error: partners[0].role: `leader` is not allowed here: use one of `lead`, `co-lead`, `partner`, `advisory`, `observer`: "
    "did you mean `lead`?",
    f"{AGEN}:4:1: error: webiste: unknown field `webiste`: did you mean `website`?",
    f"{AGEN}:5:10: error: country: `fr` is not an ISO 3166-1 country code: write it in capitals, `FR`",
    f"{AGEN}:6:20: error: coordinates.lat: `144.2033` is too large: it must be at most 90",
    f"{SERRES}:7:12: error: contacts[0].email: `office@serres` is not a valid e-mail address (The part after the @-sign "
    "is not valid. It should have a period.)",
    f"{SERRES}:8:34: error: coordinates.lon: should be a number, without quotes, e.g. `41.09`",
    f"{SERRES}:9:10: error: website: `www.serres.gr` is not a web address: it must start with `https://` or `http://`",
    f"{PRACTICE}:6:10: error: owners[0]: there is no partner `seres` (no file data/partners/seres.yml): did you mean `serres`?",
    f"{PRACTICE}:8:11: error: featured: `on` is not a yes/no value here: write `true` or `false`",
    f"{PRACTICE}:10:8: error: status: `status` is empty: write a value after the colon (or remove the line if the field is optional)",
    f"{PRACTICE}:12:11: error: photos[0].file: `../photo.jpg` points outside the data/ folder (`..`): put the file under "
    "data/media/ and write `media/…`",
]


def test_twenty_faults_reported_in_one_run(tmp_path):
    root = copy_base_hub(tmp_path)
    for name, old, new in FAULTS:
        path = root / name
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, (name, old)
        path.write_text(text.replace(old, new), encoding="utf-8")
    (root / NEW_MEETING).write_text(NEW_FILE, encoding="utf-8")
    assert len(EXPECTED) == 20
    assert len({line.split(": error: ")[1].split(":")[0] for line in EXPECTED}) >= 15  # different fields

    code, out, err = validate(root)
    lines = problem_lines(out)
    missing = [line for line in EXPECTED if line not in lines]
    assert not missing, "not reported:\n" + "\n".join(missing) + "\n\nreported:\n" + "\n".join(lines)
    assert lines == EXPECTED  # nothing more, in order of file then line
    for line in lines:
        match = PROBLEM_LINE.match(line)
        assert match["file"].startswith("data/") and int(match["line"]) >= 1 and int(match["col"]) >= 1
    assert len({PROBLEM_LINE.match(line)["file"] for line in lines}) == 6
    assert out.splitlines()[-1] == "20 error(s), 0 warning(s)"
    assert code == 1
    assert err == ""
