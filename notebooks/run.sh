#!/usr/bin/env bash
# Executes notebooks headless (a failing cell fails the run): notebooks/run.sh [NOTEBOOK.ipynb ...]
# (default: all). Installs its Python packages into notebooks/.venv on first use. The executed copies go to
# notebooks/executed/; the committed notebooks stay unexecuted.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv"
if [[ ! -x "$venv/bin/jupyter" ]]; then
  python3 -m venv "$venv"
  index=()
  # Machines of this project's kind carry a PyPI mirror on disk and no route to pypi.org.
  if [[ -z "${PIP_INDEX_URL:-}" && -d /opt/pypi/simple ]]; then
    index=(--index-url file:///opt/pypi/simple)
    [[ -d /opt/pypi-more/simple ]] && index+=(--extra-index-url file:///opt/pypi-more/simple)
  fi
  "$venv/bin/pip" install -q "${index[@]}" -r "$here/requirements.txt" 2>&1 | grep -v "is ignored: it is neither" >&2 || true
  [[ -x "$venv/bin/jupyter" ]] || { echo "notebooks: installing requirements.txt failed" >&2; exit 1; }
fi
cd "$here"
notebooks=("$@")
[[ ${#notebooks[@]} -gt 0 ]] || notebooks=(*.ipynb)
for nb in "${notebooks[@]}"; do
  "$venv/bin/jupyter" nbconvert --to notebook --execute --output-dir executed "$nb"
done
