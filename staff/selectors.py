from .models import StaffProfile


def admin_language(user):
    """The admin language `user` chose, or "" when they chose none."""
    return StaffProfile.objects.filter(user=user).values_list("language", flat=True).first() or ""
