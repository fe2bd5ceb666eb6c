"""The pull-request check and the preview comment, for GitHub Actions.

``event.py`` reads the pull request's event (its number, the contributor's language from a
``lang:el`` label or a ``lang: el`` line in its description); ``annotate.py`` turns the
whole hub's problems into annotations on the files the pull request changes, one summary
line for errors elsewhere and a Markdown job summary; ``comment.py`` writes the preview
comment with links to the pages the change affects (``partnerhub/render/affected.py``).
"""
