"""A relation (a body's ``unit_of``, a post's ``reports_to``, a person's ``member_of``) is stated by a
clause that joins the two names, not by the two names standing near each other.

The kept text of the fixture (sources/sakrad-2017-12-12-integration.txt) states three: the heading
"Arbetsmarknadsdepartementet" over "Integrationsenheten" (and "Arbetsmarknadsdepartementet,
Integrationsenheten"), "Vanja Bardh Olsson, Integrationsenheten" and "statssekreterare hos
arbetsmarknads- och etableringsminister Ylva Johansson". Its sentence "deltog statssekreterare Anders
Kessling samt tjänstemän från Arbetsmarknadsdepartementet" names the ministry officials came from,
and does not place Kessling in it. The copies of the fixture project are edited here; data/ is never
read. The crediting rule ("fact_sources, else the first source") is one function, records.credited.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pyoxigraph as ox
import pytest
from conftest import edit_data, fixture_project, load_messages

from sakrad_ld import named, placed, records, registered, stated
from sakrad_ld.corpus import load_corpus
from sakrad_ld.graph import build_graph
from sakrad_ld.stated import folded, folded_text

ID = "https://w3id.org/sakrad/id/"
ORG = "http://www.w3.org/ns/org#"
KEPT = "dokumentation-2017-12-12-integration"
TEXT = "sources/sakrad-2017-12-12-integration.txt"
VANJA = "Kontaktperson: Vanja Bardh Olsson, Integrationsenheten (e-post"
HEAD = "Arbetsmarknadsdepartementet\nIntegrationsenheten\n"
SIGNED = "tjänstemän från Arbetsmarknadsdepartementet, Integrationsenheten."
SECRETARY = "statssekreterare hos arbetsmarknads- och etableringsminister Ylva Johansson"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return fixture_project(tmp_path / "project")


def _refused(project: Path, fact: str, kind: str, id: str) -> list[str]:
    return [
        e for e in load_messages(project) if f"{fact} of {kind} '{id}'" in e and f"{fact}_derivation is missing" in e
    ]


def _graphs(project: Path, subject: str, predicate: str) -> list[tuple[str, str]]:
    built = build_graph(load_corpus(project / "data"))
    s, p = ox.NamedNode(ID + subject), ox.NamedNode(predicate)
    return sorted({(str(o), g.value) for s2, p2, o, g in built.quads if s2 == s and p2 == p})


def test_the_three_stated_relations_load_credited_to_the_text(project: Path) -> None:
    assert load_messages(project) == []
    graph = f"{ID}source/{KEPT}"
    assert _graphs(project, "person/vanja-bardh-olsson", ORG + "memberOf") == [
        (f"<{ID}body/integrationsenheten>", graph)
    ]
    assert _graphs(project, "body/integrationsenheten", ORG + "subOrganizationOf") == [
        (f"<{ID}body/arbetsmarknadsdepartementet>", graph)
    ]
    assert _graphs(project, "post/statssekreterare-hos-arbetsmarknads-och-etableringsministern", ORG + "reportsTo") == [
        (f"<{ID}post/arbetsmarknads-och-etableringsminister>", graph)
    ]


def test_kessling_is_not_a_member_of_the_ministry_officials_came_from(project: Path) -> None:
    # "deltog statssekreterare Anders Kessling samt tjänstemän från Arbetsmarknadsdepartementet"
    edit_data(
        project,
        "people.yaml",
        "    name: Anders Kessling\n",
        "    name: Anders Kessling\n    member_of: [arbetsmarknadsdepartementet]\n",
    )
    errors = _refused(project, "member_of", "person", "anders-kessling")
    assert len(errors) == 1 and "'Arbetsmarknadsdepartementet'" in errors[0] and "people.yaml:" in errors[0], errors


def test_a_post_is_named_by_its_full_label_not_its_first_word(project: Path) -> None:
    # another state secretary's post: its first word ("statssekreterare") stands beside the minister's title
    edit_data(
        project,
        "bodies.yaml",
        "      sv: statssekreterare hos arbetsmarknads- och etableringsministern\n",
        "      sv: statssekreterare hos kulturministern\n",
    )
    post = "statssekreterare-hos-arbetsmarknads-och-etableringsministern"
    errors = _refused(project, "reports_to", "post", post)
    assert len(errors) == 1 and "'arbetsmarknads- och etableringsminister'" in errors[0], load_messages(project)


@pytest.mark.parametrize(
    "sentence",
    [
        "statssekreterare. Arbetsmarknads- och etableringsminister Ylva Johansson deltog",
        "statssekreterare, och arbetsmarknads- och etableringsminister Ylva Johansson",
        "statssekreterare hos statsministern samt arbetsmarknads- och etableringsminister Ylva Johansson",
    ],
)
def test_reports_to_is_refused_where_the_text_only_names_both_posts(project: Path, sentence: str) -> None:
    edit_data(project, TEXT, SECRETARY, sentence)
    post = "statssekreterare-hos-arbetsmarknads-och-etableringsministern"
    assert len(_refused(project, "reports_to", "post", post)) == 1, load_messages(project)


#: Vanja Bardh Olsson's line rewritten: each still states that she is in Integrationsenheten
MEMBER_STATED = [
    "Kontaktperson: Vanja Bardh Olsson på Integrationsenheten (e-post",
    "Kontaktperson: Vanja Bardh Olsson vid Integrationsenheten (e-post",
    "Kontaktperson: Vanja Bardh Olsson, departementssekreterare vid Integrationsenheten (e-post",
    "Kontaktperson: Vanja Bardh Olsson, politiskt sakkunnig inom Integrationsenheten (e-post",
    "Kontaktperson: Vanja Bardh Olsson, Integrationsenhetens handläggare (e-post",
    "Kontaktperson: Integrationsenhetens Vanja Bardh Olsson (e-post",
    "Kontaktperson: Vanja Bardh Olsson är en del av Integrationsenheten (e-post",
    "Kontaktperson: Vanja Bardh Olsson, Integrationsenheten, Arbetsmarknadsdepartementet (e-post",
]
#: ... and each of these does not: the two names stand near each other, not joined
MEMBER_NOT_STATED = [
    "Kontaktperson: Vanja Bardh Olsson samt Integrationsenheten (e-post",
    "Kontaktperson: Vanja Bardh Olsson och tjänstemän från Integrationsenheten (e-post",
    "Kontaktperson: Vanja Bardh Olsson från Integrationsenheten (e-post",
    "Kontaktperson: Vanja Bardh Olsson. Integrationsenheten svarar (e-post",
    "Kontaktperson: Vanja Bardh Olsson; Integrationsenheten (e-post",
    "Kontaktperson: Vanja Bardh Olsson, Kulturdepartementet och Integrationsenheten (e-post",
    "Kontaktperson: Vanja Bardh Olsson, Integrationsenheten och Kulturdepartementet (e-post",
    "Kontaktperson: Anna Berg, Vanja Bardh Olsson, Integrationsenheten (e-post",
    "Kontaktperson: Vanja Bardh Olsson, Integrationsenheten, Kulturdepartementet och Polismyndigheten (e-post",
    "Kontaktperson: Vanja Bardh Olsson är inte en del av Integrationsenheten (e-post",
    "Kontaktperson: Vanja Bardh Olsson ej på Integrationsenheten (e-post",
    "Kontaktperson: inte Vanja Bardh Olsson, Integrationsenheten (e-post",
    "Kontaktperson: Vanja Bardh Olsson, inte Integrationsenheten (e-post",
    "Kontaktperson: Vanja Bardh Olsson, tidigare på Integrationsenheten (e-post",
    "Kontaktperson: Vanja Bardh Olsson på Integrationsenhetens uppdrag (e-post",
    "Kontaktperson: Vanja Bardh Olsson (vanja@integrationsenheten.se, e-post",
    "Kontaktperson: Vanja Bardh Olsson, integrationsenheten@regeringskansliet.se (e-post",
    "Kontaktperson: Integrationsenheten, Vanja Bardh Olsson (e-post",
    "Kontaktperson: Vanja Bardh Olsson, Kulturdepartementet, Integrationsenheten (e-post",
    "Kontaktperson: Vanja Bardh Olsson träffade Integrationsenheten (e-post",
]


@pytest.mark.parametrize("line", MEMBER_STATED)
def test_member_of_stated_by_a_clause_loads(project: Path, line: str) -> None:
    edit_data(project, TEXT, VANJA, line)
    assert _refused(project, "member_of", "person", "vanja-bardh-olsson") == []


@pytest.mark.parametrize("line", MEMBER_NOT_STATED)
def test_member_of_the_text_does_not_state_is_refused(project: Path, line: str) -> None:
    edit_data(project, TEXT, VANJA, line)
    errors = _refused(project, "member_of", "person", "vanja-bardh-olsson")
    assert len(errors) == 1 and "'Integrationsenheten'" in errors[0], load_messages(project)


@pytest.mark.parametrize(
    ("under", "stated"),
    [
        ("Integrationsenheten\nVanja Bardh Olsson, kansliråd\n", True),
        ("## Integrationsenheten\n\n- Anna Berg\n- Vanja Bardh Olsson, kansliråd\n", True),
        ("**Integrationsenheten:**\nAnna Berg\nVanja Bardh Olsson (kansliråd)\n", True),
        ("Integrationsenheten\nKulturdepartementet\nVanja Bardh Olsson\n", False),
        ("Integrationsenheten\n\nVanja Bardh Olsson deltog.\n", False),
        ("- Integrationsenheten\n- Vanja Bardh Olsson\n", False),
        ("Integrationsenheten\nAnna Berg samt Vanja Bardh Olsson\n", False),
        ("Integrationsenheten deltog.\nVanja Bardh Olsson\n", False),
    ],
)
def test_a_heading_states_member_of_for_the_lines_under_it(project: Path, under: str, stated: bool) -> None:
    edit_data(project, TEXT, VANJA, "Kontaktperson: Vanja Bardh Olsson (e-post")
    path = project / "data" / TEXT
    path.write_text(path.read_text(encoding="utf-8") + "\n\n" + under, encoding="utf-8")
    errors = _refused(project, "member_of", "person", "vanja-bardh-olsson")
    assert len(errors) == (0 if stated else 1), load_messages(project)


@pytest.mark.parametrize(
    ("head", "signed", "stated"),
    [
        (HEAD, "tjänstemän från Arbetsmarknadsdepartementet och Integrationsenheten.", True),
        ("Arbetsmarknadsdepartementet\n", SIGNED, True),
        (
            "Arbetsmarknadsdepartementet\n",
            "tjänstemän från Integrationsenheten inom Arbetsmarknadsdepartementet.",
            True,
        ),
        (
            "Arbetsmarknadsdepartementet\n",
            "tjänstemän. Integrationsenheten är en del av Arbetsmarknadsdepartementet.",
            True,
        ),
        (
            "Arbetsmarknadsdepartementet\n",
            "tjänstemän från Arbetsmarknadsdepartementet och Integrationsenheten.",
            False,
        ),
        (
            "Arbetsmarknadsdepartementet\n",
            "tjänstemän från Arbetsmarknadsdepartementet samt Integrationsenheten.",
            False,
        ),
        (
            "Arbetsmarknadsdepartementet\n",
            "tjänstemän från Integrationsenheten och Arbetsmarknadsdepartementet.",
            False,
        ),
        (
            "Arbetsmarknadsdepartementet\n",
            "tjänstemän från Arbetsmarknadsdepartementet, Integrationsenheten och Kulturdepartementet.",
            False,
        ),
        (
            "Arbetsmarknadsdepartementet\n",
            "tjänstemän från Kulturdepartementet, Arbetsmarknadsdepartementet, Integrationsenheten.",
            False,
        ),
        (
            "Arbetsmarknadsdepartementet\n",
            "tjänstemän från Integrationsenheten, inte Arbetsmarknadsdepartementet.",
            False,
        ),
        ("Arbetsmarknadsdepartementet\n\nIntegrationsenheten\n", "tjänstemän från Arbetsmarknadsdepartementet.", False),
        ("Arbetsmarknadsdepartementet\nKulturdepartementet\nIntegrationsenheten\n", "tjänstemän.", False),
    ],
)
def test_unit_of_is_stated_by_a_heading_a_signature_or_a_clause(
    project: Path, head: str, signed: str, stated: bool
) -> None:
    edit_data(project, TEXT, HEAD, head)
    edit_data(project, TEXT, SIGNED, signed)
    errors = _refused(project, "unit_of", "body", "integrationsenheten")
    assert len(errors) == (0 if stated else 1), load_messages(project)


def test_a_relation_is_read_in_linear_time_in_a_long_list() -> None:
    # many names near each other, none joined: every occurrence is read with a few places around it
    from sakrad_ld.placed import headings, stated_relation

    text = "Anna Berg samt Kulturdepartementet, " * 20000 + "Anna Berg på Kulturdepartementet."
    flat = folded_text(text)
    assert stated_relation([folded("Anna Berg")], folded("Kulturdepartementet"), "member_of", flat, headings(text))
    assert not stated_relation(
        [folded("Anna Berg")], folded("Kulturdepartementet"), "member_of", flat[: -len(" på kulturdepartementet.")], {}
    )


def test_the_crediting_rule_is_one_function() -> None:
    fs = SimpleNamespace(facts=["legal_name"], source="b")
    record = SimpleNamespace(fact_sources=[fs], sources=["a", "b"])
    assert records.credited(record, "legal_name") == "b"
    assert records.credited(record, "name") == "a"
    assert records.credited(record, "name", first=False) is None
    assert records.credited(SimpleNamespace(fact_sources=[], sources=[]), "name") is None
    for module in (placed, named, registered, stated):
        assert module.credited is records.credited, module.__name__
        source = Path(module.__file__).read_text(encoding="utf-8")
        assert "next((fs.source for fs in" not in source, module.__name__
