"""Data Integrity proofs with the ``eddsa-rdfc-2022`` cryptosuite (W3C VC Data Integrity EdDSA
Cryptosuites v1.0, section 3.2): the document and the proof options are each canonicalised with
RDFC-1.0 and hashed with SHA-256; Ed25519 signs the proof options' hash followed by the
document's, and the signature travels base58btc-encoded as ``proofValue``."""

import hashlib
from datetime import UTC, datetime

import base58

from . import keys
from .jsonld import canonical_nquads

PROOF_TYPE = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-rdfc-2022"


def _hash_data(document, proof_options):
    options = {"@context": document["@context"], **proof_options}
    return (
        hashlib.sha256(canonical_nquads(options).encode()).digest()
        + hashlib.sha256(canonical_nquads(document).encode()).digest()
    )


def sign(document, verification_method):
    """``document`` with a proof by the current issuer key, whose id is
    ``verification_method``."""
    proof = {
        "type": PROOF_TYPE,
        "cryptosuite": CRYPTOSUITE,
        "created": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "verificationMethod": verification_method,
        "proofPurpose": "assertionMethod",
    }
    signature = keys.current_private_key().sign(_hash_data(document, proof))
    return {
        **document,
        "proof": {**proof, "proofValue": "z" + base58.b58encode(signature).decode()},
    }


def proof_verifies(document, public_key):
    """Whether the document's single ``eddsa-rdfc-2022`` proof was made by ``public_key`` over
    exactly this document. Raises ValueError on a document that is not JSON-LD we can read."""
    secured = dict(document)
    proof = dict(secured.pop("proof", None) or {})
    if proof.get("type") != PROOF_TYPE or proof.get("cryptosuite") != CRYPTOSUITE:
        return False
    value = proof.pop("proofValue", "")
    if not isinstance(value, str) or not value.startswith("z"):
        return False
    try:
        signature = base58.b58decode(value[1:])
    except ValueError:
        return False
    return public_key.verifies(signature, _hash_data(secured, proof))
