"""Reading: files on disk to `Source`s — decoding, HTML to text, page junk, metadata.

Imports only `core.model`; never the analysis or review layers.
"""
