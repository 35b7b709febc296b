"""``claimx report``: one self-contained HTML file to share. It holds each article's text with its
claims highlighted, a claim list filtered by speaker, type and outlet, the speakers and outlets
tables and bar charts of the most-quoted speakers and most-cited outlets.

Nothing is fetched: the styles and the script are written into the page (and its Content
Security Policy forbids loading anything), and every character that comes from an article or a
record is escaped, since an article is untrusted input."""
from __future__ import annotations

from html import escape
from importlib import resources
from typing import Iterable, Optional, Sequence

from ..schema import Claim, Document
from .colours import speaker_colours
from .corpus import UNKNOWN, Corpus
from .sources import sort_rows

#: Bars in each chart.
CHART_ROWS = 10
CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
       "img-src data:; base-uri 'none'; form-action 'none'")
NO_OUTLET = "(no outlet)"


def _asset(name: str) -> str:
    return (resources.files("claimx.views") / "assets" / name).read_text(encoding="utf-8")


def _e(value) -> str:
    return escape("" if value is None else str(value), quote=True)


class _Page:
    """The documents of a report with what every part of the page needs: each claim's speaker
    row and colour."""

    def __init__(self, documents: Sequence[Document]):
        self.documents = documents
        self.corpus = Corpus()
        for d in documents:
            self.corpus.add(d)
        self.speakers = self.corpus.speakers()
        self.outlets = self.corpus.outlets()
        self.colours = speaker_colours(r.name for r in self.speakers)

        self.rows = {r.name: r for r in self.speakers}

    def speaker_of(self, claim: Claim) -> Optional[str]:
        return self.corpus.label_of(claim)

    def colour_of(self, claim: Claim) -> str:
        return self.colours.get(self.speaker_of(claim), self.colours[None])

    def claim_data(self, claim: Claim, cid: str) -> str:
        """The attributes that let the script filter a claim and say who made it."""
        label = self.speaker_of(claim)
        sp, row = claim.speaker, self.rows.get(label)
        role = (sp and sp.role) or (row.role if row and label else None)
        return (f'data-claim="{cid}" data-speaker="{_e(label or UNKNOWN)}" '
                f'data-type="{_e(claim.type)}" '
                f'data-outlet="{_e(claim.outlet.name if claim.outlet else NO_OUTLET)}" '
                f'data-role="{_e(role)}" data-kind="{_e(sp.kind if sp else "")}" '
                f'data-mention="{_e(sp.mention if sp else "")}" data-cue="{_e(claim.cue.text)}" '
                f'data-confidence="{claim.confidence:.2f}" style="--c:{self.colour_of(claim)}"')


def _segments(text: str, claims: Sequence[Claim]) -> list[tuple[int, int, Optional[int], dict]]:
    """The text cut where any span starts or ends: (start, end, the innermost claim whose
    content holds it or None, the kinds of span it is in, speaker, cue or outlet, each with the
    first claim it belongs to)."""
    cuts = {0, len(text)}
    for c in claims:
        cuts |= {c.content.start, c.content.end, c.cue.start, c.cue.end}
        if c.speaker:
            cuts |= {c.speaker.start, c.speaker.end}
        if c.outlet:
            cuts |= {c.outlet.start, c.outlet.end}
    cuts = sorted(x for x in cuts if 0 <= x <= len(text))
    out = []
    for a, b in zip(cuts, cuts[1:]):
        holders = [(c.content.end - c.content.start, i) for i, c in enumerate(claims)
                   if c.content.start <= a and b <= c.content.end]
        inner = min(holders)[1] if holders else None
        kinds: dict = {}
        for i, c in enumerate(claims):
            if c.cue.start <= a and b <= c.cue.end:
                kinds.setdefault("cue", i)
            if c.speaker and c.speaker.start <= a and b <= c.speaker.end:
                kinds.setdefault("speaker", i)
            if c.outlet and c.outlet.start <= a and b <= c.outlet.end:
                kinds.setdefault("outlet", i)
        out.append((a, b, inner, kinds))
    return out


def article_html(page: _Page, document: Document, number: int) -> str:
    """The text of one article with every claim a <mark> in its speaker's colour."""
    text = document.text or ""
    claims = document.claims
    parts, open_claim = [], None
    for a, b, inner, kinds in _segments(text, claims):
        if inner != open_claim:
            if open_claim is not None:
                parts.append("</mark>")
            if inner is not None:
                c = claims[inner]
                parts.append(f'<mark class="claim" tabindex="0" '
                             f'{page.claim_data(c, f"a{number}-c{inner + 1}")}>'
                             f'<sup class="n">{inner + 1}</sup>')
            open_claim = inner
        piece = _e(text[a:b])
        for kind in ("outlet", "cue", "speaker"):
            if kind in kinds:
                colour = page.colour_of(claims[kinds[kind]]) if kind == "speaker" else None
                style = f' style="--c:{colour}"' if colour else ""
                piece = f'<span class="{kind}"{style}>{piece}</span>'
        parts.append(piece)
    if open_claim is not None:
        parts.append("</mark>")
    title = (document.metadata or {}).get("title")
    heading = _e(document.source) + (f' <span class="title">{_e(title)}</span>' if title else "")
    n = len(claims)
    return (f'<article class="article" id="a{number}"><h3>{heading} '
            f'<span class="count">{n} claim{"s" if n != 1 else ""}</span></h3>'
            f'<div class="text">{"".join(parts)}</div></article>')


def claim_list_html(page: _Page) -> str:
    items = []
    for number, document in enumerate(page.documents, 1):
        for i, c in enumerate(document.claims, 1):
            cid = f"a{number}-c{i}"
            label = page.speaker_of(c) or UNKNOWN
            outlet = (f' <span class="via">via <b>{_e(c.outlet.name)}</b></span>'
                      if c.outlet else "")
            items.append(
                f'<li class="claim-item" id="item-{cid}" {page.claim_data(c, cid)}>'
                f'<div class="meta"><span class="swatch"></span><b class="who">{_e(label)}</b> '
                f'<span class="cue">{_e(c.cue.text)}</span> <span class="type t-{_e(c.type)}">'
                f'{_e(c.type)}</span>{outlet} <span class="conf">{c.confidence:.2f}</span> '
                f'<a class="goto" href="#{cid}">{_e(document.source)} #{i}</a></div>'
                f'<div class="content">{_e(c.content.text)}</div></li>')
    return f'<ol id="claim-list">{"".join(items)}</ol>'


def _options(values: Iterable[tuple[str, int]]) -> str:
    return "".join(f'<option value="{_e(v)}">{_e(v)} ({n})</option>' for v, n in values)


def filters_html(page: _Page) -> str:
    claims = [c for d in page.documents for c in d.claims]
    types = [(t, sum(c.type == t for c in claims)) for t in ("direct", "indirect", "mixed")]
    outlets = [(r.name, r.claims) for r in page.outlets]
    without = sum(c.outlet is None for c in claims)
    if without:
        outlets.append((NO_OUTLET, without))
    speakers = [(r.label, r.claims) for r in page.speakers]
    select = '<label>{0} <select id="filter-{1}" data-field="{1}"><option value="">all</option>{2}</select></label>'
    return ('<div class="filters">' + select.format("Speaker", "speaker", _options(speakers))
            + select.format("Type", "type", _options([t for t in types if t[1]]))
            + select.format("Outlet", "outlet", _options(outlets))
            + f'<span id="claim-count">{len(claims)} of {len(claims)} claims</span></div>')


def _bars(rows: Sequence[tuple[str, int, str]], title: str, cid: str) -> str:
    top = max((n for _, n, _ in rows), default=1)
    bars = "".join(
        f'<div class="bar"><span class="label" title="{_e(name)}">{_e(name)}</span>'
        f'<span class="track"><span class="fill" style="width:{100 * n / top:.1f}%;'
        f'background:{colour}"></span></span><span class="value">{n}</span></div>'
        for name, n, colour in rows)
    return f'<figure class="chart" id="{cid}"><figcaption>{title}</figcaption>{bars or "<p>none</p>"}</figure>'


def charts_html(page: _Page) -> str:
    speakers = [(r.label, r.claims, page.colours.get(r.name)) for r in page.speakers
                if r.name is not None][:CHART_ROWS]
    outlets = [(r.name, r.claims, "#6b6b6b") for r in page.outlets][:CHART_ROWS]
    return ('<div class="charts">' + _bars(speakers, "Most-quoted speakers (claims)", "chart-speakers")
            + _bars(outlets, "Most-cited outlets (claims carried)", "chart-outlets") + "</div>")


def speakers_html(page: _Page) -> str:
    rows = "".join(
        f'<tr><td><span class="swatch" style="--c:{page.colours.get(r.name)}"></span>'
        f'<b>{_e(r.label)}</b>{"<br><small>" + _e(r.role) + "</small>" if r.role else ""}</td>'
        f'<td>{_e(r.kind)}</td><td class="num">{r.claims}</td><td class="num">{r.articles}</td>'
        f'<td class="num">{r.direct_share:.0%}</td><td>{_e(", ".join(r.outlets))}</td>'
        f'<td><small>{_e(", ".join(r.variants))}</small></td></tr>'
        for r in sort_rows(page.speakers))
    return ('<table id="speakers-table"><thead><tr><th>speaker</th><th>kind</th><th>claims</th>'
            '<th>articles</th><th>direct</th><th>outlets</th><th>names used</th></tr></thead>'
            f'<tbody>{rows}</tbody></table>')


def outlets_html(page: _Page) -> str:
    rows = "".join(
        f'<tr><td><b>{_e(r.name)}</b></td><td class="num">{r.claims}</td>'
        f'<td class="num">{r.articles}</td>'
        f'<td>{_e(", ".join(f"{s} ({n})" for s, n in r.speakers))}</td></tr>'
        for r in page.outlets)
    return ('<table id="outlets-table"><thead><tr><th>outlet</th><th>claims</th><th>articles</th>'
            f'<th>speakers cited through it</th></tr></thead><tbody>{rows}</tbody></table>'
            if rows else '<p>No claim reached its article through a news outlet.</p>')


def build_report(documents: Sequence[Document], title: str = "claimx report") -> str:
    """The report of ``documents`` (each with its text) as one HTML page."""
    page = _Page(documents)
    n_claims = sum(len(d.claims) for d in documents)
    named = sum(1 for r in page.speakers if r.name is not None)
    summary = (f"{len(documents)} article{'s' if len(documents) != 1 else ''} · {n_claims} claims · "
               f"{named} speakers · {len(page.outlets)} outlets")
    articles = "".join(article_html(page, d, i) for i, d in enumerate(documents, 1))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}</title><style>{_asset("report.css")}</style></head>
<body><header><h1>{_e(title)}</h1><p id="summary">{summary}</p>
<nav><a href="#charts">charts</a> <a href="#claims">claims</a> <a href="#articles">articles</a>
<a href="#speakers">speakers</a> <a href="#outlets">outlets</a></nav></header>
<main>
<section id="charts"><h2>Who is quoted</h2>{charts_html(page)}</section>
<section id="claims"><h2>Claims</h2>{filters_html(page)}{claim_list_html(page)}</section>
<section id="articles"><h2>Articles</h2>
<p class="hint">Click a highlight to see who makes the claim.</p>{articles}</section>
<section id="speakers"><h2>Speakers</h2>{speakers_html(page)}</section>
<section id="outlets"><h2>Outlets</h2>{outlets_html(page)}</section>
</main>
<aside id="claim-info" role="status" aria-live="polite" hidden></aside>
<script>{_asset("report.js")}</script>
</body></html>
"""
