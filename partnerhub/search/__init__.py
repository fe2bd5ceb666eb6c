"""Search: what each page tells Pagefind (filters, names in every script) and the index build."""
