"""claimx's own model assets: the cue lexicon, speaker words, outlet gazetteer and rule
confidences, read once from the ``models/`` data shipped with the package."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from .outlets import normalise


def data_dir() -> Path:
    """The folder holding claimx's data: inside the installed package, or ``models/`` beside the
    package in a source checkout."""
    installed = Path(str(resources.files("claimx"))) / "models"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "models"


def _rows(name: str):
    with open(data_dir() / name, encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return csv.DictReader(lines, delimiter="\t")


def _yaml(name: str):
    with open(data_dir() / name, encoding="utf-8") as f:
        return yaml.safe_load(f)


@dataclass(frozen=True)
class CueEntry:
    lemma: str
    pos: str
    stance: str
    frames: frozenset
    cognition: bool


@dataclass(frozen=True)
class OutletEntry:
    name: str
    kind: str
    country: str


@dataclass(frozen=True)
class Referents:
    """``models/referents.yaml``: the words that tell whom a pronoun, a title or an
    organisation's short form stands for."""

    pronoun_gender: dict  # "she" -> "female"
    plural_pronouns: frozenset  # "they": more than one, never one person
    gender_words: dict  # "mrs" -> "female", "spokesman" -> "male"
    first_names: dict  # "hillary" -> "female"
    given_names: frozenset  # every first name known, these and the census's (first_names.yaml)
    person_nouns: frozenset  # "resident", "professor": nouns that describe a person only
    name_suffixes: frozenset  # "jr"
    title_aliases: dict  # "governor" -> {"gov.", "gov"}
    subject_titles: frozenset
    any_organization: frozenset
    former: frozenset  # "former", "ex-": a title the person the article is about once held
    description_aliases: dict  # "gop" -> {"republican"}: words that describe the same people
    description_conflicts: dict  # "democratic" -> {"republican", "gop"}: never the same person
    places: frozenset  # "florida": the states, whose words (and abbreviations) tell people apart
    writer: "Writers"  # how an article names its writer, whom its own "I" stands for


@dataclass(frozen=True)
class Writers:
    """``writer`` of ``models/referents.yaml``: how an article names its writer, in a byline or
    a closing line about them (:mod:`claimx.writers`)."""

    pronouns: frozenset  # "i", "me": the first-person words that stand for the writer alone
    bio_verbs: frozenset  # "be", "write": the verbs of a closing line about the writer
    closing_paragraphs: int  # how far from the end that line may stand
    opening_paragraphs: int  # how far from the start a byline may stand
    bylines: tuple  # compiled patterns of a whole byline line, the name in group "name"

@dataclass(frozen=True)
class Lexicon:
    verbs: dict  # lemma -> CueEntry; multiword lemmas ("point out") keyed by their full text
    nouns: dict
    titles: frozenset
    honorifics: frozenset
    anonymous: frozenset
    groups: frozenset
    organizations: frozenset
    events: frozenset  # "the second phase", "the talks": subjects that are never a source
    pronouns: dict
    hedges: frozenset
    hearsay: frozenset
    confidence: dict
    outlets: dict  # lower-cased name or alias -> OutletEntry
    ambiguous_outlets: frozenset
    outlet_context: dict  # outlet_context.yaml: sets of lower-cased words (descriptors: word -> kind)
    referents: Referents

    def verb(self, lemma: str, particles=()) -> CueEntry | None:
        """The entry for a verb, preferring a multiword cue built with one of its particles."""
        for p in particles:
            entry = self.verbs.get(f"{lemma} {p}")
            if entry:
                return entry
        return self.verbs.get(lemma)


def _outlets():
    path = data_dir() / "outlets.tsv"
    if not path.exists():
        return {}, frozenset()
    table, ambiguous = {}, set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# ambiguous:"):
                ambiguous |= {normalise(a) for a in line.split(":", 1)[1].split("|") if a.strip()}
    for row in _rows("outlets.tsv"):
        entry = OutletEntry(row["name"], row["kind"], row["country"])
        for alias in [row["name"], *(row.get("aliases") or "").split("|")]:
            if alias.strip():
                table.setdefault(normalise(alias), entry)
    return table, frozenset(ambiguous)


def _words_of(value):
    """A list of words as a set; a mapping of kinds to word lists as word -> kind."""
    if isinstance(value, dict):
        return {w.lower(): kind for kind, words in value.items() for w in words}
    return frozenset(w.lower() for w in value)


def _referents() -> Referents:
    data = _yaml("referents.yaml")
    return Referents(
        pronoun_gender=_words_of(data["pronoun_gender"]),
        plural_pronouns=_words_of(data["plural_pronouns"]),
        gender_words=_words_of(data["gender_words"]),
        first_names=_words_of(data["first_names"]),
        given_names=frozenset(_words_of(data["first_names"])) | frozenset(_words_of(_yaml("first_names.yaml"))),
        person_nouns=_words_of(data["person_nouns"]),
        name_suffixes=_words_of(data["name_suffixes"]),
        title_aliases={t.lower(): frozenset(a.lower() for a in forms) for t, forms in data["title_aliases"].items()},
        subject_titles=_words_of(data["subject_titles"]),
        any_organization=_words_of(data["any_organization"]),
        former=_words_of(data["former"]),
        description_aliases={w.lower(): frozenset(a.lower() for a in forms)
                             for w, forms in {**data["description_aliases"], **data["states"]}.items()},
        places=frozenset(w.lower() for w in data["states"]),
        description_conflicts={w.lower(): frozenset(a.lower() for a in forms)
                               for w, forms in data["description_conflicts"].items()},
        writer=_writers(data["writer"]),
    )


def _writers(data: dict) -> Writers:
    flags = re.IGNORECASE | re.VERBOSE
    return Writers(
        pronouns=_words_of(data["pronouns"]),
        bio_verbs=_words_of(data["bio_verbs"]),
        closing_paragraphs=int(data["closing_paragraphs"]),
        opening_paragraphs=int(data["opening_paragraphs"]),
        bylines=tuple(re.compile(f"(?:{p})", flags) for p in data["bylines"]),
    )


@lru_cache(maxsize=None)
def load() -> Lexicon:
    verbs, nouns = {}, {}
    for row in _rows("cues.tsv"):
        entry = CueEntry(row["cue"], row["pos"], row["stance"],
                         frozenset(row["frames"].split(",")), row["cognition"] == "yes")
        (verbs if entry.pos == "verb" else nouns)[entry.lemma] = entry
    speakers = _yaml("speakers.yaml")
    outlets, ambiguous = _outlets()
    return Lexicon(
        verbs=verbs,
        nouns=nouns,
        titles=frozenset(t.lower() for t in speakers["titles"]),
        honorifics=frozenset(t.lower().strip(".") for t in speakers["honorifics"]),
        anonymous=frozenset(speakers["anonymous"]),
        groups=frozenset(speakers["groups"]),
        organizations=frozenset(speakers["organizations"]),
        events=frozenset(speakers["events"]),
        pronouns={k: frozenset(v) for k, v in speakers["pronouns"].items()},
        hedges=frozenset(speakers["hedges"]),
        hearsay=frozenset(speakers["hearsay"]),
        confidence=_yaml("rules.yaml"),
        outlets=outlets,
        ambiguous_outlets=ambiguous,
        outlet_context={k: _words_of(v) for k, v in _yaml("outlet_context.yaml").items()},
        referents=_referents(),
    )
