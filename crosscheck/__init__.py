"""crosscheck: shows where news reports of one event disagree."""

__version__ = "0.1.0"
