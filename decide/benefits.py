"""What a policy gives and how to claim it, written out in the active language."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from localisation import formats


def terms(policy):
    """(label, text) for each structured term the policy has."""
    rows = []
    if policy.benefit_amount is not None:
        rows.append((_("Amount"), formats.money(policy.benefit_amount, "CNY")))
    if policy.benefit_rate is not None:
        rows.append((_("Rate"), formats.percent(policy.benefit_rate)))
    if policy.benefit_cap is not None:
        rows.append((_("Up to"), formats.money(policy.benefit_cap, "CNY")))
    if policy.benefit_years:
        years = policy.benefit_years
        rows.append(
            (_("For"), ngettext("%(count)s year", "%(count)s years", years) % {"count": years})
        )
    if policy.claim_deadline:
        rows.append((_("Apply by"), formats.date(policy.claim_deadline)))
    return rows


def conditions(policy):
    """The thresholds the policy sets, for the finder's list."""
    rows = []
    if policy.min_investment is not None:
        rows.append(
            _("investment of at least %(amount)s")
            % {"amount": formats.money(policy.min_investment, "CNY")}
        )
    if policy.min_headcount is not None:
        rows.append(
            _("at least %(count)s employees") % {"count": formats.number(policy.min_headcount)}
        )
    field = type(policy)._meta.get_field
    for name in ("company_types", "talent_categories"):
        labels = field(name).labels(getattr(policy, name))
        if labels:
            rows.append(formats.join([str(label) for label in labels]))
    return rows
