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
    passes.stop()
    assert passes.join() == []


_PASSES = LanguagePasses()


def _cleaning_pass(lang: str, folder) -> None:
    import time

    time.sleep(0.3)
    (folder / lang).mkdir()  # the pass's folder, emptied
    _PASSES.folder_cleaned(lang)


def _beside_work(folder) -> list[str]:
    return sorted(path.name for path in folder.iterdir())  # every pass's folder is there by now


def _beside_failure() -> None:
    raise ValueError("a broken export")


@pytest.mark.skipif(not LanguagePasses.can_fork(["el"]), reason="one core: the passes run one after the other")
def test_the_process_beside_starts_once_the_folders_are_clean_and_returns_its_result(tmp_path):
    from functools import partial

    _PASSES.start(["el", "fr"], partial(_cleaning_pass, folder=tmp_path))
    _PASSES.start_beside(partial(_beside_work, tmp_path), "listing the folders")
    assert _PASSES.join() == []
    assert _PASSES.result() == ["el", "fr"]


@pytest.mark.skipif(not LanguagePasses.can_fork(["el"]), reason="one core: the passes run one after the other")
def test_a_failure_beside_is_raised(tmp_path):
    from functools import partial

    _PASSES.start(["el"], partial(_cleaning_pass, folder=tmp_path))
    _PASSES.start_beside(_beside_failure, "writing the exports")
    assert _PASSES.join() == []
    with pytest.raises(RuntimeError):
        _PASSES.result()


@pytest.mark.skipif(not LanguagePasses.can_fork(["el"]), reason="one core: the passes run one after the other")
def test_stop_ends_the_process_beside(tmp_path):
    _PASSES.start(["el"], lambda lang: None)  # never says its folder is clean: the process beside waits
    _PASSES.start_beside(lambda: "never", "waiting")
    process = _PASSES.beside[0]
    _PASSES.stop()
    assert not process.is_alive() and _PASSES.beside is None
