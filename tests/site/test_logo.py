"""The hub's logo (data/hub.yml `logo`): checked and re-encoded by the media pipeline,
published in its header sizes only because hub.yml uses it, shown decorative (alt="") beside
the hub's name in the header of every page of every language, the name still readable on a
320 px phone; without a logo the header keeps the theme's mark. The settings' rules and
their messages are cases in tests/validation/validation_support.py (hub_logo_*)."""

from __future__ import annotations

import io
import posixpath
from urllib.parse import urljoin, urlsplit
from pathlib import Path
from types import SimpleNamespace

import pytest
from PIL import Image

from partnerhub.media import PHOTO, inspect, logo_variants, publish
from partnerhub.render.hub_values import header_logo
from tests.media import makers
from tests.support.site import build_site, copy_hub, serve


def _logo(root: Path, size=(300, 100)) -> object:
    makers.put(root, "logo.png", makers.png(size, text=True))
    return inspect(root, "media/logo.png", PHOTO)


def test_the_logo_is_published_at_its_header_sizes(tmp_path):
    logo = _logo(tmp_path)
    assert [(v.width, v.height) for v in logo_variants(logo)] == [(120, 40), (240, 80)]
    nothing = publish(tmp_path, [], tmp_path / "site")
    assert nothing.written == ()
    result = publish(tmp_path, [], tmp_path / "site", logos=[logo])
    assert not result.problems
    assert [Path(p).name for p in result.written] == [Path(v.path).name for v in logo_variants(logo)]
    for variant in logo_variants(logo):
        with Image.open(tmp_path / "site" / variant.path) as image:
            assert image.size == (variant.width, variant.height)
            assert "Author" not in image.info and "GPS" not in image.info  # re-encoded from its pixels


def test_a_logo_is_never_upscaled(tmp_path):
    small = _logo(tmp_path, (90, 60))
    assert [(v.width, v.height) for v in logo_variants(small)] == [(60, 40), (90, 60)]


def test_a_photo_that_is_also_the_logo_is_published_once_per_size(tmp_path):
    logo = _logo(tmp_path, (240, 80))
    result = publish(tmp_path, [logo], tmp_path / "site", logos=[logo])
    assert not result.problems
    assert len(result.written) == len(set(result.written)) == 2  # 240 px is both a photo and a logo size


def test_header_values(tmp_path):
    logo = _logo(tmp_path)
    hub = SimpleNamespace(config=SimpleNamespace(logo="media/logo.png"),
                          media=SimpleNamespace(files={"media/logo.png": logo}))
    values = header_logo(hub)
    assert values["width"] == 120 and values["height"] == 40
    assert [s["density"] for s in values["srcset"]] == ["1x", "2x"]
    assert values["src"] == values["srcset"][-1]["path"]
    assert header_logo(SimpleNamespace(config=SimpleNamespace(logo=None), media=hub.media)) is None
    unchecked = SimpleNamespace(config=SimpleNamespace(logo="media/logo.png"), media=SimpleNamespace(files={}))
    assert header_logo(unchecked) is None  # a file that failed its checks is never shown


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if not p.relative_to(site).parts[0] in ("pagefind", "assets"))


def _target(site: Path, page: Path, url: str) -> Path:
    """The file ``url`` leads to from ``page``, resolved as a browser does (at the root of
    the host, ``..`` stays there)."""
    address = urljoin("http://hub.test/" + page.relative_to(site).as_posix(), url)
    return site / posixpath.normpath(urlsplit(address).path).lstrip("/")


@pytest.mark.slow
def test_every_page_shows_the_logo_beside_the_name(site):
    """The demo sets a logo: every page of every language (MkDocs' pages and the record
    pages filled into the shell, 404 pages too) shows it, decorative, its files published."""
    from bs4 import BeautifulSoup

    pages = _pages(site)
    assert len(pages) > 100 and any(p.parts[-3] == "practices" for p in pages)
    used = set()
    for page in pages:
        doc = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        home = doc.select_one(".ph-header__home")
        images = home.select("img")
        assert len(images) == 1, page
        image = images[0]
        assert image["alt"] == "" and home.select_one(".ph-header__name").get_text(strip=True), page
        assert int(image["height"]) == 40 and int(image["width"]) > 0
        urls = [image["src"]] + [part.split()[0] for part in image["srcset"].split(",")]
        for url in urls:
            target = _target(site, page, url)
            assert target.is_file(), (page, url)
            used.add(target.name)
    published = {p.name for p in (site / "media").glob("hub-logo-*")}
    assert published and published == used


@pytest.mark.slow
def test_without_a_logo_the_header_keeps_the_mark(tmp_path):
    from bs4 import BeautifulSoup

    hub = copy_hub(tmp_path / "hub")
    settings = hub / "data" / "hub.yml"
    settings.write_text("".join(line for line in settings.read_text(encoding="utf-8").splitlines(keepends=True)
                                if not line.startswith("logo:")), encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(hub, site, PARTNERHUB_CACHE=str(tmp_path / "cache"))
    assert result.returncode == 0, result.stdout + result.stderr
    for url in ("index.html", "el/index.html", "el/practices/serres-volunteer-platform/index.html"):
        home = BeautifulSoup((site / url).read_text(encoding="utf-8"), "html.parser").select_one(".ph-header__home")
        assert home.select_one(".ph-header__logo svg[aria-hidden=true]") and not home.select("img"), url
    assert not list((site / "media").glob("hub-logo-*")), "published though hub.yml does not use it"


@pytest.fixture(scope="module")
def wide_logo_site(tmp_path_factory):
    """The demo with the widest logo the settings allow (3:1)."""
    root = tmp_path_factory.mktemp("wide-logo")
    hub = copy_hub(root / "hub")
    image = Image.new("RGB", (300, 100), (255, 255, 255))
    image.paste((11, 58, 110), (10, 10, 90, 90))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    (hub / "data" / "media" / "hub-logo.png").write_bytes(buffer.getvalue())
    site = root / "site"
    result = build_site(hub, site, PARTNERHUB_CACHE=str(root / "cache"))
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(site) as url:
        yield url


_HEADER = """() => {
  const name = document.querySelector('.ph-header__name'), img = document.querySelector('.ph-header__logo img');
  const text = name.firstChild, range = document.createRange(), broken = [];
  let at = 0;
  for (const word of text.textContent.split(' ')) {
    range.setStart(text, at); range.setEnd(text, at + word.length);
    if (range.getClientRects().length > 1) broken.push(word);
    at += word.length + 1;
  }
  const box = img.getBoundingClientRect();
  return {broken, overflow: document.documentElement.scrollWidth > window.innerWidth,
          fontSize: parseFloat(getComputedStyle(name).fontSize), logo: [box.width, box.height],
          loaded: img.complete && img.naturalWidth > 0, source: img.currentSrc};
}"""


@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("prefix", ["", "el/", "el/practices/serres-volunteer-platform/"])
def test_the_name_stays_readable_beside_a_wide_logo(browser, wide_logo_site, width, prefix):
    context = browser.new_context(viewport={"width": width, "height": 700}, device_scale_factor=2)
    try:
        page = context.new_page()
        page.goto(wide_logo_site + prefix)
        found = page.evaluate(_HEADER)
    finally:
        context.close()
    assert not found["broken"], f"words of the name broken across lines: {found['broken']}"
    assert not found["overflow"] and found["fontSize"] >= 14
    assert found["loaded"] and found["source"].endswith("-240.png")  # the 2x size (80 px tall) on a 2x screen
    assert found["logo"][1] >= 20 and found["logo"][0] <= 0.25 * width
