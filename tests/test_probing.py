"""Bad query strings on the search page and the lists: a Dutch answer, never a server error.

Every parameter of /zoeken/ and of the lists is sent a NUL character, a lone surrogate (as the
bytes %ED%A0%80), a very long value and the same parameter twice. The page answers 200 and says
in Dutch which parameter it ignored, or redirects (empty parameters), or 404 (a page beyond the
last); never 500, on SQLite and on PostgreSQL alike.
"""

import pytest

from tests import factories
from tests.html import texts

pytestmark = pytest.mark.django_db

PAGES = {
    "/zoeken/": ["q", "type", "domein", "soort", "regio", "jaar", "thema", "pagina"],
    "/bijeenkomsten/": [
        *("domein", "soort", "regio", "organisatie", "jaar", "thema", "sortering", "pagina"),
    ],
    "/inzichten/": ["domein", "thema", "sortering", "pagina"],
    "/publicaties/": ["domein", "soort", "jaar", "thema", "sortering", "pagina"],
}
LABELS = {
    "type": "Soort resultaat",
    "domein": "Domein",
    "soort": "Soort",
    "regio": "Regio",
    "organisatie": "Organisatie",
    "jaar": "Jaar",
    "thema": "Thema",
    "sortering": "Sortering",
    "pagina": "Pagina",
}
BAD_VALUES = {
    "nul": "%00",
    "nul-inside": "zorg%00zorg",
    "surrogate": "%ED%A0%80",
    "long": "a" * 5000,
    "long-nul": "%00" * 2000,
}
PROBES = [(page, name) for page, names in PAGES.items() for name in names]


def text(response):
    return " ".join(texts(response, "body"))


@pytest.fixture(autouse=True)
def content():
    event = factories.event(title="Zorgbijeenkomst", domains=["zorg"], tags=["vertrouwen"])
    factories.takeaway(event=event, tags=["vertrouwen"])
    factories.publication(title="Cahier", tags=["vertrouwen"])


@pytest.mark.parametrize("value", BAD_VALUES.values(), ids=BAD_VALUES.keys())
@pytest.mark.parametrize(("page", "name"), PROBES)
def test_bad_parameter_value_is_explained_not_an_error(client, page, name, value):
    response = client.get(f"{page}?{name}={value}")
    assert response.status_code == 200
    if name != "q":  # any text is a query: nothing to explain
        assert f"{LABELS[name]}: " in text(response)


@pytest.mark.parametrize(("page", "name"), PROBES)
def test_repeated_parameter_is_explained_not_an_error(client, page, name):
    response = client.get(f"{page}?{name}=zorg&{name}=%00")
    assert response.status_code == 200
    if name != "q":
        assert f"{LABELS[name]}: " in text(response)


@pytest.mark.parametrize("page", PAGES)
def test_nul_in_a_parameter_name_is_ignored(client, page):
    assert client.get(f"{page}?%00=zorg&a%ED%A0%80=1").status_code == 200
