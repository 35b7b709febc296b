"""Docs travel between processes with their claims, and srsly's look-ups of msgpack codecs
are cached without missing one registered later."""
import srsly
from spacy.tokens import Doc

from claimx.serialising import cache_msgpack_registries


def test_claims_come_back_from_bytes_with_the_registries_cached(nlp):
    assert getattr(srsly.msgpack_decoders, "_claimx_cached", False)  # load_pipeline did it
    doc = nlp("“We will win,” the minister said on Monday.")
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert doc._.claims and tuple(back._.claims) == doc._.claims


def test_a_codec_registered_after_the_cache_is_used():
    cache_msgpack_registries()

    class Point:
        def __init__(self, x):
            self.x = x

    @srsly.msgpack_encoders("claimx-test-point")
    def encode(obj, chain=None):
        return {"__point__": obj.x} if isinstance(obj, Point) else (obj if chain is None else chain(obj))

    @srsly.msgpack_decoders("claimx-test-point")
    def decode(obj, chain=None):
        return Point(obj["__point__"]) if "__point__" in obj else (obj if chain is None else chain(obj))

    assert srsly.msgpack_loads(srsly.msgpack_dumps({"p": Point(3)}))["p"].x == 3
