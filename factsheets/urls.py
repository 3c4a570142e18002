"""/<lang>/parks/<slug>/factsheet.pdf and the like: beside each record's own page."""

from django.urls import path

from . import views
from .kinds import KINDS

app_name = "factsheets"

urlpatterns = [
    path(
        f"{kind.declared.path}/<slug:slug>/factsheet.pdf",
        views.sheet,
        {"kind": kind.key},
        name=kind.key,
    )
    for kind in KINDS.values()
]
