"""The other languages' passes in forked processes (partnerhub/passes.py)."""

from __future__ import annotations

import pytest

from partnerhub.passes import LanguagePasses


class Refused(Exception):
    pass


def _run(lang: str) -> None:
    if lang == "fr":
        raise Refused("fr: a message that says it all")
    if lang == "de":
        raise KeyError("unexpected")


@pytest.mark.skipif(not LanguagePasses.can_fork(["el"]), reason="one core: the passes run one after the other")
def test_failed_passes_are_named_and_the_others_finish(caplog):
    passes = LanguagePasses()
    passes.start(["el", "fr", "de"], _run, reported=(Refused,))
    assert passes
    assert sorted(passes.join()) == ["de", "fr"]
    assert not passes and passes.join() == []


def test_no_languages_no_processes():
    assert not LanguagePasses.can_fork([])
    passes = LanguagePasses()
    passes.wait_for_clean_folders()
    passes.stop()
    assert passes.join() == []
