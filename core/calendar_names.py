"""Month and weekday names as news writes them: one table for the page reader (publication
dates) and the analysis (when an event happened). The calendar, not configurable vocabulary."""
from __future__ import annotations

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}
MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
"""The first three letters of every month: a substring test for 'could this name a month'."""
MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))
"""A regex alternation of every month name, longest first so 'june' is not read as 'jun'."""


def month_number(name: str) -> int:
    """1..12 for a month name or abbreviation in any case, with or without its full stop."""
    name = name.lower().rstrip(".")
    return MONTHS.get(name) or MONTHS[name[:3]]
