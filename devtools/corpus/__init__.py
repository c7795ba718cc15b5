"""A synthetic portal for benchmarks: ``manage.py generate_corpus`` (see ``generate``)."""
