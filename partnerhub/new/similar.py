"""Does a new record's name look like one the hub already has? (``partnerhub new``)

Names are compared folded and transliterated (``partnerhub.text.to_ascii``), so that
``gdansk`` finds the Gdańsk foundation and ``Πειραιάς``/``pireas`` find Piraeus: equal
names, a name whose every word is in the other's (a city in an organisation's name), or
words spelt nearly alike. Every record type whose ``new`` asks for a ``name`` is checked
(partners, networks, people); the command warns and still writes the file.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from partnerhub.text import to_ascii

_NEAR = 0.75  # SequenceMatcher ratio of two words that look alike (pireas/piraeus: 0.77)
_SHORT = 4  # words shorter than this are compared for equality only
_STOP = {"of", "the", "and", "for", "de", "del", "di", "la", "le", "des", "du", "city", "municipality"}


# spellings of one sound, so that transliterations meet: Πειραιάς -> peiraias -> piraas ~ piraeus -> pireus
_SOUNDS = (("ei", "i"), ("oi", "i"), ("ai", "e"), ("ae", "e"), ("ou", "u"), ("y", "i"), ("ph", "f"), ("kh", "ch"))


def _sound(word: str) -> str:
    for spelling, sound in _SOUNDS:
        word = word.replace(spelling, sound)
    return word


def _words(text: str) -> list[str]:
    return [_sound(w) for w in to_ascii(text).split() if w not in _STOP]


def _names(data: dict) -> list[str]:
    """Every name a raw record holds: its names per language, acronym, city, other names."""
    out = []
    for key in ("name", "acronym", "city"):
        value = data.get(key)
        if isinstance(value, dict):
            out += [v for v in value.values() if isinstance(v, str)]
        elif isinstance(value, str):
            out.append(value)
    for other in data.get("other_names") or []:
        value = other.get("name") if isinstance(other, dict) else other
        if isinstance(value, dict):
            out += [v for v in value.values() if isinstance(v, str)]
        elif isinstance(value, str):
            out.append(value)
    return out


def _word_alike(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < _SHORT:
        return False
    return SequenceMatcher(None, a, b).ratio() >= _NEAR


def alike(new: str, existing: str) -> bool:
    """Whether two names look alike: every word of the shorter one has a look-alike in the other."""
    a, b = _words(new), _words(existing)
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return all(any(_word_alike(w, v) for v in long_) for w in short)


def similar_records(hub, folder: str, name: str, record_id: str | None = None) -> list[str]:
    """Ids of the records of ``folder`` whose id or a name looks like ``name`` (or ``record_id``)."""
    found = []
    for other_id in hub.record_ids(folder):
        if other_id == record_id:
            continue
        data = hub.read_record(folder, other_id) or {}
        candidates = [other_id.replace("-", " "), *_names(data)]
        if any(alike(name, c) or (record_id and alike(record_id.replace("-", " "), c)) for c in candidates):
            found.append(other_id)
    return found
