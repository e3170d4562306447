"""plotly figures, one module per page kind that draws them."""
