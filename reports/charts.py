"""A bar chart drawn on the server as inline SVG: light, no JavaScript, readable by screen
readers through its title and a label on every bar."""

from dataclasses import dataclass

WIDTH = 720
HEIGHT = 220
LEFT = 40  # room for the axis figures
BOTTOM = 24  # room for the month labels
TOP = 12


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: int
    show_label: bool


@dataclass
class BarChart:
    bars: list
    maximum: int
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    baseline: int = HEIGHT - BOTTOM
    top: int = TOP

    @property
    def first_label(self):
        return self.bars[0].label

    @property
    def last_label(self):
        return self.bars[-1].label


def bar_chart(points):
    """``points`` are ``(label, value)`` pairs in order; at most about twelve labels are shown
    under the axis, every bar keeps its own in its tooltip."""
    if not points:
        return None
    maximum = max(value for _, value in points) or 1
    slot = (WIDTH - LEFT) / len(points)
    plot_height = HEIGHT - BOTTOM - TOP
    label_every = max(1, round(len(points) / 12))
    bars = []
    for index, (label, value) in enumerate(points):
        height = plot_height * value / maximum
        bars.append(
            Bar(
                x=round(LEFT + index * slot + slot * 0.1, 1),
                y=round(HEIGHT - BOTTOM - height, 1),
                width=round(slot * 0.8, 1),
                height=round(height, 1),
                label=label,
                value=value,
                show_label=index % label_every == 0,
            )
        )
    return BarChart(bars, maximum)
