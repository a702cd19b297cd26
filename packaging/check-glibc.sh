#!/bin/sh
# Print the highest GLIBC symbol version any ELF file in a bundle needs: the oldest glibc (and so
# the oldest Linux) the frozen program can start on. Lists the files that need the top version.
#   sh packaging/check-glibc.sh dist/cluster-declare [--max X.YY]   (--max: fail above X.YY)
set -eu
DIR=${1:?用法: check-glibc.sh BUNDLE_DIR [--max X.YY]}
MAX=""
[ "${2:-}" = "--max" ] && MAX=${3:?}
command -v objdump >/dev/null || { echo "需要 objdump（Debian 包 binutils）" >&2; exit 2; }

list=$(mktemp)
trap 'rm -f "$list"' EXIT
find "$DIR" -type f | while read -r f; do
    # ELF magic only: skip data files quickly.
    [ "$(head -c 4 "$f" | od -An -c | tr -d ' \n')" = "177ELF" ] || continue
    objdump -T "$f" 2>/dev/null | grep -o 'GLIBC_[0-9][0-9.]*' | sort -u | sed "s|^|$f |"
done > "$list"

elf_count=$(cut -d' ' -f1 "$list" | sort -u | wc -l)
top=$(cut -d' ' -f2 "$list" | sed 's/GLIBC_//' | sort -t. -k1,1n -k2,2n -k3,3n -u | tail -1)
echo "GLIBC 最低要求 (floor): $top  —  $elf_count 个 ELF 文件引用 glibc 符号"
echo "需要 GLIBC_$top 的文件:"
grep " GLIBC_$top\$" "$list" | cut -d' ' -f1 | sed "s|^$DIR/||; s|^|  |" | head -20
if [ -n "$MAX" ]; then
    highest=$(printf '%s\n%s\n' "$top" "$MAX" | sort -t. -k1,1n -k2,2n -k3,3n | tail -1)
    if [ "$highest" != "$MAX" ]; then
        echo "错误：需要 glibc $top，超过目标 $MAX" >&2
        exit 1
    fi
fi
