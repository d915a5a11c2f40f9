"""The core must work without Qt: a batch job or a script has no display."""
import subprocess
import sys

from tests.conftest import ROOT

BLOCK_QT = """
import sys
class _NoQt:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'):
            raise ImportError('Qt is blocked in this test: ' + name)
        return None
sys.meta_path.insert(0, _NoQt())
import editor, editor.cli, editor.parser, editor.model, editor.project, editor.words, editor.edits
import pkgutil, importlib
for mod in pkgutil.walk_packages(editor.__path__, 'editor.'):
    importlib.import_module(mod.name)
page = editor.parser.parse_bytes(open(sys.argv[1], 'rb').read())
print(len(page.articles))
"""


def test_editor_imports_and_parses_with_qt_blocked(sample_path):
    result = subprocess.run([sys.executable, "-c", BLOCK_QT, str(sample_path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "10"
