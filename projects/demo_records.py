"""Compare demo fixture records with the database, so staff edits are never overwritten.

A fixture record names its row by natural key (the slug). It is *missing* when no
row has that key, *unchanged* when every field the fixture names holds the
fixture's value, and *edited* otherwise: someone changed it after it was loaded.
"""

from dataclasses import dataclass, field

from django.core import serializers


@dataclass
class Comparison:
    record: dict
    label: str
    missing: bool = False
    changed_fields: list = field(default_factory=list)

    @property
    def edited(self):
        return bool(self.changed_fields)


def compare(records):
    """One Comparison per fixture record (a list of dicts in the fixture's format)."""
    deserialized = serializers.deserialize("python", records, handle_forward_references=True)
    return [_compare(record, item) for record, item in zip(records, deserialized, strict=True)]


def _compare(record, item):
    obj = item.object
    model = type(obj)
    key = obj.natural_key() if hasattr(obj, "natural_key") else (obj.pk,)
    name = " ".join(str(part) for part in key)
    comparison = Comparison(record=record, label=f"{model._meta.label_lower} “{name}”")
    stored = model._base_manager.filter(pk=obj.pk).first() if obj.pk is not None else None
    if stored is None:
        comparison.missing = True
        return comparison
    for name in record["fields"]:
        model_field = model._meta.get_field(name)
        if model_field.many_to_many:
            wanted = set(item.m2m_data.get(name, []))
            current = set(getattr(stored, name).values_list("pk", flat=True))
        else:
            wanted = model_field.value_from_object(obj)
            current = model_field.value_from_object(stored)
        if wanted != current:
            comparison.changed_fields.append(name)
    return comparison
