"""Admin pages in the language each staff user chose, whatever their browser asks for."""

from django.urls import NoReverseMatch, reverse
from django.utils import translation

from . import selectors

# The choice is read once per session, not on every admin request.
SESSION_KEY = "staff_admin_language"


def remember(request, language):
    request.session[SESSION_KEY] = language


def is_admin(path):
    try:
        return path.startswith(reverse("admin:index"))
    except NoReverseMatch:  # a URL configuration without the admin
        return False


class StaffLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The path first: public pages never load the session's user for this.
        if is_admin(request.path) and request.user.is_staff:
            language = request.session.get(SESSION_KEY)
            if language is None:
                language = selectors.admin_language(request.user)
                remember(request, language)
            if language:
                translation.activate(language)
                request.LANGUAGE_CODE = language
        return self.get_response(request)
