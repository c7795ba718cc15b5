"""A database busy with other writes gets a Dutch "try again shortly" (503), not a server error.

SQLite lets one connection write at a time: another one waits for it (``timeout`` in
portal/settings.py) and then fails with "database is locked" — an editor logging in while a
large import writes, say. PostgreSQL's equivalents are a lock that was waited for too long, a
deadlock and a serialization failure. Nothing is broken then and trying again shortly works, so
the visitor is told that, with ``Retry-After``; the view's transaction has been rolled back.

Only what a view (or the rendering of its template) raises comes here; a session that fails to
be saved after the view is still a server error.
"""

import logging

from django.db import OperationalError

from portal.views import service_unavailable

logger = logging.getLogger(__name__)

#: lock_not_available, deadlock_detected, serialization_failure
POSTGRES_BUSY = {"55P03", "40P01", "40001"}
SQLITE_BUSY = ("database is locked", "database table is locked")


def database_is_busy(error):
    """Whether ``error`` says that another connection's writes were in the way."""
    if not isinstance(error, OperationalError):
        return False
    if getattr(error.__cause__, "pgcode", None) in POSTGRES_BUSY:
        return True
    return str(error).startswith(SQLITE_BUSY)


class BusyDatabaseMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not database_is_busy(exception):
            return None
        logger.warning(
            "Database busy, answered 503: %s %s (%s)", request.method, request.path, exception
        )
        return service_unavailable(request)
