"""The CMS page types and settings, one module per area."""

from cms.models.base import HomePage, SiteContactSettings, StandardPage
from cms.models.guides import GuideIndexPage, GuidePage
from cms.models.stories import ConsentScope, StoryIndexPage, StoryPage, StoryPageTag

__all__ = [
    "ConsentScope",
    "GuideIndexPage",
    "GuidePage",
    "HomePage",
    "SiteContactSettings",
    "StandardPage",
    "StoryIndexPage",
    "StoryPage",
    "StoryPageTag",
]
