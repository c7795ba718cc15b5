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


def texts(response, selector):
    """The texts of the elements that match ``selector``, in page order."""
    return [text(element) for element in select(response, selector)]


def links(response, selector="a"):
    """The addresses (``href``) of the links that match ``selector``."""
    return [element.get("href") for element in select(response, selector)]


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
    root = page(response) if anchor is None else section_element(response, anchor)
    if root is None:
        return []
    return [text(element) for element in root.cssselect(".card__title")]


def options(response, name):
    """The options of the list filter ``name`` as the page shows them: "Zorg (3)"."""
    root = page(response)
    choices = root.cssselect(f'select[name="{name}"] option:not([value=""])')
    boxes = root.cssselect(f'input[name="{name}"]')
    labels = [root.cssselect(f'label[for="{box.get("id")}"]')[0] for box in boxes]
    return [text(element) for element in (*choices, *labels)]


def problems(response):
    """The Dutch messages about query-string values the page ignored."""
    return texts(response, ".notice--warning li")
