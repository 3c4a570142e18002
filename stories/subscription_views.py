"""Subscribe, confirm and unsubscribe pages: no account, only signed links."""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import subscriptions
from .forms import SubscribeForm, topic_name


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    form = SubscribeForm(request.POST or None, initial=request.GET.dict())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        subscriptions.subscribe(
            email=data["email"], topic=data["topic"], key=data["key"], language=get_language()
        )
        return render(request, "stories/subscription_sent.html", {"email": data["email"]})
    initial = form.initial if request.method != "POST" else request.POST
    about = topic_name(initial.get("topic", ""), (initial.get("key") or "").lower())
    return render(
        request,
        "stories/subscribe.html",
        {"form": form, "about": about},
        status=400 if request.method == "POST" else (200 if about else 404),
    )


# The signed link is the credential: mail clients and scanners have no CSRF token.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    max_age = settings.SUBSCRIPTION_CONFIRM_DAYS * 86400
    subscription = subscriptions.from_token(token, subscriptions.CONFIRM, max_age=max_age)
    if subscription is None:
        return render(request, "stories/subscription_link.html", {"invalid": True}, status=404)
    # A GET only asks: link scanners follow links, only a person presses the button.
    if request.method == "POST":
        subscriptions.confirm(subscription=subscription)
        return render(request, "stories/subscription_link.html", {"confirmed": True})
    return render(request, "stories/subscription_link.html", {"action": "confirm"})


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    subscription = subscriptions.from_token(token, subscriptions.UNSUBSCRIBE)
    if subscription is None:
        # Already unsubscribed, or a wrong link: either way nothing is sent any more.
        return render(request, "stories/subscription_link.html", {"gone": True})
    if request.method == "POST":
        subscriptions.unsubscribe(subscription=subscription)
        return render(request, "stories/subscription_link.html", {"gone": True})
    return render(request, "stories/subscription_link.html", {"action": "unsubscribe"})
