"""Drafting a meeting's YAML from a documentation text written in the sakråd template."""
