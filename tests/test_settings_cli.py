"""Settings from the command line: `lkjip extract --set NAME=VALUE` and `lkjip settings`."""

from __future__ import annotations

import multiprocessing
import pickle
from pathlib import Path

import pytest
from records_factory import extraction
from typer.testing import CliRunner

import pipeline.batch
from extractors.settings import DEFAULT, Settings
from pipeline.batch import UsageError, run_batch
from pipeline.cli import _convert, app, changed_settings, main, parse_settings
from schemas.records import Extraction


def test_values_take_the_type_of_the_setting() -> None:
    s = parse_settings(["arith.share=0.7", "arith.min_rows=3", "totals.subtotal_multiples=2, 3,4"])
    assert (s.arith.share, s.arith.min_rows, s.totals.subtotal_multiples) == (0.7, 3, (2, 3, 4))
    assert isinstance(s.arith.min_rows, int) and isinstance(s.types.money_min, float)
    assert s.types == DEFAULT.types and DEFAULT.arith.share != 0.7  # the rest untouched, DEFAULT unchanged
    assert parse_settings(["arith.share=0.7", "arith.share=0.8"]).arith.share == 0.8  # the last one wins
    assert parse_settings(["types.money_min=1e6"]).types.money_min == 1_000_000.0
    assert parse_settings([]) is DEFAULT
    assert _convert("x.flag", "no", True) is False and _convert("x.flag", "ON", False) is True


@pytest.mark.parametrize(("item", "message"), [
    ("arith.shar=0.7", "unknown setting 'arith.shar' (did you mean arith.share?"),
    ("nothing=1", "unknown setting 'nothing'"),
    ("arith=1", "unknown setting 'arith'"),
    ("arith.share", "--set expects NAME=VALUE"),
    ("=0.7", "--set expects NAME=VALUE"),
    ("arith.share=abc", "setting arith.share expects a number, got 'abc'"),
    ("arith.share=nan", "setting arith.share expects a number >= 0"),
    ("arith.share=-0.1", "setting arith.share expects a number >= 0"),
    ("arith.min_rows=2.5", "setting arith.min_rows expects a whole number, got '2.5'"),
    ("totals.subtotal_multiples=2,x", "setting totals.subtotal_multiples expects a whole number, got 'x'"),
])
def test_a_bad_setting_is_a_usage_error_naming_it(item: str, message: str) -> None:
    with pytest.raises(UsageError) as err:
        parse_settings([item])
    assert str(err.value).startswith(message)


def test_changed_settings_names_only_the_overrides() -> None:
    assert changed_settings(DEFAULT) == "defaults"
    s = parse_settings(["arith.share=0.7"])
    assert changed_settings(s) == f"arith.share=0.7 (default {DEFAULT.arith.share})"


def test_settings_command_prints_every_setting() -> None:
    result = CliRunner().invoke(app, ["settings"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == len(DEFAULT.as_dict())
    assert f"arith.share = {DEFAULT.arith.share}" in lines
    assert "totals.subtotal_multiples = " + ",".join(map(str, DEFAULT.totals.subtotal_multiples)) in lines
    shown = CliRunner().invoke(app, ["settings", "--set", "arith.share=0.7"]).stdout
    assert f"arith.share = 0.7  (default {DEFAULT.arith.share})" in shown.splitlines()


@pytest.mark.parametrize("argv", [
    ["extract", "x.txt", "--set", "arith.bogus=1"],
    ["extract", "x.txt", "--set", "arith.share=high"],
    ["settings", "--set", "nope"],
])
def test_bad_set_exits_2_with_one_line_and_no_traceback(argv: list[str], tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    with pytest.raises(SystemExit) as exit_info:
        main([*argv, "-o", str(out)] if argv[0] == "extract" else argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith("error: ") and "Traceback" not in err
    assert not out.exists()  # nothing written, not even the output folder


def _recording_extract(path: Path, settings: Settings) -> Extraction:
    """A stand-in for extract_document that reports the setting it was given."""
    ext = extraction(str(path))
    ext.info.instansi = f"share={settings.arith.share}"
    return ext


def test_extract_passes_the_settings_to_every_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline.batch, "extract_document", _recording_extract)
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o",
                                      str(tmp_path / "out"), "--set", "arith.share=0.75", "--no-reports"])
    assert result.exit_code == 0, result.output
    assert f"settings: arith.share=0.75 (default {DEFAULT.arith.share})" in result.stdout
    docs = (tmp_path / "out" / "documents.csv").read_text(encoding="utf-8")
    assert docs.count("share=0.75") == 2


def test_settings_pickle_for_the_workers() -> None:
    s = parse_settings(["arith.share=0.75", "totals.subtotal_multiples=2,4"])
    assert pickle.loads(pickle.dumps(s)) == s


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork",
                    reason="the monkeypatched fake reaches pool workers only when they are forked")
def test_pool_workers_receive_the_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline.batch, "extract_document", _recording_extract)
    paths = []
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
        paths.append(tmp_path / name)
    results = run_batch(paths, workers=2, settings=parse_settings(["arith.share=0.75"]))
    assert [r.info.instansi for r in results] == ["share=0.75"] * 3
    assert [r.info.instansi for r in run_batch(paths[:1])] == [f"share={DEFAULT.arith.share}"]
