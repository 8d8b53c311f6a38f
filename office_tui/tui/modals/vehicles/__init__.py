"""The Vehicles screen's modals: one per file."""
