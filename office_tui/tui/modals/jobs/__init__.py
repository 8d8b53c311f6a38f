"""The Jobs and Today screens' modals: one per file."""
