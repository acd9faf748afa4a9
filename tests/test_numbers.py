"""Number parser: the printed forms of the sample reports, and round-trip properties (hypothesis)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from extractors._numtokens import read_token
from extractors.numbers import Number, Style, infer_style, numbers_in, parse_number, split_items, with_style

STATUSES = {"ok", "ambiguous", "malformed", "empty", "text"}


def case(raw: str, value: float | None, status: str = "ok", decimals: int = 0, style: Style | None = None,
         **fields: Any) -> Any:
    return pytest.param(raw, style, value, status, decimals, fields, id=f"{raw!r}-{style}")


CASES = [
    # money: Rp prefixes, ",-" suffixes, accounting negatives
    case("Rp 2.456.653.000,-", 2456653000, money=True),
    case("2.456.653.000,-", 2456653000, money=True),
    case("Rp. 99.836.580", 99836580, money=True),
    case("Rp.197.002.120", 197002120, money=True),
    case("RP 2.640.884.280", 2640884280, money=True),
    case("Rp 43.215.795.726,-", 43215795726, money=True),
    case("7.247.670.961.-", 7247670961, money=True),
    case("(19.588.000)", -19588000, money=False),
    case("Rp (19.588.000)", -19588000, money=True),
    case("2.456.653.000", 2456653000, money=False),
    # separators decided per token
    case("12,387,484,416", 12387484416),
    case("12,387,484,416", 12387484416, style="id"),
    case("1.055,00", 1055, decimals=2),
    case("1,055.00", 1055, decimals=2, style="id"),
    case("96.78%", 96.78, decimals=2, percent=True),
    case("96.78%", 96.78, decimals=2, style="id", percent=True),
    case("100.00%", 100, decimals=2, percent=True),
    case("35,52", 35.52, decimals=2),
    case("35,52%", 35.52, decimals=2, style="en", percent=True),
    case("0,25", 0.25, decimals=2),
    case("0,00", 0, decimals=2),
    case("100,0", 100, decimals=1),
    case("286,8%", 286.8, decimals=1, percent=True),
    case("99.9 %", 99.9, decimals=1, percent=True),
    case("1.60%", 1.6, decimals=2, percent=True),
    case("92,15 %", 92.15, decimals=2, percent=True),
    case("102, 99%", 102.99, decimals=2, percent=True),
    case(".87,73%", 87.73, decimals=2, percent=True),
    case("  95 %  ", 95, percent=True),
    case("1234.567", 1234.567, decimals=3),
    case("-5", -5),
    # one separator + three digits: the style decides; ambiguous only without a style
    case("1.036", 1036, status="ambiguous"),
    case("1.036", 1036, style="id"),
    case("1.036", 1.036, decimals=3, style="en"),
    case("12,387", 12.387, status="ambiguous", decimals=3),
    case("12,387", 12387, style="en"),
    case("12,387", 12.387, decimals=3, style="id"),
    case("302.635", 302635, status="ambiguous"),
    case("0.125", 0.125, decimals=3),
    case("0.125", 0.125, decimals=3, style="id"),
    case("0,125", 0.125, decimals=3, style="en"),
    # empty cells
    case("", None, status="empty"),
    case("   ", None, status="empty"),
    case("-", None, status="empty", dash=True),
    case("–", None, status="empty", dash=True),
    case("n/a", None, status="empty", dash=False),
    case("N/A", None, status="empty", dash=False),
    case("Rp -", None, status="empty", dash=True, money=True),
    case("- Jiwa", None, status="empty", dash=True, unit="Jiwa"),
    # malformed figures
    case("14.90.000", None, status="malformed"),
    case("930.47.023", None, status="malformed"),
    case("76,946.900", None, status="malformed"),
    case("76,946.900", None, status="malformed", style="en"),
    case("10,577.358.620", None, status="malformed"),
    case("Rp. 10,577.358.620,-", None, status="malformed", money=True),
    case("1.100 %", None, status="malformed", percent=True),
    case("1.100 %", None, status="malformed", style="en", percent=True),
    case("1.100 %", None, status="malformed", style="id", percent=True),
    # readable but misprinted
    case("87,67%%", 87.67, decimals=2, percent=True, defect="doubled percent sign"),
    case("100.00% %", 100, decimals=2, percent=True, defect="doubled percent sign"),
    case("100,%", 100, percent=True, defect="dangling decimal comma"),
    case("35,52%", 35.52, decimals=2, percent=True, defect=""),
    # units
    case("96 Pendamping", 96, unit="Pendamping", qualitative=""),
    case("312 Orang/bulan", 312, unit="Orang/bulan"),
    case("27412 Jiwa", 27412, unit="Jiwa"),
    case("302.635 Org/KPM", 302635, style="id", unit="Org/KPM"),
    case("3.972 Org.", 3972, style="id", unit="Org."),
    case("4.419 KPM", 4419, status="ambiguous", unit="KPM"),
    case("1.200 m2", 1200, style="id", unit="m2"),
    # qualitative values
    case("Puas", None, status="text", qualitative="Puas"),
    case("Sangat Baik", None, status="text", qualitative="Sangat Baik"),
    case("WTP", None, status="text", qualitative="WTP"),
    case("72/BB", 72, qualitative="BB", unit=""),
    case("72/B", 72, qualitative="B"),
    case("72 BB", 72, qualitative="BB"),
    case("BB (73)", 73, qualitative="BB"),
    case("70,00 Pratama", 70, decimals=2, qualitative="Pratama", unit=""),
    case("64,00 / B", 64, decimals=2, qualitative="B"),
    case("Puas/100%", 100, percent=True, qualitative="Puas"),
    case("100 % Tercapai", 100, percent=True, qualitative="Tercapai"),
    # text that is not one value
    case("85 s/d 100", None, status="text"),
    case("2 Dokumen 37.754.909", None, status="text"),
    case("87,57% 2.627.100", None, status="text"),
    case("1.100% 2.100%", None, status="text"),
    case("Tahun 2024", None, status="text"),
    case("Jumlah orang dalam 1 Tahun anggaran berjalan", None, status="text"),
    case("1. Kebijakan", None, status="text"),
    case("(1) Faktor pendukung", None, status="text"),
    case("b.2 Penanganan Fakir Miskin:", None, status="text", qualitative=""),
    case("2.1.1 Visi dan Misi", None, status="text"),
    case("1.06.01.2.01.01", None, status="text"),
    case("D3", None, status="text"),
]


@pytest.mark.parametrize(("raw", "style", "value", "status", "decimals", "fields"), CASES)
def test_printed_forms(raw: str, style: Style | None, value: float | None, status: str, decimals: int,
                       fields: dict[str, Any]) -> None:
    n = parse_number(raw, style)
    assert n.raw == raw
    assert n.status == status
    if value is None:
        assert n.value is None
    else:
        assert n.value == pytest.approx(value, rel=1e-12)
    assert n.decimals == decimals
    for name, expected in fields.items():
        assert getattr(n, name) == expected, name


def test_ok_and_resolution() -> None:
    assert parse_number("35,52%").resolution == pytest.approx(0.01)
    assert parse_number("100,0").resolution == pytest.approx(0.1)
    assert parse_number("2.456.653.000").resolution == 1.0
    assert parse_number("1.036").ok and not parse_number("14.90.000").ok and not parse_number("-").ok


def test_with_style_rereads_only_ambiguous_numbers() -> None:
    ambiguous = parse_number("12,387")
    assert with_style(ambiguous, "en") == parse_number("12,387", "en")
    assert with_style(ambiguous, "en").value == 12387 and with_style(ambiguous, "en").status == "ok"
    assert with_style(ambiguous, None) is ambiguous
    clear = parse_number("35,52")
    assert with_style(clear, "en") is clear


def test_read_token_directly() -> None:
    assert read_token("1.036", "id").value == 1036
    assert read_token("1.036", None, percent=True).status == "malformed"
    assert read_token("100,", None, percent=True).defect == "dangling decimal comma"
    assert read_token("100,", None, percent=False).defect == ""
    assert read_token("1.2.3").status == "text"  # an outline number, not a figure


@pytest.mark.parametrize(
    ("raw", "items"),
    [
        ("1. 72,73% 2. 34,29%", ["72,73%", "34,29%"]),
        ("1.100% 2.100%", ["100%", "100%"]),
        ("1. 137 % 2. 291 %", ["137 %", "291 %"]),
        ("1) 5 2) 7", ["5", "7"]),
        ("1) 5 2) 7 3) 9", ["5", "7", "9"]),
        ("1. 2.5 % 2. 3 %", ["2.5 %", "3 %"]),
        ("1. Puas 2. Baik", ["Puas", "Baik"]),
        ("1.100 %", ["1.100 %"]),
        ("2.456.653.000", ["2.456.653.000"]),
        ("1.85% 2.90%", ["1.85% 2.90%"]),  # two dot-decimal percents, not a list
        ("1.036 2.100", ["1.036 2.100"]),
        ("2. 5 1. 7", ["2. 5 1. 7"]),
        ("1. 5", ["1. 5"]),
        ("1. 5 3. 7", ["1. 5 3. 7"]),
        ("95 %", ["95 %"]),
        ("", [""]),
    ],
)
def test_split_items(raw: str, items: list[str]) -> None:
    assert split_items(raw) == items


@pytest.mark.parametrize(
    ("raw", "pieces"),
    [
        ("87,57% 2.627.100", ["87,57%", "2.627.100"]),
        ("2 Dokumen 37.754.909", ["2 Dokumen", "37.754.909"]),
        ("80,52% 7.980.000", ["80,52%", "7.980.000"]),
        ("85 s/d 100", ["85", "100"]),
        ("Rp 2.456.653.000,- dan Rp. 43.215.795.726,-", ["Rp 2.456.653.000,-", "Rp. 43.215.795.726,-"]),
        ("(19.588.000)", ["(19.588.000)"]),
        ("72/BB", ["72/BB"]),
        ("102, 99%", ["102, 99%"]),
        ("tanpa angka", []),
    ],
)
def test_numbers_in(raw: str, pieces: list[str]) -> None:
    assert numbers_in(raw) == pieces


def test_numbers_in_pieces_parse_as_single_values() -> None:
    pieces = [parse_number(p) for p in numbers_in("87,57% 2.627.100")]
    assert [(p.value, p.percent) for p in pieces] == [(87.57, True), (2627100, False)]


@pytest.mark.parametrize(
    ("raws", "style"),
    [
        (["12,387,484,416", "96.78%"], "en"),
        (["2.456.653.000", "35,52"], "id"),
        (["1.055,00", "0,25", "96.78%"], "id"),
        (["1,055.00", "11,988,100,020", "35,52"], "en"),
        (["1.036", "12,387", "302.635"], None),  # only ambiguous tokens
        (["Puas", "-", "", "100"], None),
        (["96.78%", "35,52%"], None),  # a tie
        (["1.06.01.2.01.01", "2.1.1"], None),  # codes and outline numbers are no evidence
        (["pukul 08.00 WIB"], None),  # a time is no evidence
        ([], None),
    ],
)
def test_infer_style(raws: list[str], style: Style | None) -> None:
    assert infer_style(raws) == style


def test_infer_style_takes_a_generator() -> None:
    assert infer_style(c for c in ["Rp 43.215.795.726,-", "92,15 %", "66.67%"]) == "id"


# ---- properties --------------------------------------------------------------------------------


def indonesian(whole: int, cents: int | None = None) -> str:
    text = f"{whole:,}".replace(",", ".")
    return text if cents is None else f"{text},{cents:02d}"


def english(whole: int, cents: int | None = None) -> str:
    text = f"{whole:,}"
    return text if cents is None else f"{text}.{cents:02d}"


DECORATION = st.sampled_from(["plain", "Rp ", "Rp. ", "Rp", ",-", "Rp ,-", "%"])


def decorate(number: str, decoration: str) -> tuple[str, bool, bool]:
    """(text, money, percent) for a number with the decoration."""
    if decoration == "plain":
        return number, False, False
    if decoration == "%":
        return number + "%", False, True
    prefix, _, suffix = decoration.partition(",")
    return prefix + number + ("," + suffix if suffix else ""), True, False


@given(st.integers(min_value=0, max_value=10**13), DECORATION, st.sampled_from([None, "id"]))
@example(1036, "plain", None)
@example(999, "%", None)
def test_indonesian_integers_round_trip(whole: int, decoration: str, style: Style | None) -> None:
    if decoration == "%" and whole >= 1000:
        whole %= 1000  # "1.234 %" reads as a list number stuck to a percent: see test_printed_forms
    raw, money, percent = decorate(indonesian(whole), decoration)
    n = parse_number(raw, style)
    assert n.value == whole and n.decimals == 0
    assert n.money == money and n.percent == percent
    one_group = 1000 <= whole < 1_000_000
    assert n.status == ("ambiguous" if one_group and style is None else "ok")


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99), DECORATION,
       st.sampled_from([None, "id", "en"]))
@example(1055, 0, "plain", None)
def test_indonesian_two_decimals_round_trip(whole: int, cents: int, decoration: str, style: Style | None) -> None:
    raw, money, percent = decorate(indonesian(whole, cents), decoration)
    n = parse_number(raw, style)
    assert n.value == pytest.approx(whole + cents / 100, rel=1e-12, abs=1e-9)
    assert n.decimals == 2 and n.status == "ok"
    assert n.money == money and n.percent == percent


@given(st.integers(min_value=0, max_value=10**12), st.one_of(st.none(), st.integers(min_value=0, max_value=99)))
@example(12387, None)
@example(1055, 0)
def test_english_style_round_trips(whole: int, cents: int | None) -> None:
    raw = english(whole, cents)
    n = parse_number(raw, "en")
    expected = whole if cents is None else whole + cents / 100
    assert n.value == pytest.approx(expected, rel=1e-12, abs=1e-9)
    assert n.decimals == (0 if cents is None else 2) and n.status == "ok"
    unstyled = parse_number(raw)
    if unstyled.status == "ambiguous":  # "12,387": only the style can tell, and "en" did
        assert cents is None and 1000 <= whole < 1_000_000
    else:
        assert unstyled.value == n.value


@given(st.integers(min_value=0, max_value=10**7), st.text(alphabet="0123456789", min_size=1, max_size=6),
       st.sampled_from([",", "."]), st.sampled_from([None, "id", "en"]))
def test_decimals_count_the_printed_fraction_digits(whole: int, frac: str, mark: str, style: Style | None) -> None:
    raw = f"{whole}{mark}{frac}"
    n = parse_number(raw, style)
    decimal_reading = len(frac) != 3 or whole == 0 or whole >= 1000
    if decimal_reading:
        assert n.status == "ok" and n.decimals == len(frac)
        assert n.value == pytest.approx(float(f"{whole}.{frac}"))
        assert n.resolution == pytest.approx(10.0 ** -len(frac))
    else:
        assert n.decimals in (0, 3) and n.value is not None
        assert n.value == (whole * 1000 + int(frac) if n.decimals == 0 else pytest.approx(float(f"{whole}.{frac}")))


@given(st.lists(st.tuples(st.integers(min_value=0, max_value=999), st.integers(min_value=0, max_value=99)),
                min_size=2, max_size=5),
       st.sampled_from([". ", ") "]))
def test_enumerated_percent_cells_split(values: list[tuple[int, int]], mark: str) -> None:
    items = [f"{indonesian(w, c)}%" for w, c in values]
    raw = " ".join(f"{k}{mark}{item}" for k, item in enumerate(items, start=1))
    assert split_items(raw) == items
    assert [parse_number(i).value for i in split_items(raw)] == [pytest.approx(w + c / 100) for w, c in values]


NUMBERISH = st.text(alphabet="0123456789.,%-–() /RpBbOrangPuas\u00a0\t²٣", max_size=30)


@given(st.one_of(st.text(max_size=60), NUMBERISH))
@example("²")
@example("(")
@example("Rp")
@example("%%")
@example("1,.5")
@example("9" * 400)
def test_any_text_never_raises(raw: str) -> None:
    n = parse_number(raw)
    assert isinstance(n, Number) and n.raw == raw and n.status in STATUSES
    assert n.decimals >= 0
    assert (n.value is not None) == (n.status in ("ok", "ambiguous"))
    assert parse_number(raw, "en").raw == raw and parse_number(raw, "id").raw == raw
    assert split_items(raw)
    assert all(isinstance(p, str) for p in numbers_in(raw))
    assert infer_style([raw, raw]) in (None, "id", "en")


@pytest.mark.parametrize("raw", ["1)", "1) BB", "2) Sangat Baik", " 3 ) Tinggi"])
def test_an_items_number_closed_by_a_parenthesis_is_not_a_figure(raw: str) -> None:
    """The first item of an enumerated cell ("1) BB (70,00) 2) 65,00 / B") cut from its figure by a line or
    cell break is a label, not the value 1; a figure inside parentheses still reads."""
    assert parse_number(raw).value is None
    assert parse_number("BB (70,00)").value == 70.0 and parse_number("72 (BB)").value == 72.0
