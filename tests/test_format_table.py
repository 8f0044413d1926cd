"""One format table: every RDF format of :data:`sakrad_ld.formats.FORMATS` is written by its writer,
published by the release where the entry says, listed in the catalogue and the manifest,
negotiable by the server and written for every document by the static export, with nothing else
to change. Adding a format is one entry in the table and a case here (docs/architecture.md)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from sakrad_ld import writers
from sakrad_ld.cli import parser
from sakrad_ld.documents import DOCUMENT_FORMATS, document_bytes, document_triples
from sakrad_ld.formats import FORMATS, QUAD_FORMATS, RELEASE_GRAPH, RELEASE_MEETINGS, RESULTS_FORMATS, media_type_of
from sakrad_ld.layout import CONTEXT_FILE, DATA_STEM
from sakrad_ld.manifest import read_manifest
from sakrad_ld.serving.negotiation import choose
from sakrad_ld.sparql.store import Release

#: How pyoxigraph reads each format back, to check the writer's output holds the same triples.
READERS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
}
MEETING = "https://w3id.org/sakrad/id/meeting/2017-12-12-integration"
DCAT = "http://www.w3.org/ns/dcat#"


def test_every_entry_has_a_reader_here() -> None:
    assert sorted(READERS) == sorted(f.name for f in FORMATS), "add the new format's reader to READERS"


@pytest.fixture(scope="module")
def opened(fixture_release: Path) -> Release:
    return Release.open(fixture_release)


def _read(data: bytes, form: str, release: Path) -> set[ox.Triple]:
    if form == "jsonld":  # the published context, read from the release as a processor offline would
        import json

        doc = json.loads(data)
        doc["@context"] = json.loads((release / CONTEXT_FILE).read_bytes())["@context"]
        data = json.dumps(doc).encode()
    return {q.triple for q in ox.parse(data, format=READERS[form])}


@pytest.mark.parametrize("form", FORMATS, ids=lambda f: f.name)
def test_the_writer_of_each_format_writes_the_same_triples(form, opened: Release, fixture_release: Path) -> None:  # noqa: ANN001
    triples = document_triples(opened.store, MEETING)
    assert callable(getattr(writers, form.writer)), f"{form.name}: no writer {form.writer!r} in sakrad_ld.writers"
    data = document_bytes(triples, form)
    assert _read(data, form.name, fixture_release) == set(triples)
    assert data == document_bytes(triples, form)


@pytest.mark.parametrize("form", FORMATS, ids=lambda f: f.name)
def test_each_format_is_negotiable_by_its_media_type_and_aliases(form) -> None:  # noqa: ANN001
    assert form in DOCUMENT_FORMATS
    assert choose(form.media_type, DOCUMENT_FORMATS) is form
    assert media_type_of(f"x{form.suffix}").split(";")[0] == form.media_type


@pytest.mark.parametrize("form", FORMATS, ids=lambda f: f.name)
def test_the_release_publishes_each_format_where_the_table_says(
    form,
    fixture_release: Path,  # noqa: ANN001
    opened: Release,
) -> None:
    manifest = read_manifest(fixture_release)
    whole = f"{DATA_STEM}{form.suffix}"
    assert (fixture_release / whole).is_file() is (RELEASE_GRAPH in form.release)
    meetings = sorted((fixture_release / "meetings").glob(f"*{form.suffix}"))
    assert bool(meetings) is (RELEASE_MEETINGS in form.release)
    for path in [fixture_release / whole] * (RELEASE_GRAPH in form.release) + meetings:
        entry = manifest.file(path.relative_to(fixture_release).as_posix())
        assert entry is not None and entry.format == form.name and entry.media_type.startswith(form.media_type)
    # the catalogue lists the whole graph in every format the release has it in, with the table's types
    listed = {
        str(s["url"].value): (s["media"].value, s["type"].value)
        for s in opened.store.query(f"""
        SELECT ?url ?media ?type WHERE {{ ?d a <{DCAT}Distribution> ; <{DCAT}downloadURL> ?url ;
            <{DCAT}mediaType> ?media ; <http://purl.org/dc/terms/format> ?type }}""")
    }
    url = f"{opened.base_iri}{whole}"
    if RELEASE_GRAPH in form.release:
        assert listed.get(url) == (form.iana_iri, form.file_type_iri), sorted(listed)
    else:
        assert url not in listed


def test_every_release_file_in_an_rdf_format_is_named_in_the_manifest(fixture_release: Path) -> None:
    rdf = {f.suffix: f.name for f in (*FORMATS, *QUAD_FORMATS)}
    for entry in read_manifest(fixture_release).files:
        assert entry.format == rdf.get(Path(entry.path).suffix, ""), entry.path


def test_the_query_command_offers_every_results_format() -> None:
    query = parser()._subparsers._group_actions[0].choices["query"]  # type: ignore[union-attr]
    choices = next(a.choices for a in query._actions if a.dest == "format")
    assert list(choices) == ["table", *(f.name for f in RESULTS_FORMATS)]
