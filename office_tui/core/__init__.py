"""Pure domain logic: no Textual, no SQLite, no I/O. `now` is always a parameter."""
