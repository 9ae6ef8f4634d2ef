"""The issuer key: made by a command, kept in a file outside the database, rotated with the
old public half still published."""

import stat

from django.core.management import call_command

from credentials import keys


def test_the_command_makes_a_key_once(settings, tmp_path, capsys):
    settings.CREDENTIALS_KEY_DIR = tmp_path / "fresh"
    call_command("issuer_key")
    made = keys.current_public_key()
    call_command("issuer_key")
    assert keys.current_public_key() == made
    assert "unchanged" in capsys.readouterr().out
    (private,) = (tmp_path / "fresh").glob("*.key.pem")
    assert stat.S_IMODE(private.stat().st_mode) == 0o600


def test_rotating_keeps_only_the_new_private_key_and_every_public_one(issuer_key):
    call_command("issuer_key", rotate=True)
    assert keys.current_public_key() != issuer_key
    assert len(list(keys.folder().glob("*.key.pem"))) == 1
    assert [key.multibase for key in keys.published_keys()] == [
        issuer_key.multibase,
        keys.current_public_key().multibase,
    ]


def test_a_public_key_reads_as_multikey(issuer_key):
    # Multikey for Ed25519: base58btc ("z") of 0xed01 and the 32 key bytes, so "z6Mk…".
    assert issuer_key.multibase.startswith("z6Mk")
    assert keys.public_key(issuer_key.multibase) == issuer_key
