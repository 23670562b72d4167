"""Where the phrase cache lives (settings.tts_cache_dir): in the output folder unless a shared
folder is given, by setting or by CARECALL_TTS_CACHE_DIR; the pipeline's cache is there."""

from __future__ import annotations

from pathlib import Path

import pytest

from assembly.config import ConfigError, load_settings
from assembly.pipeline import Pipeline


def test_the_default_is_in_the_output_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("CARECALL_TTS_CACHE_DIR", raising=False)
    settings = load_settings(output_dir=tmp_path / "out")
    assert settings.tts_cache_dir is None
    assert settings.tts_cache_path == tmp_path / "out" / "tts-cache"


def test_the_environment_and_a_setting_choose_a_shared_folder(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CARECALL_TTS_CACHE_DIR", str(tmp_path / "shared"))
    assert load_settings(output_dir=tmp_path / "a").tts_cache_path == tmp_path / "shared"
    own = load_settings(output_dir=tmp_path / "b", tts_cache_dir=tmp_path / "own")
    assert own.tts_cache_path == tmp_path / "own"  # a flag (or keyword) wins over the env


def test_two_pipelines_share_what_one_synthesized(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CARECALL_TTS_CACHE_DIR", str(tmp_path / "shared"))
    first = Pipeline(load_settings(output_dir=tmp_path / "one", rescore=False))
    second = Pipeline(load_settings(output_dir=tmp_path / "two", rescore=False))
    assert first.cache.directory == second.cache.directory == tmp_path / "shared"
    scenario = first.default_scenario
    assert first.warm([scenario]) > 0
    assert second.warm([scenario]) == 0  # every sentence was on disk already
    assert not (tmp_path / "one" / "tts-cache").exists()


def test_a_bad_value_is_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CARECALL_TTS_CACHE_DIR", "")
    with pytest.raises(ConfigError, match="tts_cache_dir"):
        load_settings(output_dir=tmp_path, tts_cache_dir=["not", "a", "path"])
