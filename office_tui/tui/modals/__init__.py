"""The app's modal screens, one per file: the shared kinds here (confirm, view, form,
text prompt), each area's own under its folder (jobs/, vehicles/, inventory/). A screen
imports a modal when the key that opens it is first pressed, so a screen's first frame
never waits for its forms."""
