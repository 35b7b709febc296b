"""The check every test of offsets makes: each field's text is the text at its offsets."""


def assert_spans_point_into(text: str, claims) -> None:
    for c in claims:
        for start, end in [(c.content.start, c.content.end), (c.cue.start, c.cue.end)]:
            assert 0 <= start <= end <= len(text)
        assert text[c.content.start:c.content.end] == c.content.text
        assert text[c.cue.start:c.cue.end] == c.cue.text
        if c.speaker is not None:
            assert text[c.speaker.start:c.speaker.end] == c.speaker.mention
        if c.outlet is not None:
            assert text[c.outlet.start:c.outlet.end] == c.outlet.mention
