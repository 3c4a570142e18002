"""gunicorn settings: `gunicorn -c portal/gunicorn.conf.py portal.wsgi`.

Binds to loopback only; a TLS-terminating proxy in front forwards to it.
"""

import os

bind = f"127.0.0.1:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# Requests that take longer than this are stuck: the worker is restarted.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak can never take the site down.
max_requests = 2000
max_requests_jitter = 200
# Only the proxy on this machine may set X-Forwarded-* headers.
forwarded_allow_ips = "127.0.0.1,::1"
# Access lines carry client IP addresses (personal data): the privacy notice says so,
# and the log store keeps them ACCESS_LOG_RETENTION_DAYS at most.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
# Access and error lines as JSON, like the application's own log.
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "web.logs.JSONFormatter"}},
    "filters": {"personal_data": {"()": "web.logs.MaskEmailAddresses"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["personal_data"],
            "stream": "ext://sys.stdout",
        }
    },
    "root": {"handlers": ["stdout"], "level": "INFO"},
    "loggers": {
        "gunicorn.error": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
    },
}
