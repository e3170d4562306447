"""The site's words: the translation table, and how names are written and matched."""
