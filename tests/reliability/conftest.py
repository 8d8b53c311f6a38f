"""Every test here ends with PRAGMA integrity_check on the databases it left."""

from tests.integrity import integrity_check_at_the_end  # noqa: F401 - an autouse fixture
