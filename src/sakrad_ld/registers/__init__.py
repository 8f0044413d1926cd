"""Links to public registers: organisation numbers, Lagrummet, Wikidata, the data portal's publisher IRIs; reconciling names against a register extract."""
