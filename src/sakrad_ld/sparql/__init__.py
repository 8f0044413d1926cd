"""SPARQL over a release: the embedded store (pyoxigraph), an external store, the saved queries, result formats, and pushing a release to a Graph Store (https://www.w3.org/TR/sparql11-protocol/)."""
