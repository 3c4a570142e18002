import pytest

pytest_plugins = ["tests.browser"]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files in tests go to a temporary folder, never the real media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached pages must not leak from one test's (rolled-back) data into the next."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def editor(client, db):
    """A member of the Editor group, logged in on the test client."""
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user("editor", password="a-long-editor-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editor"))
    client.force_login(user)
    return user


@pytest.fixture(autouse=True)
def default_language():
    """A test-client request leaves its language active: every test starts in the default."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()
