"""The human side of the data: HTML pages, SVG pictures, the concise description of each resource, and the static export of the whole site."""
