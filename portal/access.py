"""Who is who: the two questions every visibility decision asks about a user.

Members' accounts arrive in a later issue; until then any active, logged-in account counts
as a member. Keep these two functions the only place that answers the questions.
"""


def is_member(user):
    """May this user read members-only content?"""
    return bool(user is not None and user.is_authenticated and user.is_active)


def can_preview(user):
    """May this user see drafts on their public URL (clearly marked as a preview)?"""
    return bool(user is not None and user.is_authenticated and user.is_active and user.is_staff)
