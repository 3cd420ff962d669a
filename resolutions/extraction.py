"""Read an attached file's text in a child process that cannot take the worker down.

Office and PDF parsers run on bytes an uploader chose. However careful the readers in
resolutions/attachments.py are, a parser bug or a pathological file must cost at most one
short-lived process: the child gets an address-space limit (EXTRACTION_MEMORY_LIMIT), a CPU
limit, a wall-clock timeout (EXTRACTION_TIMEOUT) and an environment without the site's
secrets. Whatever kills it, the file is reported TOO_LARGE or FAILED, never a crash.

The child is `python -m resolutions.extraction PATH KIND`; it writes one JSON object
(`{"text": ..., "status": ...}`) to its standard output.
"""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from resolutions.attachments import ExtractedText, Extraction, can_extract, extract_text

# Exit status of a child that ran out of memory but could still say so.
_OUT_OF_MEMORY = 3
# Signals of the limits themselves: the kernel's SIGKILL, RLIMIT_CPU's SIGXCPU.
_LIMIT_SIGNALS = {signal.SIGKILL, signal.SIGXCPU}
_PROJECT_ROOT = Path(__file__).resolve().parent.parent


def extract_in_child(path, kind, *, memory_limit, timeout):
    """The ExtractedText of the file at `path`, read by a bounded child process."""
    if not can_extract(kind):
        return ExtractedText("", Extraction.UNSUPPORTED)
    command = [sys.executable, "-m", "resolutions.extraction", str(path), kind, str(memory_limit)]
    # Only what Python needs: the child parses hostile bytes, it has no use for our secrets.
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": str(_PROJECT_ROOT),
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONIOENCODING": "utf-8",
        "LANG": "C.UTF-8",
        "EXTRACTION_CPU_SECONDS": str(int(timeout) + 1),
    }
    try:
        completed = subprocess.run(
            command,
            capture_output=True,
            timeout=timeout,
            env=environment,
            cwd=_PROJECT_ROOT,
            check=False,
        )
    except subprocess.TimeoutExpired:  # run() has killed the child
        return ExtractedText("", Extraction.TOO_LARGE)
    code = completed.returncode
    if code == _OUT_OF_MEMORY or (code < 0 and -code in _LIMIT_SIGNALS):
        return ExtractedText("", Extraction.TOO_LARGE)
    if code != 0:
        return ExtractedText("", Extraction.FAILED)
    try:
        result = json.loads(completed.stdout)
        return ExtractedText(str(result["text"]), Extraction(result["status"]))
    except (ValueError, KeyError, TypeError):
        return ExtractedText("", Extraction.FAILED)


def _limit_self(memory_limit):
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    seconds = int(os.environ.get("EXTRACTION_CPU_SECONDS", "61"))
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))


def main(argv):
    path, kind, memory_limit = argv[1], argv[2], int(argv[3])
    # The parsers are loaded first: the limit is a budget for reading the file.
    import lxml.etree  # noqa: F401
    import pypdf  # noqa: F401

    _limit_self(memory_limit)
    try:
        with open(path, "rb") as stored:
            extracted = extract_text(stored, kind)
        output = json.dumps({"text": extracted.text, "status": extracted.status})
    except MemoryError:
        os._exit(_OUT_OF_MEMORY)
    sys.stdout.write(output)
    sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv)
