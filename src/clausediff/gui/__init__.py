"""The Qt layer of ClauseDiff: thin models over core results, widgets that show them."""
