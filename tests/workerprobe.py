"""A task for a query worker that runs a query on the worker's store with none of the checks
:func:`sakrad_ld.sparql.query.evaluate` makes first, as a query that fooled the lexer would run."""

from __future__ import annotations

from typing import Any


def run_unchecked(release: Any, query: str) -> tuple[str, str]:
    """("ok", the answer's rows) or ("failed", the engine's error): the engine's own doing."""
    import pyoxigraph as ox

    try:
        result = release.store.query(query)
        return "ok", repr(bool(result) if isinstance(result, ox.QueryBoolean) else list(result))
    except Exception as error:  # noqa: BLE001 - what the engine said is the result
        return "failed", f"{type(error).__name__}: {error}"
