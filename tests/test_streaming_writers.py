"""Writing the whole graph to a file as it is made (``writers.write_to``, what a release does) gives
the bytes the writers give whole (``writers.write``), in every format of the graph."""

from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox
import pytest

from sakrad_ld.formats import FORMATS, RELEASE_GRAPH, by_name
from sakrad_ld.serialize import ReleaseOrder, SortedPrefixes, release_order, serialize_ox, serialize_to, used_prefixes
from sakrad_ld.triples import Index
from sakrad_ld.vocab import PREFIXES
from sakrad_ld.writers import write, write_to

HERE = Path(__file__).parent


def _index(path: Path) -> Index:
    return Index((q.subject, q.predicate, q.object) for q in ox.parse(path=path, format=ox.RdfFormat.N_TRIPLES))


@pytest.fixture(scope="module")
def graph(fixture_release: Path) -> Index:
    return _index(fixture_release / "sakrad.nt")


@pytest.mark.parametrize("form", [f for f in FORMATS if RELEASE_GRAPH in f.release or f.name == "rdfxml"], ids=str)
def test_a_format_written_to_a_file_is_the_same_bytes(graph: Index, form: object) -> None:
    ordered = release_order(graph)
    ntriples = write(by_name("ntriples"), ordered)
    whole = write(form, ordered, ntriples=ntriples)  # type: ignore[arg-type]
    output = io.BytesIO()
    write_to(form, ReleaseOrder(graph), output, ntriples=ntriples)  # type: ignore[arg-type]
    if form.name == "jsonld":  # the whole graph carries the published context, a document what it uses
        import json

        from sakrad_ld.jsonld import context_document

        streamed, made = json.loads(output.getvalue()), json.loads(whole)
        assert streamed.pop("@context") == context_document()["@context"]
        assert set(made.pop("@context")) <= set(context_document()["@context"]) and streamed == made
    else:
        assert output.getvalue() == whole
    assert len(whole) > 10_000


def test_the_release_order_is_the_same_each_time_it_is_read(graph: Index) -> None:
    ordered = ReleaseOrder(graph)
    assert list(ordered) == list(ordered) == release_order(graph)
    assert len(ordered) == len(graph) == len(list(ordered))


@pytest.mark.parametrize("size", [1, 3, 7, 100])
def test_turtle_prefix_lines_are_sorted_however_the_writes_are_cut(graph: Index, size: int) -> None:
    ordered = release_order(graph)[:200]
    ntriples = ox.serialize(ordered, format=ox.RdfFormat.N_TRIPLES)
    whole = serialize_ox(ordered, "turtle", ntriples)
    prefixes = used_prefixes(ntriples)
    output = io.BytesIO()
    sorter = SortedPrefixes(output, prefixes)
    data = ox.serialize(ordered, format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    for start in range(0, len(data), size):
        sorter.write(data[start : start + size])
    sorter.close()
    assert output.getvalue() == whole
    assert whole.startswith(b"@prefix ") and len(prefixes) > 2


def test_a_tiny_graph_and_an_empty_one_are_written_as_whole() -> None:
    triples = [
        ox.Triple(ox.NamedNode("https://schema.org/x"), ox.NamedNode("https://schema.org/name"), ox.Literal("x"))
    ]
    ntriples = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    output = io.BytesIO()
    serialize_to(triples, "turtle", output, ntriples)
    assert output.getvalue() == serialize_ox(triples, "turtle", ntriples)
    empty = io.BytesIO()
    serialize_to([], "turtle", empty, b"")
    assert empty.getvalue() == serialize_ox([], "turtle", b"")


def test_the_quads_written_to_files_are_the_bytes_given_whole(tmp_path: Path) -> None:
    from conftest import fixture_project

    from sakrad_ld.project import Project
    from sakrad_ld.quads import QUAD_FILES, quad_files, write_quad_files
    from sakrad_ld.release import build

    _, built, _ = build(Project.at(fixture_project(tmp_path / "project")))
    whole = quad_files(built.quads)
    write_quad_files(built.quads, tmp_path)
    for name in QUAD_FILES.values():
        assert (tmp_path / name).read_bytes() == whole[name]
    assert whole[QUAD_FILES["trig"]].startswith(b"@prefix ") and b"\n<" in whole[QUAD_FILES["nquads"]]


@pytest.mark.parametrize("size", [1, 5, 64, 1 << 20])
def test_the_namespaces_noted_as_they_pass_are_those_found_in_the_whole(graph: Index, size: int) -> None:
    from sakrad_ld.serialize import Namespaces

    data = ox.serialize(release_order(graph)[:3000], format=ox.RdfFormat.N_TRIPLES)
    output = io.BytesIO()
    noted = Namespaces(output)
    for start in range(0, len(data), size):
        noted.write(data[start : start + size])
    assert output.getvalue() == data
    assert used_prefixes(noted) == used_prefixes(data)
    assert 3 < len(used_prefixes(data)) < len(used_prefixes(b"".join(b"<" + ns.encode() for ns in PREFIXES.values())))


def test_an_error_while_a_file_is_filled_names_the_file(tmp_path: Path) -> None:
    import errno

    from sakrad_ld.serialize import output_file

    with pytest.raises(OSError) as raised, output_file(tmp_path / "sakrad.nt") as output:
        output.write(b"<a> <b> <c> .\n")
        raise OSError(errno.ENOSPC, "No space left on device")  # as a write to a full disk does
    assert raised.value.filename == str(tmp_path / "sakrad.nt") and raised.value.errno == errno.ENOSPC


def test_the_prefixes_worked_out_from_the_terms_are_those_found_in_the_n_triples(graph: Index) -> None:
    from sakrad_ld.serialize import prefix_names

    ordered = release_order(graph)
    for start in range(0, len(ordered), 97):  # windows of every kind of subject the release has
        window = ordered[start : start + 97]
        assert prefix_names(window) == set(used_prefixes(ox.serialize(window, format=ox.RdfFormat.N_TRIPLES)))
    dct, xsd, rdf = PREFIXES["dct"], PREFIXES["xsd"], PREFIXES["rdf"]
    thing, name = ox.NamedNode("https://example.org/thing"), ox.NamedNode("https://example.org/name")
    cases = [
        ox.Literal("plain"),  # xsd:string: no datatype written
        ox.Literal("svenska", language="sv"),  # rdf:langString: no datatype written
        ox.Literal("2017-12-12", datatype=ox.NamedNode(xsd + "date")),
        ox.Literal(f"a text that names <{dct}title> in it"),
        ox.Literal(f"almost <{dct[:-1]}"),
        ox.BlankNode("b0"),
        ox.NamedNode(rdf + "type"),
    ]
    for o in cases:
        triples = [ox.Triple(thing, name, o), ox.Triple(ox.BlankNode("b1"), name, thing)]
        expected = set(used_prefixes(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)))
        assert prefix_names(triples) == expected, o


@pytest.mark.parametrize(
    "data",
    [
        b"@prefix b: <https://b/> .\n@prefix a: <https://a/> .\n<https://x> a:p b:o .\n",
        b"@prefix a: <https://a/> .\n",
        b"<https://x> <https://p> <https://o> .\n",
        b"",
        b"@prefix b: <https://b/> .\n<https://x> a:p b:o .\n@prefix a: <https://a/> .\n",
        b'@prefix a: <https://a/> .\n<https://x> a:p """\n@prefix not a line of its own""" .\n',
    ],
)
def test_prefix_lines_are_sorted_as_every_line_that_is_one_would_be(data: bytes) -> None:
    from sakrad_ld.serialize import sorted_prefixes

    prefixes = {"a": "https://a/", "b": "https://b/"} if data.startswith(b"@prefix") else {}
    head = sorted(f"@prefix {p}: <{ns}> .".encode() for p, ns in prefixes.items())
    body = [line for line in data.split(b"\n") if not line.startswith(b"@prefix ")]
    assert sorted_prefixes(data, prefixes) == b"\n".join(head + ([b""] if head else []) + body)
