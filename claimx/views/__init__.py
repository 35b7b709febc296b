"""Views for people: the terminal table, an article with its claims highlighted (``show``), who is
quoted across a corpus (``speakers``, ``outlets``) and a self-contained HTML report.

Views start from :class:`claimx.schema.Document` objects: extracted from articles by the library,
or read back from claimx's own results (:mod:`claimx.views.results`), never re-parsed."""
