"""The search tests use the site fixtures: the demo built once, served on 127.0.0.1, Chromium."""

from tests.site.conftest import *  # noqa: F401,F403
