"""The thank-you page's time (POST and redirect) with a fast and with a 7 s mail server.

The emails go out from the background worker, so the investor's wait must not change.
Runs gunicorn (2 sync workers) and one db_worker on the scratch database.
"""

import os
import statistics
import tempfile

from bench.site import Site, enquiry_data

MAIL_SERVERS = {"fast mail server (0 s)": 0, "slow mail server (7 s)": 7}
SUBMISSIONS = 5


def measure(submissions=SUBMISSIONS):
    """{label: figures} for each mail server; visitors submit one after another."""
    results = {}
    for label, seconds in MAIL_SERVERS.items():
        with tempfile.TemporaryDirectory(prefix="bench-enquiry-") as folder:
            env = {
                **os.environ,
                "BENCH_CACHE": "1",
                "DJANGO_EMAIL_BACKEND": "bench.slow_mail.SlowMailBackend",
                "SLOW_MAIL_SECONDS": str(seconds),
                "DJANGO_ENQUIRY_RATE_LIMIT": "1000",
            }
            site = Site(folder, env)
            try:
                site.start_web()
                site.start_workers(1)
                site.submit(enquiry_data(email="warm-up@load.example"))  # first-request costs
                runs = [
                    site.submit(enquiry_data(email=f"bench{n}@load.example"))
                    for n in range(submissions)
                ]
            finally:
                site.close()
        durations = [run.seconds * 1000 for run in runs]
        results[label] = {
            "mail_seconds": seconds,
            "submissions": len(runs),
            "ok": sum(run.post_status == 302 and run.thanks_status == 200 for run in runs),
            "p50": statistics.median(durations),
            "max": max(durations),
        }
        print(f"{label:28} {results[label]}", flush=True)
    return results
