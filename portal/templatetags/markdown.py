from django import template

from portal.markdown import plain_text, render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """``{{ event.body|markdown }}``: sanitised HTML."""
    return render_markdown(text)


@register.filter(name="plaintext")
def plaintext_filter(text):
    """``{{ event.summary|plaintext|truncatewords:30 }}``: the words without markup."""
    return plain_text(text)
