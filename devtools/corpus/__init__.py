"""A synthetic portal for benchmarks: ``manage.py generate_corpus`` (see ``generate``)."""


class CorpusError(Exception):
    """The corpus cannot be written here: the database lacks what it is built on, or holds
    content a wipe must not delete."""
