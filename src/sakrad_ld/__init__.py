"""sakrad-ld: the Swedish Government Offices' sakråd consultations as linked open data.

Data flows one way: ``data/`` (YAML) → :func:`load_corpus` (typed records) → :func:`build_graph`
(RDF) → :func:`validate` (SHACL) → :func:`write_release` (files). The CLI is a thin layer over these.
"""

__version__ = "0.1.0"
