"""bench/RESULTS.md keeps its hand-written notes: a run replaces only its own block.

A block sits between `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->`; a
block the file does not have yet is added at its end.
"""

import re


def markers(name):
    return f"<!-- bench:{name}:start -->", f"<!-- bench:{name}:end -->"


def replace_block(text, name, body):
    """`text` with block `name` holding `body`, everything outside it unchanged."""
    start, end = markers(name)
    block = f"{start}\n{body.strip()}\n{end}"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
    if pattern.search(text):
        return pattern.sub(lambda _match: block, text, count=1)
    return (text.rstrip() + "\n\n" if text.strip() else "") + block + "\n"


def write(path, name, body):
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    path.write_text(replace_block(text, name, body), encoding="utf-8")
