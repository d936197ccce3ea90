from tests.cms.fixtures import *  # noqa: F403
