from tests.cms.courses_stand_in import courses_detail_route  # noqa: F401
from tests.cms.fixtures import *  # noqa: F403
