"""A sakrad-ld project folder: ``data/``, ``ontology/`` and ``shapes/``, found by convention."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import ProjectError
from .inputfiles import resolved

__all__ = ["Project"]


@dataclass(frozen=True)
class Project:
    """The authored inputs of a release, passed explicitly to everything that reads them."""

    root: Path

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def ontology(self) -> Path:
        return self.root / "ontology"

    @property
    def shapes(self) -> Path:
        return self.root / "shapes"

    @classmethod
    def at(cls, root: Path) -> Project:
        """The project in ``root``, or a ProjectError naming what is missing."""
        project = cls(root)
        missing = [p.name + "/" for p in (project.data, project.ontology, project.shapes) if not p.is_dir()]
        if missing:
            raise ProjectError(
                f"{resolved(root, 'the project folder')}: not a sakrad-ld project, it has no {', '.join(missing)}; "
                "run the command in the project folder"
            )
        return project
