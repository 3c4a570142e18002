from django.urls import path

from . import views

app_name = "enquiries"

urlpatterns = [
    path("", views.enquiry_form, name="form"),
    path("thanks/", views.thanks, name="thanks"),
    path("status/", views.status_lookup, name="status"),
]
