"""A slow mail server for load tests and the benchmark: it records who called it.

Set `DJANGO_EMAIL_BACKEND=bench.slow_mail.SlowMailBackend`, `SLOW_MAIL_SECONDS` (how
long each message takes) and `SLOW_MAIL_LOG` (a file that gets one JSON line per
message: the process id, its `PORTAL_ROLE`, recipients and subject).
"""

import json
import os
import time

from django.core.mail.backends.base import BaseEmailBackend


class SlowMailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        for message in email_messages:
            time.sleep(float(os.environ.get("SLOW_MAIL_SECONDS", "1")))
            record = {
                "pid": os.getpid(),
                "role": os.environ.get("PORTAL_ROLE", ""),
                "to": message.to,
                "subject": message.subject,
            }
            log = os.environ.get("SLOW_MAIL_LOG")
            if log:
                # One short write in append mode: lines from several processes never mix.
                with open(log, "a", encoding="utf-8") as file:
                    file.write(json.dumps(record, ensure_ascii=False) + "\n")
        return len(email_messages)
