#!/usr/bin/env bash
# Installs the bundles of a release into the local Maven repository, built from the release's commit,
# unless they are there already. bnd's baseline check then compares this build's exported packages
# with them. Usage: install-release.sh <version> <commit> <local repository> <maven home> offline=<true|false>
set -euo pipefail
version=$1 commit=$2 repository=$3 maven=$4 offline=$5
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"

if [ -f "$repository/org/tesseracrm/platform-api/$version/platform-api-$version.jar" ]; then
  exit 0
fi
if ! git -C "$root" cat-file -e "$commit^{commit}" 2>/dev/null; then
  echo "[WARNING] Release $version ($commit) is not in this clone's history (a shallow clone?):" \
       "exported packages are not compared with it." >&2
  exit 0
fi

echo "[INFO] Building release $version from $commit for the API baseline"
work="$here/target/release-$version"
rm -rf "$work"
mkdir -p "$work"
git -C "$root" archive "$commit" | tar -x -C "$work"
# The release's poms carry its development version; built as the release itself.
find "$work" -name pom.xml -exec sed -i "s/<version>$version-SNAPSHOT<\/version>/<version>$version<\/version>/" {} +
# Every bundle that exports packages: the -api bundles, the platform and commerce's module bases.
modules=$(cd "$work" && ls -d bundles/*-api bundles/platform bundles/commerce 2>/dev/null | paste -sd, -)
flags=(-B -q -DskipTests -Dbnd.baseline.skip=true "-Dmaven.repo.local=$repository")
[ "$offline" = "offline=true" ] && flags+=(-o)
"$maven/bin/mvn" "${flags[@]}" -f "$work/pom.xml" -pl "$modules" -am install
rm -rf "$work"
