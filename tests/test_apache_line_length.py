"""Apache reads a configuration line of at most 8,190 bytes ("Line too long" is a 500 for every request
of the folder): the rule answering each release file at its own path is split over as many rules as
its names need, none longer than that, and every file is still named once."""

from __future__ import annotations

import re

from sakrad_ld.web.static import apache_rules


def test_many_release_files_are_answered_by_rules_apache_can_read() -> None:
    files = [f"sources/regeringen-2024-{i:03d}-sakrad-om-det-fortsatta-arbetet-for-hbtqi.md" for i in range(400)]
    text = apache_rules(files=files)
    assert max(len(line.encode("utf-8")) for line in text.splitlines()) <= 8190
    rules = [line for line in text.splitlines() if line.startswith("RewriteRule ^(sources/")]
    named = [n.replace("\\", "") for rule in rules for n in re.match(r"RewriteRule \^\((.*)\)\$ ", rule)[1].split("|")]
    assert len(rules) > 1 and named == files


def test_a_few_files_keep_one_rule() -> None:
    lines = apache_rules(files=["SHA256SUMS", "sakrad.ttl"]).splitlines()
    assert [line for line in lines if line.startswith("RewriteRule ^(SHA256SUMS")] == [
        "RewriteRule ^(SHA256SUMS|sakrad\\.ttl)$ download/$1 [L,E=SAKRAD_FILE:1]"
    ]
