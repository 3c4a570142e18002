from .models import StaffProfile


def set_admin_language(*, user, language):
    StaffProfile.objects.update_or_create(user=user, defaults={"language": language})
