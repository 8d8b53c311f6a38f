"""The Textual interface: one App, one mode per area of the clerk's work."""
