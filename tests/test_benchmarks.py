"""What the benchmark scripts compute from the tools they run."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

sys.path.insert(0, str(ROOT / "benchmarks"))
try:
    from count_instructions import engine_instructions
finally:
    sys.path.remove(str(ROOT / "benchmarks"))

PY = "/tmp/python-build/Python-3.11.7"
LIB = "[/root/.pyenv/versions/3.11.7/lib/libpython3.11.so.1.0]"
ANNOTATED = f"""\
--------------------------------------------------------------------------------
4,552,438,815 (100.0%)  PROGRAM TOTALS

--------------------------------------------------------------------------------
Ir                    file:function
--------------------------------------------------------------------------------
763,707,080 (16.78%)  {PY}/Python/ceval.c:_PyEval_EvalFrameDefault'2 {LIB}
240,145,191 ( 5.28%)  {PY}/./Modules/_sre/sre_lib.h:sre_ucs2_match {LIB}
 99,253,849 ( 2.18%)  {PY}/Objects/obmalloc.c:_PyObject_Free {LIB}
 64,992,786 ( 1.43%)  /project/src/_regex.c:basic_match [/work/.venv/lib/python3.11/site-packages/regex/_regex.cpython-311-x86_64-linux-gnu.so]
  4,646,416 ( 0.10%)  {PY}/./Modules/_sre/sre.c:sre_ucs2_count
  1,000,000 ( 0.02%)  /usr/src/unicodeobject.c:_regex_lookalike [/usr/lib/libother.so]
"""


def test_engine_instructions_sums_sre_and_the_regex_module_only() -> None:
    assert engine_instructions(ANNOTATED) == 240_145_191 + 64_992_786 + 4_646_416


def test_engine_instructions_of_no_engine_lines_is_zero() -> None:
    assert engine_instructions(ANNOTATED.split("240,145,191")[0]) == 0
