"""Which writes call for which sheets: every save, delete or m2m change a sheet shows.

Each hook only hands a (kind, pk) to the worker after commit; the worker decides, from
the HTML it would print, whether a sheet really changed. The periodic `refresh_sheets`
catches writes no signal sees (bulk updates, scheduled publication) and, being due when
the scheduler first starts, prints the sheets of records loaded from fixtures: `loaddata`
(the demo, a backup restored) changes nothing here, so a restore enqueues no task.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from .services import request_sheets


def loaded(instance, raw=False):
    """Whether `instance` comes from a fixture (its m2m rows follow its raw save)."""
    if raw:
        instance._factsheets_loaded = True
    return getattr(instance, "_factsheets_loaded", False)


def _request(kind, *record_ids):
    for record_id in record_ids:
        if record_id is not None:
            request_sheets(kind=kind, record_id=record_id)


def park_changed(sender, instance, **kwargs):
    if loaded(instance, kwargs.get("raw", False)):
        return
    _request("park", instance.pk)


def park_part_changed(sender, instance, **kwargs):
    if loaded(instance, kwargs.get("raw", False)):
        return
    _request("park", instance.park_id)


def site_changed(sender, instance, **kwargs):
    if loaded(instance, kwargs.get("raw", False)):
        return
    _request("site", instance.pk)
    _request("park", instance.park_id)  # the park's sheet lists its sites


def drive_time_changed(sender, instance, **kwargs):
    if loaded(instance, kwargs.get("raw", False)):
        return
    _request("site", instance.site_id)
    _request("park", instance.park_id)


def policy_changed(sender, instance, **kwargs):
    if loaded(instance, kwargs.get("raw", False)):
        return
    if instance.pk:
        _request("park", *instance.parks.values_list("pk", flat=True))


def relation_changed(kind, model):
    """An m2m hook: the records of `model` on either side of the change."""

    def changed(sender, instance, action, pk_set, **kwargs):
        if action not in ("post_add", "post_remove", "post_clear") or loaded(instance):
            return
        if isinstance(instance, model):
            _request(kind, instance.pk)
        else:
            _request(kind, *(pk_set or ()))

    return changed


def connect():
    from projects.models import Park, ParkFigure, Policy
    from siting.models import AvailableSite, DriveTime

    for name, signal in (("save", post_save), ("delete", post_delete)):
        for model, receiver in (
            (Park, park_changed),
            (ParkFigure, park_part_changed),
            (AvailableSite, site_changed),
            (DriveTime, drive_time_changed),
        ):
            uid = f"factsheets-{model._meta.label_lower}-{name}"
            signal.connect(receiver, sender=model, dispatch_uid=uid)
    post_save.connect(policy_changed, sender=Policy, dispatch_uid="factsheets-policy")
    for through, kind, model in (
        (Park.sectors.through, "park", Park),
        (AvailableSite.sectors.through, "site", AvailableSite),
        (Policy.parks.through, "park", Park),
    ):
        uid = f"factsheets-{through._meta.label_lower}"
        # A closure: held strongly, or it would be collected at once.
        m2m_changed.connect(
            relation_changed(kind, model), sender=through, weak=False, dispatch_uid=uid
        )
