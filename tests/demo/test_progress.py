"""The demos' progress: a bar on a terminal, a line every few seconds in a log."""

import io

from mygrad_core import demo


class _Stream(io.StringIO):
    def __init__(self, terminal):
        super().__init__()
        self.terminal = terminal

    def isatty(self):
        return self.terminal


def _feed(progress, times):
    for i, t in enumerate(times):
        progress.update(t, t / times[-1], i, 1.0 / (i + 1), 0.5, final=i == len(times) - 1)
    progress.close()


def test_progress_on_a_terminal_redraws_one_bar():
    out = _Stream(terminal=True)
    _feed(demo.Progress(out), [0.0, 0.05, 0.2, 0.25, 0.4, 1.0])
    text = out.getvalue()
    # redrawn at most every DRAW_EVERY seconds, plus the last state; one line in the end
    assert text.count("\r  training [") == 4
    assert text.endswith("100%  step     5  loss 0.1667  accuracy  50.0%\n")
    assert text.count("\n") == 1


def test_progress_in_a_log_prints_a_line_every_few_seconds():
    out = _Stream(terminal=False)
    every = demo.LOG_EVERY
    times = [0.0, 0.1, every / 2, every + 0.1, every + 1.0, 2 * every + 0.2, 2 * every + 0.3]
    _feed(demo.Progress(out), times)
    lines = out.getvalue().splitlines()
    assert "\r" not in out.getvalue()
    assert [line.split("step")[1].split()[0] for line in lines] == ["0", "3", "5", "6"]
    assert all(line.startswith("  training ") for line in lines)


def test_progress_without_isatty_is_a_log():
    assert demo.Progress(io.StringIO()).terminal is False
    closed = io.StringIO()
    closed.close()
    assert demo.Progress(closed).terminal is False
