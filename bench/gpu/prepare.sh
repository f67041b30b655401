#!/usr/bin/env bash
# Prepares target/gpu-carry/ for bench/gpu/run.sh on a GPU machine that has no Java and no Maven:
# a jlink'd JDK 25 runtime, bookcheck.jar with the runtime libraries bench needs, and the GPU tests
# with the JUnit Platform and jqwik. Run it here (with Maven and a JDK 25); then carry
# target/gpu-carry to the device (the device tool's `carry`, 64 MiB in all with the working tree).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
carry=target/gpu-carry
limit_mib=60 # the carry limit is 64 MiB, with the working tree (about 2.5 MiB) beside it

jdk="${JAVA_HOME:-}"
if [ -z "$jdk" ] || [ ! -x "$jdk/bin/jlink" ] || ! "$jdk/bin/java" -version 2>&1 | grep -q '"25'; then
  jdk="$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -n1 || true)"
fi
[ -x "$jdk/bin/jlink" ] || { echo "prepare.sh: no JDK 25 with jlink (set JAVA_HOME)" >&2; exit 2; }

mvn -B -q -o -DskipTests package
mvn -B -q -o test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt

rm -rf "$carry"
mkdir -p "$carry/lib" "$carry/test-lib"
cp target/bookcheck.jar "$carry/"
# The HTML report's MathJax and the loss plot's PDF/PNG libraries are not used by bench or the tests.
for j in target/lib/*.jar; do
  case "$(basename "$j")" in
    mathjax-*|pdfbox*|fontbox-*|VectorGraphics2D-*|graphics2d-*|animated-gif-lib-*|xchart-*|commons-logging-*) ;;
    *) cp "$j" "$carry/lib/" ;;
  esac
done
tr ':' '\n' < target/test-classpath.txt | grep -E '/(junit-jupiter|junit-platform|jqwik|opentest4j|apiguardian)[^/]*\.jar$' \
  | while read -r j; do cp "$j" "$carry/test-lib/"; done
(cd target/test-classes && "$jdk/bin/jar" cf "$root/$carry/device-tests.jar" junit-platform.properties \
  org/bookcheck/backend org/bookcheck/gpu org/bookcheck/kernel org/bookcheck/model)

"$jdk/bin/jlink" --add-modules java.base,jdk.incubator.vector,java.management,jdk.management,java.logging,java.sql,jdk.unsupported \
  --strip-debug --no-header-files --no-man-pages --compress zip-9 --output "$carry/jdk"
# libjvm.so's static symbol table is a sixth of the runtime and nothing at run time reads it.
if command -v strip >/dev/null 2>&1; then
  chmod u+w "$carry/jdk/lib/server/libjvm.so"
  strip --strip-unneeded "$carry/jdk/lib/server/libjvm.so"
fi

size_mib=$(( $(du -sk "$carry" | cut -f1) / 1024 ))
echo "target/gpu-carry: ${size_mib} MiB (jdk $(( $(du -sk "$carry/jdk" | cut -f1) / 1024 )) MiB)"
if [ "$size_mib" -gt "$limit_mib" ]; then
  echo "prepare.sh: target/gpu-carry is ${size_mib} MiB, over the ${limit_mib} MiB that fit the device's carry" >&2
  exit 1
fi
"$carry/jdk/bin/java" --add-modules jdk.incubator.vector -jar "$carry/bookcheck.jar" --version >/dev/null \
  || { echo "prepare.sh: the jlink'd runtime does not run bookcheck" >&2; exit 1; }
# The carried runtime runs the test launcher too: the CPU half of the same suite, through DeviceCheck.
"$carry/jdk/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xss4m \
  -cp "$carry/bookcheck.jar:$carry/device-tests.jar:$carry/lib/*:$carry/test-lib/*" org.bookcheck.gpu.DeviceCheck --cpu-dry-run \
  > target/gpu-carry-dry-run.txt 2>&1 \
  || { tail -n 20 target/gpu-carry-dry-run.txt; echo "prepare.sh: the carried tests do not run (target/gpu-carry-dry-run.txt)" >&2; exit 1; }
tail -n 1 target/gpu-carry-dry-run.txt
echo "ready: run bench/gpu/run.sh on the device with carry [\"target/gpu-carry\"]"
