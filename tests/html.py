"""Reading pages as HTML, as a visitor's browser would: elements found by CSS selectors.

Tests assert what a visitor sees: ``texts(response, ".card__title")``, ``section(response,
"bijeenkomsten")``. One place for it, instead of regular expressions copied into test files.
"""

from lxml import html


def page(response):
    """The parsed page of ``response``."""
    return html.fromstring(response.content)


def text(element):
    """The text of ``element``, each element's text apart (as the page's layout sets them
    apart: "5 juli 2024 Webinar", not "5 juli 2024Webinar"), white space folded."""
    return " ".join(" ".join(element.itertext()).split())


def select(response, selector):
    """The elements of the page that match the CSS ``selector``."""
    return page(response).cssselect(selector)


def texts(response, selector, anchor=None):
    """The texts of the elements that match ``selector``, in page order; with ``anchor``, only
    those in the part of the page it heads (none when there is no such part)."""
    root = page(response) if anchor is None else section_element(response, anchor)
    if root is None:
        return []
    return [text(element) for element in root.cssselect(selector)]


def main_text(response):
    """The text of the page's main part: what a reader sees between header and footer."""
    return texts(response, "main")[0]


def links(response, selector="a"):
    """The addresses (``href``) of the links that match ``selector``."""
    return [element.get("href") for element in select(response, selector)]


def labelled_links(response, selector="a"):
    """The links that match ``selector`` as (text, address) pairs, the address as the browser
    reads it (``&amp;`` is ``&``)."""
    return [(text(element), element.get("href")) for element in select(response, selector)]


def link(response, label):
    """The address of the one link in the page's main part that reads ``label``."""
    [address] = [href for words, href in labelled_links(response, "main a") if words == label]
    return address


def meta(response, name):
    """The content of the page's ``<meta name="…">``."""
    [element] = select(response, f'meta[name="{name}"]')
    return element.get("content")


def section_element(response, anchor):
    """The part of the page headed by the heading with id ``anchor`` (None when there is none):
    the element it labels (``aria-labelledby``), else the heading's parent."""
    root = page(response)
    labelled = root.cssselect(f'[aria-labelledby="{anchor}"]')
    if labelled:
        return labelled[0]
    headings = root.cssselect(f'[id="{anchor}"]')
    return headings[0].getparent() if headings else None


def section(response, anchor):
    """The text of the part of the page headed by ``anchor`` (None when there is none)."""
    element = section_element(response, anchor)
    return None if element is None else text(element)


def titles(response, anchor=None):
    """The titles of the cards on the page, or in the part headed by ``anchor``."""
    return texts(response, ".card__title", anchor)


def takeaway_texts(response, anchor=None):
    """The texts of the takeaway cards on the page, or in the part headed by ``anchor``."""
    return texts(response, ".takeaway-text", anchor)


def card(response, title):
    """The text of the one card on the page titled ``title``."""
    [found] = [
        element
        for element in select(response, ".card")
        if [text(heading) for heading in element.cssselect(".card__title")] == [title]
    ]
    return text(found)


def facts(response):
    """The page's key facts (``<dl class="facts">``) as ``{term: description}``."""
    [facts] = select(response, "dl.facts")
    return {text(term): text(term.getnext()) for term in facts.cssselect("dt")}


def _choices(response, name):
    """The options of the list filter ``name`` as (control, label) pairs: an ``<option>`` is
    its own label, a check box has a ``<label for>``."""
    root = page(response)
    for choice in root.cssselect(f'select[name="{name}"] option:not([value=""])'):
        yield choice, choice
    for box in root.cssselect(f'input[type="checkbox"][name="{name}"]'):
        yield box, root.cssselect(f'label[for="{box.get("id")}"]')[0]


def options(response, name):
    """The options of the list filter ``name`` as the page shows them: "Zorg (3)"."""
    return [text(label) for _, label in _choices(response, name)]


def option(response, name, value):
    """The option for ``value`` of the list filter ``name`` as the page shows it ("Zorg (3)"),
    None when the filter does not offer it."""
    found = [
        text(label) for control, label in _choices(response, name) if control.get("value") == value
    ]
    return found[0] if found else None


def chosen(response, name):
    """The options of the list filter ``name`` that are chosen (selected or checked)."""
    return [
        text(label)
        for control, label in _choices(response, name)
        if control.get("selected") is not None or control.get("checked") is not None
    ]


def problems(response):
    """The Dutch messages about query-string values the page ignored."""
    return texts(response, ".notice--warning li")


def chips(response):
    """The chosen filters, each a link that removes it: ("Verwijder filter Jaar: 2024", address)."""
    return labelled_links(response, ".active-filters .chip")


def pagination(response):
    """The links between the pages of a list: ("Vorige", address), ("Pagina 1", address), …"""
    return labelled_links(response, ".pagination a")


def hits(response):
    """The search results on the page, each as its card reads: type, date, title, source."""
    return texts(response, ".search-hit")


def facet_links(response):
    """The search page's facets as ``{group: [(option, address), …]}``; a chosen option reads
    "Gekozen, haal weg: Zorg" and its link removes it."""
    return {
        text(group.cssselect(".facet__title")[0]): [
            (text(choice), choice.get("href")) for choice in group.cssselect(".facet__option")
        ]
        for group in select(response, ".search-facets .facet")
    }
