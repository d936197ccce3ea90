"""The demo guides' builders, as cms.bench imports them (the guides are in cms/demo_data/)."""

from cms.demo.content import GUIDES

__all__ = ["GUIDES"]
