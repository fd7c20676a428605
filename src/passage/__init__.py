"""Passage: migration-enforcement events from news reports, with their evidence."""

__version__ = "0.1.0"
