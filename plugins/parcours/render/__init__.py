"""Drawing the pages: the renderer, the page context, one module per page kind
(`pages/`), the charts (`charts/`), the templates and the static assets."""
