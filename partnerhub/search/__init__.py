"""Search: the Pagefind indexer (``pagefind.py``) and what it indexes (``policy.py``)."""
