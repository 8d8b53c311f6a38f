"""The Inventory screen's modals: one per file."""
