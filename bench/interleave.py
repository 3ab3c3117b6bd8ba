#!/usr/bin/env python3
"""Times commands interleaved (A, B, A, B, ...) so that a noisy machine's drift hits all alike.

    bench/interleave.py 100 -- old/briefing render a.xml -o /tmp/a.pdf -- build/briefing render a.xml -o /tmp/b.pdf

Prints each command's median, first quartile and minimum wall time in ms, after five warm-up
rounds. Outputs go to /dev/null; SOURCE_DATE_EPOCH is set so that runs write the same bytes.
"""
import os
import statistics
import sys
import time


def main() -> int:
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        print(__doc__.strip(), file=sys.stderr)
        return 2
    rounds = int(sys.argv[1])
    commands, current = [], []
    for arg in sys.argv[3:]:
        if arg == "--":
            commands.append(current)
            current = []
        else:
            current.append(arg)
    commands.append(current)
    env = dict(os.environ, SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", "1700000000"))
    quiet = [(os.POSIX_SPAWN_OPEN, 1, "/dev/null", os.O_WRONLY, 0)]
    times = [[] for _ in commands]
    for r in range(rounds + 5):
        for i, cmd in enumerate(commands):
            start = time.perf_counter()
            pid = os.posix_spawnp(cmd[0], cmd, env, file_actions=quiet)
            _, status = os.waitpid(pid, 0)
            ms = (time.perf_counter() - start) * 1000
            if status != 0:
                print(f"failed ({status}): {' '.join(cmd)}", file=sys.stderr)
                return 1
            if r >= 5:
                times[i].append(ms)
    for cmd, t in zip(commands, times):
        t.sort()
        print(f"median {statistics.median(t):7.2f}  q1 {t[len(t) // 4]:7.2f}  min {t[0]:7.2f}  {' '.join(cmd)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
