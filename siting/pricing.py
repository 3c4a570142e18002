"""Prices on one comparable basis, so that a sort by price compares like with like.

Rents are compared per m² a month (a daily rent × 365 ÷ 12) and sale prices per m²
(a land price per 亩 ÷ 666.67, a total ÷ the area). A sort by rent puts the sites
for sale after the rents, and a sort by sale price the rents after the sales.
"""

from django.db.models import Case, F, FloatField, Value, When
from django.db.models.functions import Cast

from localisation.formats import SQUARE_METRES_PER_MU

RENT = "rent_m2_month"  # the annotation: yuan per m² a month
SALE = "sale_m2"  # the annotation: yuan per m²
DAYS_PER_MONTH = 365 / 12


def _price():
    return Cast(F("price"), FloatField())


def rent_per_m2_month():
    return Case(
        When(price_basis="rent_m2_month", then=_price()),
        When(price_basis="rent_m2_day", then=_price() * Value(DAYS_PER_MONTH)),
        output_field=FloatField(),
    )


def sale_per_m2():
    return Case(
        When(price_basis="sale_m2", then=_price()),
        When(price_basis="land_mu", then=_price() / Value(float(SQUARE_METRES_PER_MU))),
        When(
            price_basis="sale_total",
            area_m2__gt=0,
            then=_price() / Cast(F("area_m2"), FloatField()),
        ),
        output_field=FloatField(),
    )


ANNOTATIONS = {RENT: rent_per_m2_month, SALE: sale_per_m2}


def sorted_by(queryset, basis):
    """Sites by their comparable price on `basis` (RENT or SALE), lowest first, the
    others after them in the default order."""
    return queryset.annotate(**{basis: ANNOTATIONS[basis]()}).order_by(
        F(basis).asc(nulls_last=True), "slug"
    )
