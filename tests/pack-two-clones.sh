#!/usr/bin/env bash
# Packs the committed HEAD from two clones at different paths and compares the DLLs and PDBs they put in the package
# (and its symbols package): with ContinuousIntegrationBuild (a Release build of a clone) they must be byte for byte the
# same. Takes about 3 minutes on 2 cores; not part of `dotnet test`.
#   tests/pack-two-clones.sh
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d -t mq-clones-XXXXXX)"
trap 'rm -rf "$work"' EXIT

for clone in first "second-clone elsewhere"; do
  git clone --quiet "$repo" "$work/$clone"
  # Its own NuGet cache would only add downloads: the packages are the same.
  dotnet pack "$work/$clone/src/MergeQueue.Analyzers.Package/MergeQueue.Analyzers.Package.csproj" \
    -c Release -nodeReuse:false -o "$work/$clone/out" -p:Version=0.0.0-clone >"$work/$clone.log" 2>&1 \
    || { cat "$work/$clone.log"; exit 1; }
  mkdir -p "$work/$clone/unpacked"
  (cd "$work/$clone/unpacked" && unzip -q -o ../out/MergeQueue.Analyzers.0.0.0-clone.nupkg && unzip -q -o ../out/MergeQueue.Analyzers.0.0.0-clone.snupkg)
done

status=0
count=0
while IFS= read -r file; do
  count=$((count + 1))
  if cmp -s "$work/first/unpacked/$file" "$work/second-clone elsewhere/unpacked/$file"; then
    echo "same:      $file"
  else
    echo "DIFFERENT: $file"
    status=1
  fi
done < <(cd "$work/first/unpacked" && find . -name '*.dll' -o -name '*.pdb' | sort)

[ "$count" -gt 0 ] || { echo "no DLL or PDB in the package"; exit 1; }
[ "$status" -eq 0 ] && echo "$count files, identical in both clones"
exit "$status"
