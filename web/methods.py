"""HTTP methods: the portal answers GET, HEAD and POST; OPTIONS gets an empty answer.

Without this, a function view renders its whole page for TRACE, PUT or DELETE.
"""

from django.http import HttpResponse, HttpResponseNotAllowed

ALLOWED = ["GET", "HEAD", "POST", "OPTIONS"]


class HttpMethodsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "OPTIONS":
            response = HttpResponse(status=200)
            response["Allow"] = ", ".join(ALLOWED)
            return response
        if request.method not in ALLOWED:
            return HttpResponseNotAllowed(ALLOWED)
        return self.get_response(request)
