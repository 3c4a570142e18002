"""Valid enquiry data and desks, for the enquiry tests."""

from django.contrib.auth.models import Group, User

from bench.site import enquiry_data  # noqa: F401 (the form data the tests post)
from enquiries.models import Desk, Enquiry


def make_enquiry(**fields):
    data = enquiry_data(**fields)
    data.pop("consent")
    data.pop("submission_token")
    return Enquiry.objects.create(consent=True, **data)


def default_desk():
    return Desk.objects.get(is_default=True)


def make_desk(name, **fields):
    return Desk.objects.create(name=name, email=f"{name.lower()}@invest.example", **fields)


def make_officer(username, *desks):
    user = User.objects.create_user(
        username, f"{username}@invest.example", "a-long-officer-password", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Investment officer"))
    for desk in desks:
        desk.members.add(user)
    return user


def send_queued_emails():
    """Send every pending email, as the background worker's task does for each."""
    from enquiries.models import Notification
    from enquiries.notifications import deliver_pending

    return deliver_pending(Notification.objects.all())
