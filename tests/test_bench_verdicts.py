"""The bench's verdicts: a figure is judged by its ratio to the floor measured in the
same run (not by milliseconds), and BENCH_LOAD's busy processes never outlive it."""

from __future__ import annotations


from bench import report
from bench.load import BusyLoad, cpu_seconds
from tests.e2e.terminal import poll_until


def test_a_slow_machine_that_slows_the_floor_alike_still_passes() -> None:
    quiet = {"floor_frame": 160.0, "tui_jobs": 200.0}
    busy = {"floor_frame": 350.0, "tui_jobs": 440.0}  # both 2.2x slower: same overhead
    jobs = report.BY_KEY["tui_jobs"]
    assert report.verdict(jobs, "10k", quiet) == "PASS"
    assert report.verdict(jobs, "10k", busy) == "PASS"
    assert report.cell(jobs, "10k", busy) == "440 1.26x PASS"


def test_overhead_that_grows_with_the_load_is_a_miss() -> None:
    busy = {"floor_frame": 350.0, "tui_today": 951.0}  # the 2.7x
    today = report.BY_KEY["tui_today"]
    assert report.verdict(today, "100k", busy) == "MISS"
    [miss] = report.misses({"100k": busy}, ["100k"])
    assert miss["metric"] == "tui_today" and miss["by"] == "ratio"
    assert round(miss["judged"], 2) == 2.72 and miss["limit"] == 1.3


def test_taskwarrior_targets_apply_at_100k_and_read_our_own_figure() -> None:
    values = {"cli_add": 90.0, "tw_add": 80.0, "cli_list": 60.0, "tw_next_allpending": 1000.0}
    add = report.BY_KEY["vs_tw_add"]
    assert report.verdict(add, "100k", values) == "MISS"  # 1.125x task add
    assert report.verdict(add, "10k", values) is None  # no target below 100k
    assert report.verdict(report.BY_KEY["vs_tw_next_allpending"], "100k", values) == "PASS"
    assert "90.0 1.12x MISS" == report.cell(add, "100k", values)


def test_no_floor_means_no_verdict_rather_than_a_guess() -> None:
    jobs = report.BY_KEY["tui_jobs"]
    assert report.verdict(jobs, "10k", {"tui_jobs": 200.0}) is None
    assert report.cell(jobs, "10k", {"tui_jobs": 200.0}) == "200"


def test_peak_rss_is_judged_in_mib() -> None:
    rss = report.BY_KEY["tui_rss"]
    assert report.verdict(rss, "1M", {"tui_rss": 79.0}) == "PASS"
    assert report.verdict(rss, "1M", {"tui_rss": 109.0}) == "MISS"


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_busy_load_burns_cpu_and_is_gone_after_stop() -> None:
    load = BusyLoad(2, limit=60)
    load.start()
    try:
        pids = [p.pid for p in load.procs]
        # each has burnt a tenth of a CPU second: the load is there
        assert poll_until(lambda: all(cpu_seconds(pid) > 0.1 for pid in pids), 30)
        assert all(_alive(pid) for pid in pids)
    finally:
        burnt = load.stop()
    assert burnt > 0.2
    assert not any(_alive(pid) for pid in pids)


def test_busy_load_ends_by_itself_at_its_limit() -> None:
    load = BusyLoad(1, limit=0.3)
    load.start()
    proc = load.procs[0]
    assert proc.wait(timeout=10) == 0  # ended on its own, not killed
    load.stop()
