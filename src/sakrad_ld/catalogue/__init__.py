"""The release's metadata for harvesters and consumers: the DCAT-AP catalogue (https://www.w3.org/TR/vocab-dcat-3/), VoID, PROV-O provenance and DQV quality measurements."""
