"""Uploaded media served by Django (development and `make serve` only).

Production serves /media/ from object storage or the proxy, which must send the
same headers (see README, Production).
"""

from django.conf import settings
from django.views.static import serve

from projects.documents import protect

# Photos are shown in pages; anything else under media/ is only ever downloaded.
INLINE_FOLDERS = ("images/",)


def serve_media(request, path):
    response = protect(serve(request, path, document_root=settings.MEDIA_ROOT))
    if not path.startswith(INLINE_FOLDERS):
        response["Content-Disposition"] = "attachment"
    return response
