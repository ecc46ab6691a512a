"""What the stub SDKs record: every call a snippet makes, written as JSON when the process ends.

The snippets under test import these stubs (they come first on sys.path) instead of the real
SDKs, so running a snippet shows exactly the arguments it would hand the real one.
"""
import atexit
import json
import os

CALLS = []


class Recorded:
    """An object a snippet constructs: its class name and keyword arguments are what it records."""

    def __init__(self, *args, **kwargs):
        self.args = list(args)
        self.kwargs = kwargs

    def __getattr__(self, name):
        try:
            return self.__dict__["kwargs"][name]
        except KeyError:
            raise AttributeError(name) from None


def record(call, **fields):
    CALLS.append({"call": call, **fields})


def _plain(value):
    if isinstance(value, Recorded):
        return {"__class__": type(value).__name__, "args": value.args, **value.kwargs}
    return repr(value)


@atexit.register
def _dump():
    with open(os.environ["AGENT_STUB_RECORD"], "w", encoding="utf-8") as f:
        json.dump(CALLS, f, default=_plain)
