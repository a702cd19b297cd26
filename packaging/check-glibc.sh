#!/bin/sh
# Print the highest GLIBC symbol version any ELF file in a bundle needs: the oldest glibc (and so
# the oldest Linux) the frozen program can start on. Lists the files that need the top version.
#   sh packaging/check-glibc.sh dist/cluster-declare [--max X.YY]
# --max: fail (exit 1) above X.YY, and list every symbol newer than X.YY with the file that needs it.
set -eu
DIR=${1:?用法: check-glibc.sh BUNDLE_DIR [--max X.YY]}
MAX=""
[ "${2:-}" = "--max" ] && MAX=${3:?}
command -v objdump >/dev/null || { echo "需要 objdump（Debian 包 binutils）" >&2; exit 2; }
[ -d "$DIR" ] || { echo "错误：目录不存在: $DIR" >&2; exit 2; }

list=$(mktemp)
trap 'rm -f "$list"' EXIT
# One line per needed symbol: FILE VERSION SYMBOL (objdump writes "(GLIBC_2.29)" for hidden versions).
find "$DIR" -type f | while read -r f; do
    # ELF magic only: skip data files quickly.
    [ "$(head -c 4 "$f" | od -An -c | tr -d ' \n')" = "177ELF" ] || continue
    objdump -T "$f" 2>/dev/null | awk -v f="$f" '{
        for (i = 1; i < NF; i++) if ($i ~ /^\(?GLIBC_[0-9]/) { v = $i; gsub(/[()]/, "", v); print f, v, $NF }
    }'
done | sort -u > "$list"

vsort() { sort -t. -k1,1n -k2,2n -k3,3n; }
[ -s "$list" ] || { echo "错误：$DIR 中没有引用 glibc 符号的 ELF 文件" >&2; exit 2; }
elf_count=$(cut -d' ' -f1 "$list" | sort -u | wc -l)
top=$(cut -d' ' -f2 "$list" | sed 's/GLIBC_//' | vsort -u | tail -1)
echo "GLIBC 最低要求 (floor): $top  —  $elf_count 个 ELF 文件引用 glibc 符号"
echo "需要 GLIBC_$top 的文件:"
grep " GLIBC_$top " "$list" | cut -d' ' -f1 | sort -u | sed "s|^$DIR/||; s|^|  |" | head -20
if [ -n "$MAX" ]; then
    highest=$(printf '%s\n%s\n' "$top" "$MAX" | vsort | tail -1)
    if [ "$highest" != "$MAX" ]; then
        echo "错误：需要 glibc $top，超过目标 $MAX。超出的符号 (symbols newer than $MAX):" >&2
        while read -r f v s; do
            newer=$(printf '%s\n%s\n' "${v#GLIBC_}" "$MAX" | vsort | tail -1)
            [ "$newer" != "$MAX" ] && echo "  ${f#"$DIR"/}  $s@$v" >&2
        done < "$list"
        exit 1
    fi
fi
exit 0
