"""The errors the library raises for the command line to turn into messages."""


class UsageError(ValueError):
    """Options that do not go together; the message says what to give instead."""
