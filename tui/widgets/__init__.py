"""The dashboard's panes, one per module."""
