"""What certificates tell the apps above them."""

from django.dispatch import Signal

# Sent once the revocation is committed, with ``certificate_pks``: the certificates revoked by
# staff, replaced after a name correction, or withdrawn with their holder's account.
certificates_revoked = Signal()
