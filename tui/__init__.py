"""The Textual dashboard over the core model."""
