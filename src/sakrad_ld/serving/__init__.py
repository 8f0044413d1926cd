"""The HTTP server: the SPARQL 1.1 Protocol endpoint, dereferenceable IRIs with content negotiation (https://www.w3.org/TR/cooluris/), pages and downloads."""
