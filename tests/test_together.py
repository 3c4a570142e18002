"""portal.together: the web server, worker and scheduler start and stop as one."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def together(*commands):
    return subprocess.Popen(
        [sys.executable, "-m", "portal.together", *commands],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def sleeper(pid_file):
    """A process that notes its pid, then waits (in a child too, like an autoreloader)."""
    code = (
        "import os, subprocess, sys, time; "
        "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)']); "
        f"open({str(pid_file)!r}, 'w').write(f'{{os.getpid()}} {{child.pid}}'); "
        "time.sleep(60)"
    )
    return f"{sys.executable} -c {code!r}"


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie waiting for its parent counts as gone.
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().split(")")[-1].split()[0] != "Z"


def all_gone(pids, seconds=5):
    """True once every process has ended: a killed group's processes die a moment later."""
    deadline = time.monotonic() + seconds
    while any(alive(pid) for pid in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def wait_for(path, seconds=10):
    deadline = time.monotonic() + seconds
    while not (path.exists() and path.read_text()):
        assert time.monotonic() < deadline, f"{path} never written"
        time.sleep(0.05)
    return [int(pid) for pid in path.read_text().split()]


def test_when_one_process_dies_the_others_are_stopped(tmp_path):
    pid_file = tmp_path / "pids"
    runner = together(
        f"web={sleeper(pid_file)}", f"worker={sys.executable} -c 'import sys; sys.exit(3)'"
    )
    output, _ = runner.communicate(timeout=30)
    assert runner.returncode == 3
    assert "worker exited with status 3: stopping the others" in output
    pids = wait_for(pid_file)
    assert all_gone(pids)


def test_ctrl_c_stops_every_process_and_its_children(tmp_path):
    pid_file = tmp_path / "pids"
    runner = together(
        f"web={sleeper(tmp_path / 'first')}", f"scheduler={sys.executable} -c 'print(42)'"
    )
    output, _ = runner.communicate(timeout=30)
    # The scheduler stand-in exits at once, so this also shows the prefixed output.
    assert "scheduler | 42" in output
    runner = together(f"web={sleeper(pid_file)}", f"worker={sleeper(tmp_path / 'other')}")
    pids = wait_for(pid_file) + wait_for(tmp_path / "other")
    runner.send_signal(signal.SIGINT)
    output, _ = runner.communicate(timeout=30)
    assert runner.returncode == 0 and "Stopping web, worker" in output
    assert all_gone(pids)


def test_bad_arguments_are_refused():
    runner = together("no-command-here")
    output, _ = runner.communicate(timeout=30)
    assert runner.returncode == 1 and "expected NAME=COMMAND" in output
