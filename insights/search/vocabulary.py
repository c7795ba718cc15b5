"""The portal's own vocabulary: words of public, published titles, names, themes and takeaways.

Each word comes with the number of items it occurs in. Compound splitting takes its parts from
it; spelling suggestions are drawn from it. Only public content counts (what an anonymous
visitor may see), so no word of a draft or of members-only content is ever suggested; search
also checks, when it suggests a word, that the word finds something the user may see.

``rebuild_index`` counts the vocabulary afresh; indexing single items adds the new words of
public items (with frequency 1) and leaves the counts alone until the next rebuild.
"""

from collections import Counter

from django.db.models import Count

from events.models import Event, Organisation, Person, Session
from events.publishing import visibility_q
from insights.models import Publication, TaggedPublication, TaggedTakeaway, Takeaway
from insights.search import text
from insights.search.models import SearchWord

MIN_LENGTH = 3
MAX_LENGTH = SearchWord._meta.get_field("word").max_length


def words_of(value):
    """The distinct words of ``value`` worth knowing."""
    return {word for word in text.words(value) if MIN_LENGTH <= len(word) <= MAX_LENGTH}


def count_public_words(*, chunk_size=5000):
    """A ``Counter`` of word → number of public items whose title, name, text or themes use it."""
    counts = Counter()
    public = visibility_q(None)
    texts = [
        Event.objects.filter(public).values_list("title", flat=True),
        Session.objects.filter(visibility_q(None, prefix="event__")).values_list(
            "title", flat=True
        ),
        Publication.objects.filter(public).values_list("title", flat=True),
        Takeaway.objects.visible_to(None).values_list("text", flat=True),
        Person.objects.visible_to(None).values_list("name", flat=True),
        Organisation.objects.visible_to(None).values_list("name", flat=True),
    ]
    for queryset in texts:
        for value in queryset.iterator(chunk_size=chunk_size):
            counts.update(words_of(value))
    themes = [
        Event.tags.through.objects.filter(visibility_q(None, prefix="content_object__")),
        TaggedPublication.objects.filter(visibility_q(None, prefix="content_object__")),
        TaggedTakeaway.objects.filter(
            visibility_q(None, prefix="content_object__event__")
            | visibility_q(None, prefix="content_object__publication__")
        ),
    ]
    for queryset in themes:
        for name, number in queryset.values_list("tag__name").annotate(number=Count("pk")):
            for word in words_of(name):
                counts[word] += number
    return counts


def known(words):
    """Those of the folded ``words`` that are in the vocabulary."""
    if not words:
        return set()
    return set(SearchWord.objects.filter(word__in=list(words)).values_list("word", flat=True))


def load():
    """The stored vocabulary as a dict of word → frequency."""
    return dict(SearchWord.objects.values_list("word", "frequency"))


def new_public_words(documents, *, now):
    """The words that ``documents`` may add to the vocabulary: titles and themes of public items."""
    found = set()
    for document in documents:
        if document.is_public(now):
            found.update(*document.title_words)
    return {word for word in found if MIN_LENGTH <= len(word) <= MAX_LENGTH}
