"""Under `mkdocs serve` pages carry no Content-Security-Policy: the preview server injects an
inline live-reload script that the policy would refuse (partnerhub/render/csp.py)."""

from __future__ import annotations

from partnerhub.render import csp

PAGE = '<html><head><meta charset="utf-8"><title>x</title></head><body><script>go()</script></body></html>'


def test_a_build_gets_the_policy_and_a_preview_does_not():
    assert "Content-Security-Policy" in csp.with_policy(PAGE)
    try:
        csp.set_preview(True)
        assert csp.with_policy(PAGE) == PAGE
    finally:
        csp.set_preview(False)
    assert "Content-Security-Policy" in csp.with_policy(PAGE)


def test_the_adapter_switches_the_preview_on_serve_only():
    import importlib.util
    from pathlib import Path

    from tests.support.site import ROOT

    spec = importlib.util.spec_from_file_location("partnerhub_site_for_test", ROOT / "hooks" / "partnerhub_site.py")
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    try:
        hooks.on_startup("serve", dirty=False)
        assert csp.with_policy(PAGE) == PAGE
        hooks.on_startup("build", dirty=False)
        assert "Content-Security-Policy" in csp.with_policy(PAGE)
    finally:
        csp.set_preview(False)
