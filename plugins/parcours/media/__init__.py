"""Media files sources name: checked before anything is published, and published clean."""
