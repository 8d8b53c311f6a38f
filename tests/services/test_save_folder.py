"""The default folder for saved files is the documents or the data folder, never the
current one (issue 14: a report saved from the app landed beside demo.db)."""

from __future__ import annotations

from office_tui.services.folders import default_save_folder


def test_documents_when_there_is_one(monkeypatch, tmp_path):
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.chdir(tmp_path)
    assert default_save_folder() == home / "Documents"


def test_the_data_folder_otherwise_never_the_current_one(monkeypatch, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    found = default_save_folder()
    assert found == tmp_path / "data" / "office-tui" and found.is_dir()
    assert found != tmp_path
