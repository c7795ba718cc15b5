"""Reading a file: the bytes of a file to JSON data, or ``InvalidContent`` with the location.

Objects remember keys they repeat (``repeated``), which ``json`` would otherwise drop silently;
the validator reports them.
"""

import json
import sys
from collections import Counter

from insights.importing.problems import InvalidContent, Problem


class _JsonObject(dict):
    repeated = ()  # keys that appear more than once in the object


def _json_object(pairs):
    obj = _JsonObject(pairs)
    if len(obj) < len(pairs):
        counts = Counter(key for key, _ in pairs)
        obj.repeated = [key for key, count in counts.items() if count > 1]
    return obj


def read_content(raw):
    """Parse the bytes of a file; raise ``InvalidContent`` when it is not UTF-8 JSON."""
    if not raw.strip():
        raise InvalidContent([Problem("file", "the file is empty")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - raw.rfind(b"\n", 0, error.start)
        byte = raw[error.start]
        raise InvalidContent(
            [Problem(f"line {line}, column {column}", f"byte 0x{byte:02x} is not UTF-8")]
        ) from None
    text = text.removeprefix("\ufeff")
    try:
        return json.loads(text, object_pairs_hook=_json_object)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        if error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string"):
            message = "the file ends in the middle of the JSON (is it truncated?)"
        else:
            message = f"not valid JSON ({error.msg})"
        raise InvalidContent([Problem(where, message)]) from None
    except RecursionError:
        raise InvalidContent([Problem("file", "the JSON is nested too deeply")]) from None
    except ValueError:  # Python refuses to read whole numbers of more than 4300 digits
        limit = sys.get_int_max_str_digits()
        message = f"a number has more digits than can be read (at most {limit})"
        raise InvalidContent([Problem("file", message)]) from None
