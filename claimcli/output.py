"""Writing a command's output to a file the user named (``--output``).

The file is written the way the store writes its own files: a temporary
file in the same folder, flushed and fsynced, then renamed over the target
(and the folder fsynced), so a reader -- or a crash -- sees the old file or
the new one, never half of one.  What is refused, each with one line and
exit 73:

* a symbolic link: claimcli never writes through a link (the rename would
  replace the link itself, which is not what its owner meant either); name
  the file it points to;
* a folder;
* anything inside the store folder, or the folder itself (both sides
  resolved, so ``../store/index.jsonl`` and links to it are caught): a
  report must never overwrite the data it was made from;
* a folder that does not exist, or cannot be written.

A run that fails while the output is being produced (an error, Ctrl-C)
leaves the earlier file as it was and no temporary file behind.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from .errors import OutputError
from .store import fsync_dir, temp_path


def check_output_path(path: Path | str, *, store_root: Path | str | None = None) -> Path:
    """``path`` if ``write_output`` may write it, else ``OutputError``
    (exit 73) saying why.  Cheap: commands call it before their work."""
    path = Path(path)
    try:
        st: os.stat_result | None = os.lstat(path)
    except FileNotFoundError:
        st = None
    except OSError as err:
        raise OutputError(f"cannot use --output {path}: {err.strerror or err}; pass another --output") from None
    if st is not None and stat.S_ISLNK(st.st_mode):
        raise OutputError(f"--output {path} is a symbolic link; claimcli does not write through links, "
                          "so name the file itself")
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise OutputError(f"--output {path} is a folder; name a file inside it")
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise OutputError(f"--output {path} is not a regular file; name a file")
    if store_root is not None:
        store = Path(store_root).resolve()
        target = path.resolve()
        if target == store or store in target.parents:
            raise OutputError(f"--output {path} is inside the store at {store}; "
                              "write the output somewhere outside the store")
    if not path.parent.is_dir():
        raise OutputError(f"cannot write {path}: the folder {path.parent} does not exist; "
                          "create it or pass another --output")
    return path


def write_output(path: Path | str, chunks: Iterable[str], *, store_root: Path | str | None = None) -> None:
    """Stream ``chunks`` (UTF-8 text) into ``path`` atomically, after the
    checks of ``check_output_path``; ``store_root`` is the store the output
    was made from, which it may not land in."""
    path = check_output_path(path, store_root=store_root)
    tmp = temp_path(path)
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mode = 0o666  # a new file: the umask applies
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            for chunk in chunks:
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as err:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise OutputError(f"cannot write {path}: {err.strerror or err}; pass another --output") from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
