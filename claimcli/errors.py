"""One exception hierarchy and the exit codes it maps to.

Library code raises a ``ClaimcliError`` subclass; the CLI catches it once and
turns it into a one-line message on stderr and the matching ``ExitCode``.
Anything else that escapes is a bug and keeps its traceback under ``--debug``.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes, as fixed by DESIGN.md (sysexits where they exist)."""

    OK = 0
    FAILED = 1  # some inputs failed (the rest were processed) or an unexpected error
    USAGE = 2
    FINDINGS = 3  # findings named by --fail-on exist
    DATA = 65  # bad input data
    NO_INPUT = 66  # input missing
    CANT_CREATE = 73  # output cannot be written
    LOCKED = 75  # store locked by another run; cron may retry
    INTERRUPTED = 130


class ClaimcliError(Exception):
    """Base of every error claimcli reports to a user."""

    exit_code: ExitCode = ExitCode.FAILED

    def __init__(self, message: str, *, exit_code: ExitCode | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code

    def __reduce__(self) -> tuple[object, ...]:
        # Keep an exit code given to __init__ when the error crosses a
        # process boundary (a worker of --jobs or --engine dask).
        return (_rebuild, (type(self), self.args, self.__dict__.get("exit_code")))

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.__class__.__name__


class UsageError(ClaimcliError):
    exit_code = ExitCode.USAGE


class InputMissingError(ClaimcliError):
    exit_code = ExitCode.NO_INPUT


class BadInputError(ClaimcliError):
    exit_code = ExitCode.DATA


class OutputError(ClaimcliError):
    exit_code = ExitCode.CANT_CREATE


class ArticleTimeoutError(ClaimcliError):
    """Extracting one article took longer than its budget (--article-timeout):
    it is skipped and the run goes on (exit 1 at the end)."""

    exit_code = ExitCode.FAILED


class EngineError(ClaimcliError):
    """An engine for --jobs/--engine cannot run: its extra is not installed
    (exit 2), or its scheduler cannot be reached (exit 1)."""


class StoreLockedError(ClaimcliError):
    exit_code = ExitCode.LOCKED


class StoreError(ClaimcliError):
    """Something is wrong with the local store (base of the store errors below)."""


class StoreMissingError(StoreError):
    """No store at the given folder (and the command does not create one)."""

    exit_code = ExitCode.NO_INPUT


class ArticleNotFoundError(StoreError):
    """No stored article has the requested doc id."""

    exit_code = ExitCode.NO_INPUT


class StoreCorruptError(StoreError):
    """A store file cannot be read or does not match the index."""

    exit_code = ExitCode.DATA


class StoreVersionError(StoreError):
    """The store was written by a newer claimcli, or is not a claimcli store."""

    exit_code = ExitCode.DATA


class StoreWriteError(StoreError):
    """The store cannot be written (permissions, disk full)."""

    exit_code = ExitCode.CANT_CREATE


def _rebuild(cls: type[ClaimcliError], args: tuple[object, ...], exit_code: ExitCode | None) -> ClaimcliError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    if exit_code is not None:
        error.exit_code = exit_code
    return error
