"""Widgets and modal forms of the interface."""
