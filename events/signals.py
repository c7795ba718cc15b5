"""What events tells the apps that depend on it about its writes.

``events`` never imports those apps (insights depends on events, never the other way round), so
it says that content was written and they follow: insights brings its search index in step with
the search backlog that database triggers keep (the receiver is connected in insights/apps.py).
Writes send this through ``events.services.content_changed``.
"""

from django.dispatch import Signal

#: Content was written in the current transaction, which has not committed yet. Receivers bring
#: what they derive from content in step, inside the transaction: one that raises makes the
#: whole write roll back, so nothing follows half a write.
content_changed = Signal()
