"""Duplicate detection of letters as citizens really write them (see engine.py)."""

from .engine import Match, Profile, blocking_keys, compare, profile_of

__all__ = ["Match", "Profile", "blocking_keys", "compare", "profile_of"]
