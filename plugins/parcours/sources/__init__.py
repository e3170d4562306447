"""Reading what the CX team writes, as written: bytes, YAML and front matter
with the position of every value, reporting exports, git history, and the
site's `mkdocs.yml`. Nothing here knows the model: every refusal is a
located `Problem`."""
