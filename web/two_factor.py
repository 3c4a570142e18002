"""The admin's second factor (TOTP, django-otp) and its HTTPS-only rule.

After the password, a staff member with an authenticator app enters its
six-digit code (or one of their single-use recovery codes); one without is led
to enrol: scan the QR code (or type the secret), confirm with a code, note the
recovery codes. ADMIN_REQUIRE_2FA turns the rule on (production default);
ADMIN_REQUIRE_HTTPS sends every admin request to HTTPS first.
"""

from base64 import b32encode

import segno
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_token(self):
        return "".join(self.cleaned_data["token"].split())


def _admin_path(request):
    try:
        return request.path_info.startswith(reverse("admin:index"))
    except NoReverseMatch:  # a URLconf without the admin (some tests)
        return False


def _exempt(request):
    """Pages a signed-in, not yet verified staff member may still open."""
    names = ("admin:login", "admin:logout", "two_factor_verify", "two_factor_enrol")
    return request.path_info in {reverse(name) for name in names}


class AdminAccessMiddleware:
    """HTTPS for every admin page; a verified second factor for staff (when required)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _admin_path(request):
            return self.get_response(request)
        if settings.ADMIN_REQUIRE_HTTPS and not request.is_secure():
            return HttpResponsePermanentRedirect(
                f"https://{request.get_host()}{request.get_full_path()}"
            )
        user = request.user
        if (
            settings.ADMIN_REQUIRE_2FA
            and user.is_authenticated
            and user.is_staff
            and not user.is_verified()
            and not _exempt(request)
        ):
            view = "two_factor_verify" if user_has_device(user) else "two_factor_enrol"
            return _redirect(view, request.get_full_path())
        return self.get_response(request)


def _redirect(view, next_path):
    return redirect(f"{reverse(view)}?{urlencode({'next': next_path})}")


def _next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe else reverse("admin:index")


def _context(request, **extra):
    return {**admin.site.each_context(request), "next": _next(request), **extra}


@never_cache
@login_required(login_url="admin:login")
@require_http_methods(["GET", "HEAD", "POST"])
def verify(request):
    if not user_has_device(request.user):
        return _redirect("two_factor_enrol", _next(request))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            if not _has_authenticator(request.user):  # signed in with a recovery code
                return _redirect("two_factor_enrol", _next(request))
            return redirect(_next(request))
        form.add_error("token", _("This code is wrong or has expired. Enter the current one."))
    context = _context(request, form=form, title=_("Two-factor sign-in"))
    return render(request, "admin/two_factor/verify.html", context)


def _has_authenticator(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def _pending_device(user):
    """The authenticator being enrolled: created once, kept until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(
        user=user, name=str(_("Authenticator app")), confirmed=False
    )


def _recovery_codes(user):
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=str(_("Recovery codes")), defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _i in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@never_cache
@login_required(login_url="admin:login")
@require_http_methods(["GET", "HEAD", "POST"])
def enrol(request):
    # Someone who knows only the password must never add a device of their own:
    # with any device, a code (or recovery code) comes first.
    if _has_authenticator(request.user) or (
        user_has_device(request.user) and not request.user.is_verified()
    ):
        return _redirect("two_factor_verify", _next(request))
    device = _pending_device(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            context = _context(
                request, codes=_recovery_codes(request.user), title=_("Recovery codes")
            )
            return render(request, "admin/two_factor/recovery_codes.html", context)
        form.add_error("token", _("This code is wrong or has expired. Enter the current one."))
    uri = device.config_url
    context = _context(
        request,
        form=form,
        uri=uri,
        secret=b32encode(device.bin_key).decode(),
        qr_code=segno.make(uri, error="m").svg_data_uri(scale=4),
        title=_("Set up two-factor sign-in"),
    )
    return render(request, "admin/two_factor/enrol.html", context)
