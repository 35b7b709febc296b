"""Long texts in pieces: where a text is cut so that spaCy never parses more than
:data:`PIECE_CHARACTERS` at once, and how the parsed pieces become one Doc again."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

#: The longest text parsed in one piece; a longer one is cut between paragraphs. spaCy needs
#: about 1 GB per 100,000 characters it parses at once.
PIECE_CHARACTERS = 100_000

# Where a long text may be cut, best first: between paragraphs, between lines, after a
# sentence, between words; a piece ends with the break that ends it.
_CUTS = ("\n\n", "\n", ". ", " ")


def piece_length(nlp: Language) -> int:
    """The longest text ``nlp`` is given in one piece."""
    return min(nlp.max_length, PIECE_CHARACTERS)


def split_text(text: str, max_length: int) -> list[tuple[int, str]]:
    """``text`` in pieces of at most ``max_length`` characters, cut at paragraph boundaries
    where it can be (at line, sentence or word boundaries where a paragraph alone is too long),
    as ``(offset, piece)`` pairs with ``text[offset:offset + len(piece)] == piece``."""
    if max_length < 1:
        raise ValueError("max_length must be positive")
    pieces, start = [], 0
    while len(text) - start > max_length:
        window_end = start + max_length
        cut = -1
        for mark in _CUTS:
            at = text.rfind(mark, start, window_end)
            if at > start:
                cut = at + len(mark)
                break
        if cut <= start or cut > window_end:
            cut = window_end  # one "word" longer than the limit
        pieces.append((start, text[start:cut]))
        start = cut
    pieces.append((start, text[start:]))
    return pieces


def join_pieces(pieces: list[Doc], text: str) -> Doc:
    """The parsed ``pieces`` of ``text`` as one Doc of the whole text (tokens, parse, sentences
    and entities as each piece had them). Their tensors and extension data are left behind:
    claimx reads neither, and the joined tensor of a long text would take a gigabyte."""
    joined = Doc.from_docs(pieces, ensure_whitespace=False, exclude=["tensor", "user_data"])
    if joined.text != text:  # the pieces must be the text, cut and nothing else
        raise ValueError("the parsed pieces do not add up to the text they were cut from")
    return joined
