"""The synthetic corpus (manage.py generate_corpus): sizes, valid data, reproducibility, never
mixing generated content with real content unasked, and never wiping content it did not make."""

import hashlib
import random
import re

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Count, F, Max
from taggit.models import Tag

from devtools.corpus import generate as generate_module
from devtools.corpus import vocabulary
from devtools.corpus.generate import (
    TAKEAWAYS_PER_EVENT,
    TAKEAWAYS_PER_PUBLICATION,
    CorpusSize,
    generate_corpus,
    region_specs,
)
from devtools.corpus.wiping import wiped_models
from devtools.corpus.writing import MAX_TAKEAWAY_LENGTH, Writer
from devtools.management.commands import generate_corpus as command
from devtools.models import CorpusMark
from events.models import (
    Event,
    Organisation,
    Participation,
    Person,
    Region,
    Series,
    Session,
)
from events.publishing import Status
from insights.models import Publication, TaggedTakeaway, Takeaway
from tests import factories

pytestmark = pytest.mark.django_db

EVENTS = 20


def generate(*args, seed=1):
    call_command(
        "generate_corpus", "--events", str(EVENTS), "--seed", str(seed), "--no-index", *args,
        verbosity=0,
    )  # fmt: skip


def corpus_digest():
    """A fingerprint of the generated rows, ids and links included."""
    digest = hashlib.sha256()
    querysets = [
        Region.objects.values_list("pk", "slug", "name", "kind", "parent_id"),
        Tag.objects.values_list("pk", "slug", "name"),
        Organisation.objects.values_list("pk", "slug", "name", "kind", "region_id"),
        Person.objects.values_list("pk", "slug", "name", "organisation_id"),
        Series.objects.values_list("pk", "slug", "name"),
        Event.objects.values_list(
            "pk", "slug", "title", "status", "published_at", "members_only", "start_date", "body"
        ),
        Session.objects.values_list("pk", "event_id", "order", "title"),
        Participation.objects.values_list("pk", "event_id", "session_id", "person_id", "role"),
        Publication.objects.values_list("pk", "slug", "title", "published_at"),
        Takeaway.objects.values_list(
            "pk", "slug", "text", "event_id", "session_id", "publication_id", "created_at"
        ),
        TaggedTakeaway.objects.values_list("pk", "content_object_id", "tag_id"),
    ]
    for queryset in querysets:
        for row in queryset.order_by("pk"):
            digest.update(repr(row).encode())
    return digest.hexdigest()


def test_corpus_has_the_planned_number_of_each_kind():
    generate()
    size = CorpusSize.for_events(EVENTS)
    assert Event.objects.count() == EVENTS
    assert Organisation.objects.count() == size.organisations
    assert Person.objects.count() == size.people
    assert Series.objects.count() == size.series
    assert Publication.objects.count() == size.publications
    assert Region.objects.count() == len(region_specs())
    assert Tag.objects.count() == len(vocabulary.THEMES)
    on_events = Takeaway.objects.filter(event__isnull=False).count()
    on_publications = Takeaway.objects.filter(publication__isnull=False).count()
    low, high = TAKEAWAYS_PER_EVENT
    assert low * EVENTS <= on_events <= high * EVENTS
    low, high = TAKEAWAYS_PER_PUBLICATION
    assert low * size.publications <= on_publications <= high * size.publications


def test_corpus_has_some_drafts_and_some_members_only_events():
    generate()
    drafts = Event.objects.drafts().count()
    members_only = Event.objects.published().filter(members_only=True).count()
    assert 1 <= drafts < EVENTS / 4
    assert 1 <= members_only < EVENTS / 4
    # Everything published is visible now: no publication moment lies in the future.
    assert Event.objects.published().count() == EVENTS - drafts


def test_every_takeaway_has_themes_and_domains():
    generate()
    takeaways = Takeaway.objects.annotate(
        themes=Count("tags", distinct=True), domain_count=Count("domains", distinct=True)
    )
    assert takeaways.filter(themes=0).count() == 0
    assert takeaways.filter(domain_count=0).count() == 0


def test_session_takeaways_belong_to_the_same_event():
    generate()
    with_session = Takeaway.objects.filter(session__isnull=False)
    assert with_session.count() > 0
    assert with_session.exclude(session__event=F("event")).count() == 0


def test_corpus_keeps_every_database_constraint():
    generate()
    # Foreign keys are checked at commit; check them now (tests never commit).
    connection.check_constraints()
    pairs = set(Event.related_events.through.objects.values_list("from_event", "to_event"))
    assert pairs
    assert {(b, a) for a, b in pairs} == pairs


def test_common_words_occur_in_over_a_fifth_of_the_takeaways():
    generate()
    texts = list(Takeaway.objects.values_list("text", flat=True))
    for word in ("samenwerking", "gemeente", "zorg"):
        pattern = re.compile(rf"\b{word}\b", re.IGNORECASE)
        assert sum(1 for text in texts if pattern.search(text)) / len(texts) > 0.2, word


def test_same_seed_gives_identical_rows():
    generate()
    first = corpus_digest()
    generate("--wipe", "--yes")
    assert corpus_digest() == first
    generate("--wipe", "--yes", seed=2)
    assert corpus_digest() != first


def test_loading_with_indexes_kept_gives_the_same_rows():
    generate()
    deferred = corpus_digest()
    generate("--wipe", "--yes", "--keep-indexes")
    assert corpus_digest() == deferred


def test_indexes_and_constraints_are_back_after_the_load():
    models = [Event, Session, Participation, Takeaway, TaggedTakeaway, Takeaway.domains.through]
    tables = [model._meta.db_table for model in models + [Tag, Region, Publication]]
    with connection.cursor() as cursor:
        before = {t: connection.introspection.get_constraints(cursor, t) for t in tables}
    generate()
    with connection.cursor() as cursor:
        after = {t: connection.introspection.get_constraints(cursor, t) for t in tables}
    assert after == before


def test_refuses_a_database_with_content():
    factories.event()
    with pytest.raises(CommandError, match="--append"):
        generate()
    assert Event.objects.count() == 1


def test_append_adds_to_existing_content():
    existing = factories.event(tags=["samenwerking"])
    generate("--append")
    assert Event.objects.filter(pk=existing.pk).exists()
    assert Event.objects.count() == EVENTS + 1
    assert Tag.objects.filter(name__iexact="samenwerking").count() == 1


def test_wipe_without_confirmation_changes_nothing(monkeypatch):
    generate()
    first = corpus_digest()
    monkeypatch.setattr("builtins.input", lambda prompt: "nee")
    with pytest.raises(CommandError, match="Niets gewist"):
        generate("--wipe", seed=2)
    assert corpus_digest() == first


# The mark of a generated corpus, and --wipe refusing what the generator did not make.


def test_the_corpus_is_marked_with_its_seed_and_size():
    generate(seed=3)
    [mark] = CorpusMark.objects.all()
    assert (mark.seed, mark.events) == (3, EVENTS)
    assert mark.last_ids["events.Event"] == Event.objects.aggregate(last=Max("pk"))["last"]
    assert set(mark.last_ids) == {model._meta.label for model in wiped_models()}


def test_the_mark_covers_every_table_the_generator_writes():
    report = generate_corpus(events=EVENTS, seed=1)
    [mark] = CorpusMark.objects.all()
    written = {label for label, rows in report.rows.items() if rows}
    assert written <= {label for label, last_id in mark.last_ids.items() if last_id}


def test_no_corpus_is_left_without_its_mark(monkeypatch):
    def fail(**kwargs):
        raise RuntimeError("no mark")

    monkeypatch.setattr(generate_module, "mark_corpus", fail)
    with pytest.raises(RuntimeError, match="no mark"):
        generate()
    assert (Event.objects.count(), Takeaway.objects.count()) == (0, 0)


def test_wipe_replaces_a_generated_corpus():
    generate()
    generate("--wipe", "--yes", seed=2)
    assert Event.objects.count() == EVENTS
    assert list(CorpusMark.objects.values_list("seed", flat=True)) == [2]


def test_wipe_refuses_a_database_without_a_mark():
    existing = factories.event()
    with pytest.raises(CommandError, match="geen corpusmerk") as refused:
        generate("--wipe", "--yes")
    assert refused.value.returncode == 1  # manage.py's exit status
    assert list(Event.objects.all()) == [existing]


def test_wipe_refuses_before_asking(monkeypatch):
    factories.event()
    monkeypatch.setattr("builtins.input", lambda prompt: pytest.fail("asked to confirm"))
    with pytest.raises(CommandError, match="geen corpusmerk"):
        generate("--wipe")


@pytest.mark.parametrize(
    ("add", "table"),
    [
        (lambda corpus_event: factories.event(), "events.Event"),
        (lambda corpus_event: factories.session(corpus_event), "events.Session"),
        (lambda corpus_event: Tag.objects.create(name="Echt", slug="echt"), "taggit.Tag"),
    ],
    ids=["event", "session-of-a-generated-event", "theme"],
)
def test_wipe_refuses_content_added_to_a_corpus(add, table):
    generate()
    add(Event.objects.order_by("pk").first())
    after_adding = corpus_digest()
    with pytest.raises(CommandError, match=rf"niet gemaakt heeft .*\] in {re.escape(table)}\)"):
        generate("--wipe", "--yes", seed=2)
    assert corpus_digest() == after_adding


def test_a_corpus_added_to_real_content_is_not_marked():
    factories.event()
    generate("--append")
    assert not CorpusMark.objects.exists()
    with pytest.raises(CommandError, match="geen corpusmerk"):
        generate("--wipe", "--yes")
    assert Event.objects.count() == EVENTS + 1


def test_a_corpus_appended_to_a_corpus_can_be_wiped():
    generate()
    generate("--append", seed=2)
    assert list(CorpusMark.objects.order_by("pk").values_list("seed", flat=True)) == [1, 2]
    generate("--wipe", "--yes")
    assert Event.objects.count() == EVENTS


def test_without_the_table_for_marks_nothing_is_written(monkeypatch):
    monkeypatch.setattr(connection.introspection, "table_names", lambda: [])
    with pytest.raises(CommandError, match="devtools_corpusmark ontbreekt: draai eerst migrate"):
        generate()
    assert Event.objects.count() == 0


def test_missing_search_index_command_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(command, "get_commands", lambda: {})
    with pytest.raises(CommandError, match="rebuild_search_index.*--no-index"):
        call_command("generate_corpus", "--events", "2", verbosity=0)
    assert Event.objects.count() == 0


def test_search_index_is_rebuilt_after_loading(monkeypatch):
    calls = []
    monkeypatch.setattr(command, "get_commands", lambda: {"rebuild_search_index": "insights"})
    monkeypatch.setattr(command, "call_command", lambda name, **options: calls.append(name))
    call_command("generate_corpus", "--events", "2", verbosity=0)
    assert calls == ["rebuild_search_index"]
    assert Event.objects.count() == 2


def test_number_of_events_must_be_positive():
    with pytest.raises(CommandError, match="--events"):
        call_command("generate_corpus", "--events", "0", "--no-index", verbosity=0)


def test_published_events_are_published_from_a_fixed_calendar_not_the_clock():
    generate()
    published = Event.objects.filter(status=Status.PUBLISHED)
    assert published.filter(published_at__isnull=True).count() == 0
    assert published.filter(published_at__year__gt=2026).count() == 0


def test_writer_writes_the_same_text_for_the_same_seed():
    def texts(seed):
        writer = Writer(random.Random(seed), cities=["Zwolle", "Gent"], regions=["Twente"])
        return [writer.takeaway() for _ in range(50)]

    assert texts(1) == texts(1)
    assert texts(1) != texts(2)


def test_writer_uses_compounds_accents_and_rare_words():
    writer = Writer(random.Random(1), cities=["Zwolle", "Gent"], regions=["Twente"])
    texts = [writer.takeaway() for _ in range(3000)]
    corpus = " ".join(texts).lower()
    for word in ("netwerksamenwerking", "meerpartijensamenwerking", "woonzorgcentrum", "wijkteam"):
        assert word in corpus, word
    for word in ("cliënt", "geïnteresseerden", "coöperatie"):
        assert word in corpus, word
    assert sum(1 for word in vocabulary.RARE_WORDS if word in corpus) > 100
    assert max(len(text) for text in texts) <= MAX_TAKEAWAY_LENGTH
    assert all(text[0].isupper() and text.endswith(".") for text in texts)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_loaded_tables_are_vacuumed_after_the_commit():
    generate()
    with connection.cursor() as cursor:
        cursor.execute("SELECT relallvisible FROM pg_class WHERE relname = 'insights_takeaway'")
        assert cursor.fetchone()[0] > 0
