#!/usr/bin/env python3
"""skaz's name key beside Beider-Morse and Daitch-Mokotoff on the name variant
set (issue 5): pairwise precision, recall and F1 of "these two spellings are
one name", scored the way skaz-eval scores name_key_pairs.

  tools/phonetic/compare.py --skaz build/skaz [--data ../shared/data]

The peers come from Apache Commons Codec (Debian: libcommons-codec-java) and
run on a JVM (default-jdk-headless); scripts/install-deps.sh installs both when
missing. Beider-Morse and Daitch-Mokotoff give a set of codes per spelling, so
two spellings match when their sets share a code (the way they are searched);
skaz's key is one string. Each peer is scored on three inputs:
  raw     the spelling as it is (Daitch-Mokotoff has no Cyrillic rules: every
          Cyrillic spelling codes 000000);
  latin   Cyrillic spellings transliterated by skaz (BGN/PCGN) first;
  base    skaz's name-base first (Дурова -> Дуров), then transliterated.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CODEC_JAR = '/usr/share/java/commons-codec.jar'


def ensure_tools():
    packages = []
    if not os.path.exists(CODEC_JAR):
        packages.append('libcommons-codec-java')
    if not shutil.which('java'):
        packages.append('default-jdk-headless')
    if packages:
        env = dict(os.environ, SKAZ_EXTRA_PACKAGES=' '.join(packages))
        subprocess.run([os.path.join(ROOT, 'scripts', 'install-deps.sh')], env=env, check=True)


def lines_op(cmd, lines):
    out = subprocess.run(cmd, input='\n'.join(lines) + '\n', capture_output=True,
                         text=True, check=True).stdout.split('\n')
    if len(out) < len(lines):
        sys.exit('%s: %d lines in, %d out' % (' '.join(cmd), len(lines), len(out)))
    return out[:len(lines)]


def peer_codes(names):
    """[(bm_approx, bm_exact, dm)] code sets per name, and the seconds taken."""
    start = time.perf_counter()
    out = lines_op(['java', '-cp', CODEC_JAR, os.path.join(HERE, 'PhoneticCodes.java')], names)
    seconds = time.perf_counter() - start
    rows = []
    for line in out:
        fields = line.split('\t')
        if len(fields) != 3:
            sys.exit('PhoneticCodes: bad line %r' % line)
        rows.append(tuple(frozenset(c for c in f.split('|') if c) for f in fields))
    return rows, seconds


def score(codes, clusters):
    """Pairwise P, R, F1: two items are predicted one name when their code
    sets meet. Bit sets keep it linear in the number of (item, code) pairs."""
    by_code = defaultdict(int)
    for i, cs in enumerate(codes):
        for c in cs:
            by_code[c] |= 1 << i
    by_cluster = defaultdict(int)
    for i, c in enumerate(clusters):
        by_cluster[c] |= 1 << i
    tp = pred = 0
    for i, cs in enumerate(codes):
        near = 0
        for c in cs:
            near |= by_code[c]
        near &= ~(1 << i)
        pred += bin(near).count('1')
        tp += bin(near & by_cluster[clusters[i]]).count('1')
    gold = sum(n * (n - 1) for n in (bin(m).count('1') for m in by_cluster.values()))
    tp, pred, gold = tp // 2, pred // 2, gold // 2
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--skaz', default=os.path.join(ROOT, 'build', 'skaz'))
    ap.add_argument('--data', default=os.path.join(ROOT, '..', 'shared', 'data'))
    args = ap.parse_args()
    path = os.path.join(args.data, 'names', 'name_variants.jsonl')
    if not os.path.exists(path):
        print('compare.py: %s not found; nothing to compare' % path)
        return 0
    ensure_tools()

    items = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            r = json.loads(line)
            items[(r['cluster'], r['variant'])] = True
    clusters = [c for c, _ in items]
    names = [v for _, v in items]

    keys = lines_op([args.skaz, 'name-key'], names)
    latin = lines_op([args.skaz, 'translit', '--schema', 'bgn_pcgn'], names)
    base = lines_op([args.skaz, 'translit', '--schema', 'bgn_pcgn'],
                    lines_op([args.skaz, 'name-base'], names))

    rows = [('skaz name-key', 'raw', score([frozenset([k]) for k in keys], clusters))]
    seconds = 0.0
    for label, inputs in (('raw', names), ('latin', latin), ('base', base)):
        codes, s = peer_codes(inputs)
        seconds += s
        for j, peer in enumerate(('Beider-Morse approx', 'Beider-Morse exact', 'Daitch-Mokotoff')):
            rows.append((peer, label, score([c[j] for c in codes], clusters)))

    print('%d spellings of %d names (%s)' % (len(names), len(set(clusters)), path))
    print('%-20s %-6s %6s %6s %6s' % ('', 'input', 'P', 'R', 'F1'))
    for peer, label, (p, r, f) in rows:
        print('%-20s %-6s %6.3f %6.3f %6.3f' % (peer, label, p, r, f))
    return 0


if __name__ == '__main__':
    sys.exit(main())
