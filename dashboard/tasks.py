"""The editors' digest, sent by the background worker."""

from django_tasks import task

from . import digest


@task()
def send_editor_digest(user_pk):
    user = digest.editors().filter(pk=user_pk).first()
    return digest.send(user) if user else False
