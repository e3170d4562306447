"""The MkDocs adapter: the plugin, its options, and the navigation it builds."""

from __future__ import annotations

from .plugin import ParcoursPlugin

__all__ = ["ParcoursPlugin"]
