"""Parcours: customer journey maps kept as Markdown and YAML, published as an offline MkDocs site.

The data flows one way, and the folders say where each step happens:
`sources` reads what the CX team wrote, `model` defines every field and
value, `checks` explains what is wrong in one file, `index` links the files
together, `analyses` computes what the pages show, `render` draws them;
`site.load_site` runs these steps. Two adapters sit on top: `mkdocs_plugin`
and `cli`.
"""
