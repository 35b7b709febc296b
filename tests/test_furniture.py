"""Page furniture left in pasted text (cookie banners, buttons, share prompts, newsletter
sign-ups, bylines, photo credits, related links) gives no claims; the article around it keeps
its claims."""
from pathlib import Path

import pytest

from claimx.furniture import find_furniture

ARTICLE = "Senator Jane Smith said that the bill would pass next week.\n"
SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "pakistan-afghanistan-talks.txt"

# Each of these gives a claim without the furniture filter: a consent notice's "you agree",
# a sign-up's "we promise", a related link's "X says Y".
FURNITURE = {
    "consent, clicking": 'By clicking "Accept all", you agree to the storing of cookies on your '
                         "device to enhance site navigation and analyse site usage.",
    "consent, signing up": "By signing up, you confirm that you have read our privacy policy and "
                           "agree to our terms.",
    "newsletter promise": "Subscribe to our newsletter and we promise we will never spam you.",
    "newsletter, email": "Get our morning briefing: enter your email address below. We promise "
                         "not to share it.",
    "read more link": "Read more: Pakistan says Taliban stance is illogical",
    "also read link": "Also read: Trump says he will solve the conflict quickly",
    "related link": "Related: Minister warns talks could collapse",
    "related list": "Related stories\nPakistan says Doha ceasefire is holding\n"
                    "Khawaja Asif warns of “all-out war” if talks fail",
    "most read list": "Most read\nFinance minister says budget deficit will narrow next year\n"
                      "Captain says team is ready for the Test series",
}

# These give no claim even unfiltered, and must stay that way.
QUIET_FURNITURE = {
    "cookie banner": "Our website uses cookies to enhance your experience. Learn More",
    "accept button": "Accept !",
    "blogger cookie settings": "buttons=(Accept !) days=(20)",
    "cookie banner, continuing": "We use cookies to improve your experience on our site. By "
                                 "continuing to browse, you agree to our use of cookies.",
    "cookie buttons": "Accept all cookies | Reject all | Manage preferences",
    "share prompt": "Share this article",
    "share buttons": "Share on Facebook Share on Twitter Share on WhatsApp",
    "follow prompt": "Follow us on Twitter and Instagram for the latest updates.",
    "newsletter sign-up": "Sign up for our daily newsletter to get the latest news delivered to "
                          "your inbox.",
    "byline": "By Jane Smith and Ahmed Khan, Reuters",
    "wire credits": "Reporting by Asif Shahzad in Islamabad; Editing by Alex Richardson",
    "photo credit": "Photo: Reuters",
    "bracketed photo credit": "(Photo by Aamir Qureshi/AFP via Getty Images)",
    "advertisement": "Story continues below advertisement",
    "copyright": "Copyright © 2025 Example News. All rights reserved.",
    "comments prompt": "Tell us what you think: share your views in the comments below.",
}


@pytest.mark.parametrize("name", FURNITURE)
def test_furniture_that_reads_like_a_claim_gives_none(claims_of, name):
    assert claims_of(FURNITURE[name]) == ()


@pytest.mark.parametrize("name", {**FURNITURE, **QUIET_FURNITURE})
def test_furniture_pasted_before_and_after_an_article_leaves_the_article_claims_alone(claims_of, name):
    text = f"{FURNITURE.get(name) or QUIET_FURNITURE[name]}\n\n{ARTICLE}\n{FURNITURE.get(name) or QUIET_FURNITURE[name]}\n"
    claims = claims_of(text)
    assert [(c.speaker.name, c.cue.text, c.content.text) for c in claims] == [
        ("Jane Smith", "said", "the bill would pass next week")]


@pytest.mark.parametrize("name", QUIET_FURNITURE)
def test_furniture_is_found_where_it_is(name):
    text = QUIET_FURNITURE[name]
    assert find_furniture(text).holds(0, len(text))


@pytest.mark.parametrize("text, claim", [
    ("By Monday, the minister said the talks had failed.", "the talks had failed"),
    ("The regulator said websites that use cookies must ask for consent.",
     "websites that use cookies must ask for consent"),
    ("“We use cookies to track you,” the regulator said.", "“We use cookies to track you,”"),
    ("Photo: Police said 12 people were arrested", "12 people were arrested"),
    ("Readers said they agreed with the editorial. Share your story with us.",
     "they agreed with the editorial"),
    ("He said he would sign up for the newsletter.", "he would sign up for the newsletter"),
    ("Related stories matter, the editor said. Pakistan said the talks had failed.",
     "the talks had failed"),
], ids=["by-monday", "about-cookies", "quoted-banner", "caption", "share-after-claim",
        "newsletter-mention", "related-in-a-sentence"])
def test_sentences_that_only_look_like_furniture_keep_their_claims(claims_of, text, claim):
    assert claim in [c.content.text for c in claims_of(text)]


def test_the_end_of_the_reference_article_is_furniture_and_its_body_is_not():
    text = SAMPLE.read_text(encoding="utf-8")
    tail = text.index("buttons=(Accept !)")
    furniture = find_furniture(text)
    assert furniture.holds(tail, len(text.rstrip()))
    assert furniture.covered(0, tail) == 0



@pytest.mark.parametrize("start", ["By ", "Photo: ", "Caption. Photo: ", "Reporting by "])
@pytest.mark.parametrize("joiner", ["-", " ", ". ", "/", " And ", ", "])
def test_a_long_line_that_is_almost_a_byline_or_credit_fails_at_once(start, joiner):
    """A pattern that could cut such a line in every possible way would take years on it."""
    import time

    line = start + joiner.join("ABCDEFGHIJKLMNOPQRSTUVWXYZ") + " and then lower case"
    started = time.perf_counter()
    find_furniture(line)
    assert time.perf_counter() - started < 1  # a few microseconds when linear


def test_every_label_starts_with_one_of_the_first_words_looked_up_first():
    from claimx.furniture import patterns

    p = patterns()
    assert p.first_words == {label[0] for label in p.labels if label}
