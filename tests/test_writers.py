"""The writer of an opinion piece, through the real pipeline: a short op-ed argues in the first
person ("I have argued that ..."), and names its writer in a closing line about them or in a
byline; its "I" is then that writer, named in full. An article that names no writer so, a
closing line about someone else or a reporter who helped, an "I" inside a quotation and "we"
leave it as it was: unnamed, or the person quoted (claimx/writers.py, ``writer`` in
models/referents.yaml)."""
import pytest

from claimx import lexicon
from claimx.context import Context
from claimx.referents import NameResolver
from claimx.speakers import make_speaker

HEADLINE = "The tax plan fails the young.\n\n"
ARGUED = "Congress passed the bill in June. I have argued that the cuts will hurt renters.\n\n"


def first_person(claims_of, text):
    """(mention, name, kind) of the first claim whose speaker is "I" or "we"."""
    sp = next(c.speaker for c in claims_of(text) if c.speaker and c.speaker.mention.lower() in ("i", "we"))
    return sp.mention, sp.name, sp.kind


@pytest.mark.parametrize("text, name", [
    # a closing line about the writer: "is a" and what they are
    (HEADLINE + ARGUED + "The rest is noise.\n\nAna Torres is a senior fellow at the Hudson Center.", "Ana Torres"),
    # ... with an apposition before the verb, and "the author of"
    (HEADLINE + ARGUED + "Ben Hale, a former ambassador, is the author of a book on trade.", "Ben Hale"),
    # ... after a dash, with another verb of such a line; a line about following them after it
    (HEADLINE + ARGUED + "— Tom Farrow writes about energy for the Ledger.\n\nFollow him on Twitter.", "Tom Farrow"),
    # ... a title before the name is no part of it
    (HEADLINE + ARGUED + "Rep. Luis Ortega, D-N.M., was an early backer of the governor.", "Luis Ortega"),
    # a byline under the headline
    (HEADLINE + "By Ana Torres\n\n" + ARGUED, "Ana Torres"),
    (HEADLINE + "Ana Torres | Special to the Ledger\n\n" + ARGUED, "Ana Torres"),
    # a byline in full and a closing line by surname: the same writer, named in full
    (HEADLINE + "By Ana Torres\n\n" + ARGUED + "Torres is a reporter for the Ledger.", "Ana Torres"),
])
def test_i_in_an_op_ed_is_the_writer_it_names(claims_of, text, name):
    assert first_person(claims_of, text) == ("I", name, "person")


@pytest.mark.parametrize("text", [
    # no byline, no closing line: the writer is not named
    HEADLINE + ARGUED + "The rest is noise.",
    # a reporter who helped is not the one whose opinions the article gives
    HEADLINE + ARGUED + "Ana Torres contributed to this report.",
    HEADLINE + ARGUED + "Ana Torres contributed reporting.",
    # a closing line that names no one
    HEADLINE + ARGUED + "Contact the reporter at news@ledger.example.",
    # a closing line about someone the article is about, named before
    "Bernie Sanders spoke in Ohio.\n\n" + ARGUED + "Sanders is a senator from Vermont.",
    # ... or a quotation that closes the article
    HEADLINE + ARGUED + "“Renters will pay,” Craig Dunn, a blogger, wrote in the Ledger.",
    # two people: which one wrote is not said
    HEADLINE + ARGUED + "Ana Torres and Ben Hale are fellows at the Hudson Center.",
    # a byline of two, or of an agency
    HEADLINE + "By Ana Torres and Ben Hale\n\n" + ARGUED,
    HEADLINE + "By The Associated Press\n\n" + ARGUED,
    # a byline and a closing line that name two people
    HEADLINE + "By Ana Torres\n\n" + ARGUED + "Ben Hale is a fellow at the Hudson Center.",
])
def test_i_stays_unnamed_when_the_article_names_no_writer(claims_of, text):
    assert first_person(claims_of, text)[:2] == ("I", None)


def test_we_stays_unnamed_though_the_writer_is_named(claims_of):
    # "we" is the writer and the reader, or the newspaper: not the writer alone
    text = HEADLINE + "Congress passed the bill in June. We have argued that the cuts will hurt renters.\n\nAna Torres is a senior fellow at the Hudson Center."
    assert first_person(claims_of, text)[:2] == ("We", None)


def test_the_writer_is_no_she_of_the_narration(claims_of):
    # named once scored: a later "she" does not take the writer for the woman last quoted
    text = HEADLINE + ARGUED + "She said that the vote was close.\n\nAna Torres is a senior fellow at the Hudson Center."
    she = [c.speaker for c in claims_of(text) if c.speaker and c.speaker.mention == "She"]
    assert first_person(claims_of, text)[1] == "Ana Torres"
    assert [s.name for s in she] == [None]


def test_a_quotation_stays_the_person_quoted(claims_of):
    text = (HEADLINE + "Tom Reed spoke in June. “I have argued for years that the cuts will hurt renters,” Reed said."
            "\n\nAna Torres is a senior fellow at the Hudson Center.")
    assert [(c.speaker.mention, c.speaker.name) for c in claims_of(text)] == [("Reed", "Tom Reed")]


def test_i_inside_a_quotation_is_not_the_writer(nlp):
    # the resolver asked of an "I" inside a quotation: the person quoted, never the writer
    text = (HEADLINE + "Tom Reed spoke in June. “I have argued that the cuts will hurt renters,” Reed said. "
            "I have argued that they will not.\n\nAna Torres is a senior fellow at the Hudson Center.")
    doc = nlp(text)
    ctx = Context(doc, lexicon.load())
    resolver = NameResolver(doc, lexicon.load(), ctx.in_quote, text=ctx.text)
    quoted, own = [t for t in doc if t.text == "I"]
    assert ctx.in_quote[quoted.i] and not ctx.in_quote[own.i]
    assert resolver.as_writer(make_speaker(quoted, lexicon.load())).name is None
    assert resolver.as_writer(make_speaker(own, lexicon.load())).name == "Ana Torres"
