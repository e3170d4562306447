"""What the index says once computed: key figures, insights, the touchpoint
inventory, coverage, teams, verbatims ranked, priorities, and the site map."""
