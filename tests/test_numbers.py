import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.numbers import infer_style, parse_number, split_items


@pytest.mark.parametrize(
    ("raw", "value", "decimals"),
    [
        ("1.036", 1036, 0), ("35,52%", 35.52, 2), ("1.055,00", 1055, 2), ("0,25", 0.25, 2),
        ("12,387,484,416", 12387484416, 0), ("Rp 2.456.653.000,-", 2456653000, 0), ("(19.588.000)", -19588000, 0),
        ("96.78%", 96.78, 2), ("100,0", 100, 1), ("102, 99%", 102.99, 2), (".87,73%", 87.73, 2),
        ("RP 2.640.884.280", 2640884280, 0), ("96 Pendamping", 96, 0), ("312 Orang/bulan", 312, 0),
    ],
)
def test_formats(raw: str, value: float, decimals: int) -> None:
    n = parse_number(raw)
    assert n.value == pytest.approx(value) and n.decimals == decimals


@pytest.mark.parametrize("raw", ["14.90.000", "930.47.023", "76,946.900", "10,577.358.620", "1.100 %"])
def test_malformed(raw: str) -> None:
    n = parse_number(raw)
    assert n.status == "malformed" and n.value is None


@pytest.mark.parametrize(("raw", "defect"), [("87,67%%", "doubled percent sign"), ("100,%", "dangling decimal comma")])
def test_misprinted_but_readable(raw: str, defect: str) -> None:
    n = parse_number(raw)
    assert n.value is not None and n.defect == defect


@pytest.mark.parametrize(
    ("raw", "value", "qual"),
    [("Puas", None, "Puas"), ("72/BB", 72, "BB"), ("BB (73)", 73, "BB"), ("70,00 Pratama", 70, "Pratama"),
     ("64,00 / B", 64, "B"), ("Puas/100%", 100, "Puas")],
)
def test_qualitative(raw: str, value: float | None, qual: str) -> None:
    n = parse_number(raw)
    assert n.value == value and n.qualitative == qual


def test_units_and_dashes() -> None:
    assert parse_number("96 Pendamping").unit == "Pendamping"
    assert parse_number("-").status == "empty" and parse_number("-").dash
    assert parse_number("- Jiwa").unit == "Jiwa"
    assert parse_number("Jumlah orang dalam 1 Tahun anggaran berjalan").value is None


def test_ambiguous_tokens_follow_the_style() -> None:
    assert parse_number("1.036").status == "ambiguous"
    assert parse_number("1.036", "en").value == pytest.approx(1.036)
    assert parse_number("12,387", "en").value == 12387 and parse_number("12,387", "en").status == "ok"
    assert infer_style(["12,387,484,416", "96.78%"]) == "en" and infer_style(["2.456.653.000", "35,52"]) == "id"


def test_split_items() -> None:
    assert split_items("1. 72,73% 2. 34,29%") == ["72,73%", "34,29%"]
    assert split_items("1.100% 2.100%") == ["100%", "100%"]
    assert split_items("1.100 %") == ["1.100 %"]
    assert split_items("2.456.653.000") == ["2.456.653.000"]


def indonesian(value: int, cents: int | None) -> str:
    text = f"{value:,}".replace(",", ".")
    return text if cents is None else f"{text},{cents:02d}"


@given(st.integers(min_value=1000, max_value=10**13), st.sampled_from(["", "Rp ", "Rp. "]),
       st.sampled_from(["", ",-"]))
def test_indonesian_money_round_trips(value: int, prefix: str, suffix: str) -> None:
    n = parse_number(f"{prefix}{indonesian(value, None)}{suffix}", "id")
    assert n.value == value and n.decimals == 0


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=99), st.booleans())
def test_indonesian_decimals_round_trip(whole: int, cents: int, percent: bool) -> None:
    raw = indonesian(whole, cents) + ("%" if percent else "")
    n = parse_number(raw, "id")
    assert n.value == pytest.approx(whole + cents / 100) and n.decimals == 2 and n.percent == percent


@given(st.integers(min_value=1000, max_value=10**12))
def test_english_grouping_round_trips(value: int) -> None:
    assert parse_number(f"{value:,}", "en").value == value


@given(st.text(max_size=40))
def test_any_text_never_raises(raw: str) -> None:
    n = parse_number(raw)
    assert n.raw == raw and n.status in {"ok", "ambiguous", "malformed", "empty", "text"}
