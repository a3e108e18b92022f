"""BodyMap: a pain body map that ranks muscle referral patterns by overlap with marked pain."""

from __future__ import annotations

__version__ = "0.1.0"
