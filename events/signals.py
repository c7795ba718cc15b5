"""What events tells the apps that depend on it about its writes.

``events`` never imports those apps (insights depends on events, never the other way round), so
it says what changed and they follow: insights keeps its search index in step (the receiver is
connected in insights/apps.py). Writes send this through ``events.services.content_changed``.
"""

from django.dispatch import Signal

#: Objects the public can see were written. Sent inside the write's transaction, right after
#: it: ``sender`` is the model, ``saved`` the ids of its objects added or changed (also by
#: publishing), ``deleted`` the ids of those deleted (with whatever the deletion took along),
#: ``fields`` the names of the fields that changed when the writer knows them (an admin form
#: does), else None. A receiver that raises makes the whole write roll back, so nothing
#: follows half a write.
content_changed = Signal()
