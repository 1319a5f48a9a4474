"""Runs generated programs with CPython and reports every disagreement with the generator's claimed outputs.

Reads a JSON list of {"id", "program", "calls": [{"input", "output"}]} from the file named on the command line;
prints one JSON object: {"checked": <calls run>, "mismatches": [...]}. A claim holds when the call's result
has exactly the claimed repr (stricter than ==, which would accept True for 1) and eval(output) == result.
"""
import json
import sys


def check(task):
    scope = {}
    exec(task["program"], scope)  # a fresh namespace per program
    f = scope["f"]
    bad = []
    for call in task["calls"]:
        try:
            got = eval("f(" + call["input"] + ")", {"f": f})
            claimed = eval(call["output"], {})
            ok = repr(got) == call["output"] and got == claimed and type(got) is type(claimed)
            if not ok:
                bad.append({"input": call["input"], "claimed": call["output"], "python": repr(got)})
        except Exception as e:  # a crash is a disagreement too: the generator claimed a value
            bad.append({"input": call["input"], "claimed": call["output"], "python": "raised " + type(e).__name__ + ": " + str(e)})
    return bad


def main():
    with open(sys.argv[1]) as fh:
        tasks = json.load(fh)
    checked = 0
    mismatches = []
    for task in tasks:
        checked += len(task["calls"])
        for bad in check(task):
            mismatches.append({"id": task["id"], "program": task["program"], **bad})
    json.dump({"checked": checked, "mismatches": mismatches}, sys.stdout)


main()
