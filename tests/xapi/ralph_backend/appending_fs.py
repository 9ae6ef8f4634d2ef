"""ralph's file-system LRS backend, writing each POST after the last.

ralph 5.1.0's ``fs`` LRS backend writes a POST with the CREATE operation, which refuses once its
one statements file exists: it stores the first POST and answers 500 to every later one. This
backend is the same class with APPEND as its write operation; the API, authentication,
validation, duplicate-id handling, storage and queries are ralph's own.
"""

from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend


class AppendingFSLRSBackend(FSLRSBackend):
    default_operation_type = BaseOperationType.APPEND
