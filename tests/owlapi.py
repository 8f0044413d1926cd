"""The OWL API's OWL 2 DL profile checker (https://www.w3.org/TR/owl2-profiles/, the OWL API's
``Profiles.OWL2_DL``), run on Debian's OWL API (package ``libowlapi-java``) through JPype.

The check runs in a child process (``python tests/owlapi.py FILE``), so the test process never
holds a Java virtual machine: later tests fork worker processes, which a running JVM does not survive.
Each violation is printed as one JSON line: its kind (the OWL API's class name), the datatype it
concerns where it concerns one, and the OWL API's own text.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

#: Debian's OWL API and the libraries it needs (the Depends of libowlapi-java), in /usr/share/java.
JAVA_LIBRARIES = Path("/usr/share/java")
JARS = (
    "owlapi-distribution",
    "guava",
    "caffeine",
    "commons-rdf-api",
    "commons-io",
    "commons-codec",
    "jsr305",
    "slf4j-api",
    "atinject-jsr330-api",
    "hppcrt",
    "xz",
    "rdf4j-model-api",
    "rdf4j-model",
    "rdf4j-rio-api",
    "rdf4j-util",
    "rdf4j-model-vocabulary",
    "jackson-core",
    "jackson-databind",
    "jackson-annotations",
)
INSTALL = (
    "the OWL 2 DL check needs Debian's Java runtime and OWL API (apt-get install default-jre-headless "
    "libowlapi-java) and JPype (pip install -e '.[test]'); .ci/run installs them"
)


@dataclass(frozen=True)
class Violation:
    kind: str
    datatype: str | None
    text: str


@dataclass(frozen=True)
class Report:
    owlapi_version: str
    java_version: str
    violations: list[Violation]


def check(path: Path) -> Report:
    """The OWL 2 DL profile violations of the ontology document at ``path`` (any format the OWL API reads)."""
    missing = [j for j in JARS if not (JAVA_LIBRARIES / f"{j}.jar").exists()]
    if missing:
        raise RuntimeError(f"{INSTALL}; missing in {JAVA_LIBRARIES}: {', '.join(missing)}")
    run = subprocess.run(
        [sys.executable, __file__, str(path)], capture_output=True, text=True, timeout=600, check=False
    )
    if run.returncode != 0:
        raise RuntimeError(f"the OWL API could not check {path}: {run.stderr.strip()[-2000:]}\n{INSTALL}")
    lines = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    head, rows = lines[0], lines[1:]
    return Report(head["owlapi"], head["java"], [Violation(**row) for row in rows])


def _main(path: str) -> None:
    import jpype
    import jpype.imports  # lets Java packages be imported by name

    jpype.startJVM(classpath=[str(JAVA_LIBRARIES / f"{j}.jar") for j in JARS])
    from java.io import File  # type: ignore[import-not-found]
    from java.lang import System  # type: ignore[import-not-found]
    from org.semanticweb.owlapi.apibinding import OWLManager  # type: ignore[import-not-found]
    from org.semanticweb.owlapi.model import OWLDatatype, OWLLiteral  # type: ignore[import-not-found]
    from org.semanticweb.owlapi.profiles import Profiles  # type: ignore[import-not-found]

    manager = OWLManager.createOWLOntologyManager()
    ontology = manager.loadOntologyFromOntologyDocument(File(path))
    version = str(OWLManager().getClass().getPackage().getImplementationVersion())
    print(json.dumps({"owlapi": version, "java": str(System.getProperty("java.version"))}))
    for v in Profiles.OWL2_DL.checkOntology(ontology).getViolations():
        expression = v.getExpression() if hasattr(v, "getExpression") else None
        datatype = None
        if isinstance(expression, OWLDatatype):
            datatype = str(expression.getIRI())
        elif isinstance(expression, OWLLiteral):
            datatype = str(expression.getDatatype().getIRI())
        print(
            json.dumps(
                {"kind": str(v.getClass().getSimpleName()), "datatype": datatype, "text": str(v)}, ensure_ascii=False
            )
        )


if __name__ == "__main__":
    _main(sys.argv[1])
