"""Web pages: telling HTML from plain text, and reducing a saved page to its article's text and
metadata (site name, title, author, date) with trafilatura.

Only the page's own text is used: it is parsed here with a parser that never touches the
network and handed to trafilatura as a tree, so no address in the page (a canonical link, an
image, a refresh, a page that is nothing but a URL) is ever fetched.
"""
from __future__ import annotations

import html as html_escapes
import logging
import re
from collections import Counter
from html.parser import HTMLParser
from typing import Optional

import lxml.etree
import lxml.html

#: File names read as web pages whatever their content.
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
#: The metadata a page record carries, in this order.
METADATA_KEYS = ("site_name", "title", "author", "date", "url")

# What a page starts with: an XML declaration, comments, then a doctype or one of the tags an
# HTML document opens with.
_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title[\s>])",
    re.IGNORECASE | re.DOTALL)
_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""\A\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
# Browsers read these labels as Windows-1252 (the WHATWG encoding standard), and so do we.
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii",
              "windows-1252", "cp1252", "x-cp1252"}
# Elements that never hold article text, and those that end a line, for the fallback below.
_NOT_TEXT = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object", "form",
             "nav", "button", "select", "textarea")
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote",
           "section", "article", "header", "footer", "aside", "figcaption", "pre", "dd", "dt",
           "table", "ul", "ol", "main", "address", "hr")

# trafilatura logs pages it finds no article in as errors; claimx reports an empty text itself,
# in its own words. A handler that drops them keeps Python from printing them on standard error
# when no logging is set up, and leaves them to an application that sets logging up.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML document (judged by how it starts)."""
    return _HTML_START.match(text[:4096]) is not None


def declared_encoding(data: bytes) -> Optional[str]:
    """The character encoding a page declares (``<meta charset>`` or an XML declaration), as a
    Python codec name, or None."""
    head = data[:4096]
    found = _XML_ENCODING.match(head) or _CHARSET.search(head)
    if found is None:
        return None
    label = found.group(1).decode("ascii").lower()
    return "cp1252" if label in _AS_CP1252 else label


def _parse(html: str):
    """The tree of ``html`` (None when it holds nothing parseable, only a doctype, say) and the
    markup it was parsed from.

    ``huge_tree`` lifts libxml2's limits for untrusted XML, which cut a page off silently at
    the 257th level of nesting (thousands of unclosed ``<div>`` or ``<font>``) or at a text of
    10 MB (a single-page app's state, inlined as JSON). It still stops at 2,048 levels, and
    trafilatura takes seconds over a tree a thousand levels deep: a page nested deeper than
    MAX_DEPTH is parsed again with its nesting flattened."""
    tree, limited = _parse_once(html)
    if limited or (tree is not None and _deeper_than(tree, MAX_DEPTH)):
        html = flatten(html)
        tree = _parse_once(html)[0]
    return tree, html


def _deeper_than(tree, depth: int) -> bool:
    level = 0
    for event, _ in lxml.etree.iterwalk(tree, events=("start", "end")):
        level += 1 if event == "start" else -1
        if level > depth:
            return True
    return False


def _parse_once(html: str):
    parser = lxml.html.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True,
                                  remove_pis=True, recover=True, huge_tree=True)
    try:
        tree = lxml.html.document_fromstring(html.encode("utf-8", "surrogatepass"), parser=parser)
    except (lxml.etree.ParserError, ValueError):  # nothing parseable, e.g. only a doctype
        tree = None
    return tree, any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)


# Elements without an end tag, and those a new one of the same name closes.
_VOID = frozenset("area base br col embed hr img input keygen link meta param source track wbr".split())
_SELF_CLOSING = frozenset("p li dt dd option tr td th".split())
_RAW = ("script", "style")
#: Nesting kept by :func:`flatten`: elements open at once, and of one name; and the depth of a
#: page beyond which it is flattened (libxml2's own limit; news pages nest a few dozen levels).
FLAT_DEPTH, FLAT_SAME, MAX_DEPTH = 128, 16, 256


class _Flattener(HTMLParser):
    """Markup as it comes, less the start and end tags that would nest deeper than FLAT_DEPTH
    elements, or FLAT_SAME of one name (dropped blocks between two texts become a line
    break)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []
        self.counts: Counter = Counter()
        self.dropped: Counter = Counter()
        self.raw = False  # inside a script or a style, whose text is not markup
        self.break_due = False  # a block was dropped since the last text

    def _pop_to(self, tag: str) -> None:
        while self.open:
            name = self.open.pop()
            self.counts[name] -= 1
            if name == tag:
                return

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            self.out.append(self.get_starttag_text())
            return
        if tag in _SELF_CLOSING and self.counts[tag]:
            self._pop_to(tag)
        # a script or a style is kept wherever it is: its text is code, never article text
        if (len(self.open) >= FLAT_DEPTH or self.counts[tag] >= FLAT_SAME) and tag not in _RAW:
            self.dropped[tag] += 1
            self.break_due = self.break_due or tag in _BLOCKS
            return
        self.open.append(tag)
        self.counts[tag] += 1
        self.raw = tag in _RAW
        self.break_due = self.break_due and tag not in _BLOCKS  # a block is a break of its own
        self.out.append(self.get_starttag_text())

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.raw = False
        if self.dropped[tag]:
            self.dropped[tag] -= 1
            self.break_due = self.break_due or tag in _BLOCKS
            return
        if self.counts[tag]:
            self._pop_to(tag)
        self.break_due = self.break_due and tag not in _BLOCKS
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if self.break_due and not self.raw and not data.isspace():
            self.out.append("<br>")
            self.break_due = False
        self.out.append(data if self.raw else html_escapes.escape(data, quote=False))

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")


def flatten(html: str) -> str:
    """``html`` with its nesting cut down to what a parser takes: elements nested deeper than
    FLAT_DEPTH, or more than FLAT_SAME of one name, lose their tags but keep their text."""
    flattener = _Flattener()
    flattener.feed(html)
    flattener.close()
    return "".join(flattener.out)


def _fallback_text(tree) -> str:
    """The visible text of a page, one line per block: for pages trafilatura finds no article in
    (a fragment, a bare list of paragraphs)."""
    for element in list(tree.iter(*_NOT_TEXT)):
        parent = element.getparent()
        if parent is not None:
            element.drop_tree()
    for element in tree.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in tree.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def page_text(html: str) -> tuple[str, dict]:
    """The article of a web page as plain text (one line per paragraph, the headline first) and
    its metadata: ``site_name``, ``title``, ``author``, ``date`` (YYYY-MM-DD) and ``url``, each
    None when the page does not say."""
    import trafilatura  # imported on first use: plain-text runs never pay for it

    metadata = dict.fromkeys(METADATA_KEYS)
    tree, html = _parse(html)
    if tree is None:
        return "", metadata
    # dates only from what the page states about itself, never guessed from its text
    dates = {"extensive_search": False, "original_date": True}
    try:
        document = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False,
                                               include_images=False, date_extraction_params=dates)
        if document is None:  # no article found: still the page's own metadata
            document = trafilatura.extract_metadata(_parse_once(html)[0], date_config=dates)
    except Exception:  # trafilatura gives up on some malformed pages: fall back, never crash
        document = None
    text = ""
    if document is not None:
        text = (getattr(document, "text", None) or "").strip()
        metadata.update(site_name=document.sitename, title=document.title,
                        author=document.author, date=document.date, url=document.url)
    if not text:
        fresh = _parse_once(html)[0]
        text = _fallback_text(fresh) if fresh is not None else ""
    title = metadata["title"]
    if text and title and " ".join(title.split()) not in " ".join(text[:2000].split()):
        text = f"{title}\n{text}"  # the headline is part of the article, and may hold a claim
    return text, metadata


NO_ARTICLE = "a web page in which no article text was found"
_SCRIPT = re.compile(r"<script[\s>]", re.IGNORECASE)


def no_text_cause(html: str) -> str:
    """Why a page gave no text, as likely as can be told from its markup."""
    if _SCRIPT.search(html):
        return (f"{NO_ARTICLE}: its text may be put in by scripts as a browser shows it; save the "
                f"page from the browser once it has loaded, or its text as plain text")
    return f"{NO_ARTICLE}: it holds no text besides menus, forms and links"
