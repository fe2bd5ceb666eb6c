"""What the search indexes, in one place: the templates mark pages with these attributes
and classes, and the indexer (``partnerhub.search.pagefind``) excludes by them.

* A page is indexed from its element marked :data:`BODY` (record, theme and hand-written
  pages); home and catalogue pages, which only repeat the records, carry :data:`IGNORE`.
* Text shown in another language than the page's (a missing translation) carries
  :data:`IGNORE` too: a French page's index holds French.
* Each record page holds hidden search metadata (class :data:`META_CLASS`): names in
  every script and the filters.
* The **light** index of a large hub keeps titles, facts, headings and the metadata, and
  leaves out the long texts, which the templates mark with class :data:`TEXT_CLASS`.
"""

from __future__ import annotations

from markupsafe import Markup

BODY = Markup("data-pagefind-body")
IGNORE = Markup('data-pagefind-ignore="all"')
META_CLASS = "ph-search-meta"
TEXT_CLASS = "ph-text"  # a block of prose: summary, sections, report, description
CARD_CLASS = "ph-card"

# Left out of every index: the home page repeats the records (it would come first for too
# many queries); cards repeat the summaries of records that have their own page.
EXCLUDE_SELECTORS = [".ph-home", f".{CARD_CLASS} > p", f".{CARD_CLASS} > div"]
# Left out of the light index too: the texts. Measured at 5,000 practices: with the first
# 60 words of each summary kept, a query still fetched 160-440 KB of index chunks; without,
# 40-60 KB (scripts/measure_search.py).
LIGHT_ONLY_EXCLUDES = [f".{TEXT_CLASS}"]
