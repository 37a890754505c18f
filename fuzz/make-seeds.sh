#!/bin/sh
# Build the seed corpora under fuzz/seeds/ from tests/fixtures/ (run from the repo root).
set -e
S=fuzz/seeds
mkdir -p $S/expr $S/text $S/json $S/score
for f in tests/fixtures/*.csv; do
  b=$(basename "$f" .csv)
  cp "$f" "$S/score/$b.csv"
  iconv -f UTF-8 -t GB18030 "$f" > "$S/score/$b.gbk.csv"
  { printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$f"; } > "$S/score/$b.utf16le.txt"
  { printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$f"; } > "$S/score/$b.utf16be.txt"
  # text target: first byte picks the encoding (0 auto, 1 utf8, 2 gbk, 3 utf16le, 4 utf16be)
  { printf '\000'; cat "$f"; } > "$S/text/$b.auto"
  { printf '\001'; cat "$f"; } > "$S/text/$b.utf8"
  { printf '\002'; iconv -f UTF-8 -t GB18030 "$f"; } > "$S/text/$b.gbk"
  { printf '\003'; iconv -f UTF-8 -t UTF-16LE "$f"; } > "$S/text/$b.utf16le"
  { printf '\004'; iconv -f UTF-8 -t UTF-16BE "$f"; } > "$S/text/$b.utf16be"
  cargo run -q -- read "$f" > "$S/json/$b.json"
  cp "$S/json/$b.json" "$S/score/$b.json"
  # expr: every distinct cell of the fixtures (target\001actual pairs from columns)
done
python3 - <<'PY'
import csv, glob, hashlib, os
cells = set()
for f in glob.glob("tests/fixtures/*.csv"):
    for row in csv.reader(open(f, encoding="utf-8")):
        for c in row:
            if c.strip():
                cells.add(c)
        if len(row) >= 2:
            cells.add(row[-2] + "\x01" + row[-1])
extra = ["≥95%", "≤3天", "95%-100%", "14.23分（满分15分）", "满分15分，得分14.23", "1.2万人次", "零投诉",
         "无重大事故", "2023年群众满意率≥90%", "控制在 95% 以上", "36,500 人次", "142.5万元\x01150万元",
         "＞＝９０％", "不低于90%\x0188.5%", "百分比", "（万元）", "定性", "反向", "1200余人", "3艘"]
cells.update(extra)
for c in sorted(cells):
    h = hashlib.sha1(c.encode()).hexdigest()[:12]
    open(f"fuzz/seeds/expr/{h}", "w", encoding="utf-8").write(c)
PY
