from django.urls import path

from . import views

app_name = "about"

urlpatterns = [
    path("contact/", views.contact, name="contact"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("site-map/", views.site_map, name="site_map"),
    path("styleguide/", views.styleguide, name="styleguide"),
]
