"""An investor's rights over their enquiries: transfer abroad, export, erasure.

Erasure anonymises rather than deletes: the enquiry row keeps what statistics need
(country, sector, park, centre, desk, stage, language, dates, status, rating), so
the desk performance figures per month stay true, and loses everything that names
or reaches a person. Rows attached to an enquiry (emails, replies, bookings: every
model whose foreign key to Enquiry cascades) are deleted, with the background task
rows that carried their primary keys.
"""

from django.db import models, transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from .models import Enquiry, Notification
from .notifications import send_email

# What anonymising an enquiry writes over its personal fields.
ERASED = {
    "name": "",
    "company": "",
    "email": "",
    "phone": "",
    "message": "",
    "internal_notes": "",
}

# Background tasks whose first argument is a Notification's primary key.
NOTIFICATION_TASKS = [send_email.module_path]


def may_receive(desk, enquiry):
    """A desk abroad receives an enquiry only with the sender's separate consent (PIPL art. 39)."""
    return not desk.abroad or enquiry.cross_border_consent


def attached_relations():
    """The relations of rows that belong to one enquiry and go when it goes."""
    return [
        relation
        for relation in Enquiry._meta.related_objects
        if (relation.one_to_many or relation.one_to_one) and relation.on_delete is models.CASCADE
    ]


def attached_rows(relation, enquiry_pks):
    return relation.related_model._base_manager.filter(
        **{f"{relation.field.name}__in": enquiry_pks}
    )


def investor_enquiries(enquiries, *, emails):
    """The enquiries among `enquiries` sent from any of `emails` (case does not matter)."""
    query = models.Q(pk__in=[])
    for email in {email.strip().lower() for email in emails if email.strip()}:
        query |= models.Q(email__iexact=email)
    return enquiries.filter(query).order_by("created_at", "pk")


def anonymise(*, enquiries):
    """Erase the personal data of `enquiries` and delete what is attached; returns the count.

    Running it again on the same enquiries changes nothing.
    """
    with transaction.atomic():
        pks = list(enquiries.filter(anonymised_at__isnull=True).values_list("pk", flat=True))
        if not pks:
            return 0
        notification_pks = list(
            Notification.objects.filter(enquiry__in=pks).values_list("pk", flat=True)
        )
        DBTaskResult.objects.filter(
            task_path__in=NOTIFICATION_TASKS, args_kwargs__args__0__in=notification_pks
        ).delete()
        for relation in attached_relations():
            attached_rows(relation, pks).delete()
        # update() leaves `updated_at` alone: the last real activity stays on record.
        return Enquiry.objects.filter(pk__in=pks).update(
            **ERASED, status=Enquiry.Status.CLOSED, anonymised_at=timezone.now()
        )


def row_data(obj):
    """Every stored field of one row: related records by name, choices with their label."""
    data = {}
    for field in obj._meta.concrete_fields:
        if field.is_relation:
            related = getattr(obj, field.name)
            value = None if related is None else str(related)
        else:
            value = field.value_from_object(obj)
            if field.choices and value not in ("", None):
                label = getattr(obj, f"get_{field.name}_display")()
                value = {"value": str(value), "label": str(label)}
        data[field.name] = value
    return data


def investor_data(enquiries):
    """Everything stored with `enquiries`, ready for JSON: the answer to an access request."""
    relations = attached_relations()
    exported = []
    for enquiry in enquiries:
        entry = row_data(enquiry)
        entry["attached"] = {
            relation.get_accessor_name(): [
                row_data(row) for row in attached_rows(relation, [enquiry.pk]).order_by("pk")
            ]
            for relation in relations
        }
        exported.append(entry)
    return {"exported_at": timezone.now(), "enquiries": exported}
