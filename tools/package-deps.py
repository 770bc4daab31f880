#!/usr/bin/env python3
"""Prints which top-level packages of org.rectiflow each package imports, with the classes, for docs/ARCHITECTURE.md."""
import os,re,collections,sys
root='src/main/java/org/rectiflow'
deps=collections.defaultdict(lambda: collections.defaultdict(set))
for d,_,fs in os.walk(root):
  for f in fs:
    if not f.endswith('.java'): continue
    p=os.path.join(d,f); pkg=os.path.relpath(d,root).replace('/','.')
    top=pkg.split('.')[0]
    src=open(p).read()
    for m in re.finditer(r'org\.rectiflow\.([a-z]+)(?:\.[a-z]+)*\.([A-Z]\w*)',src):
      t=m.group(1)
      if t!=top: deps[top][t].add(f[:-5]+'->'+m.group(2))
for a in sorted(deps):
  for b in sorted(deps[a]):
    print(a,'->',b,':',', '.join(sorted(deps[a][b])))
