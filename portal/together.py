"""Run the portal's processes side by side; stop them all when one ends or on Ctrl-C.

    python -m portal.together web="manage.py runserver" worker="manage.py db_worker"

Each command runs in its own process group, so that a command that starts children
(runserver's autoreloader, gunicorn's workers) is stopped whole. Output lines are
prefixed with the process's name. The exit status is that of the process that ended
first (0 after Ctrl-C).
"""

import contextlib
import os
import shlex
import signal
import subprocess
import sys
import threading
import time

GRACE_SECONDS = 10


def start(name, command, width):
    process = subprocess.Popen(
        shlex.split(command),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
        text=True,
        bufsize=1,
    )
    prefix = f"{name:<{width}} | "

    def copy_output():
        for line in process.stdout:
            sys.stdout.write(prefix + line)
            sys.stdout.flush()

    threading.Thread(target=copy_output, daemon=True).start()
    return process


def signal_group(process, signum):
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signum)


def stop(processes):
    """SIGTERM to every group, SIGKILL to what is still there after the grace period."""
    for process in processes.values():
        signal_group(process, signal.SIGTERM)
    deadline = time.monotonic() + GRACE_SECONDS
    for process in processes.values():
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            signal_group(process, signal.SIGKILL)
            process.wait()
        # Children left behind by a process that exited on its own.
        signal_group(process, signal.SIGKILL)


def run(commands):
    """Start {name: command}; wait until one exits or we are told to stop."""

    def interrupted(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupted)
    width = max(len(name) for name in commands)
    processes = {name: start(name, command, width) for name, command in commands.items()}
    status = 0
    try:
        while True:
            ended = [(name, p.poll()) for name, p in processes.items() if p.poll() is not None]
            if ended:
                name, status = ended[0]
                status = status if status >= 0 else 128 - status  # killed by a signal
                print(f"{name} exited with status {status}: stopping the others", flush=True)
                break
            time.sleep(0.2)
    except KeyboardInterrupt:
        print("Stopping", ", ".join(processes), flush=True)
    finally:
        stop(processes)
    return status


def parse(arguments):
    commands = {}
    for argument in arguments:
        name, separator, command = argument.partition("=")
        if not separator or not name or not command.strip():
            raise SystemExit(f"expected NAME=COMMAND, got {argument!r}")
        commands[name] = command
    if not commands:
        raise SystemExit(__doc__)
    return commands


if __name__ == "__main__":
    sys.exit(run(parse(sys.argv[1:])))
