"""The cross-reference index: every valid source, and the links between them,
checked across files (references, media files, reporting exports)."""
