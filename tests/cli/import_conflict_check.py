#!/usr/bin/python3
"""`digiready import` never decides a conflict by file order (issue #16): two verified copies of one
result with other content are reported (household, both files, the answers that differ) and left out
of the figures and the CSV until the person chooses a copy with --keep FILE; exit status 3 says so.

Worked example: tests/core/data/mini-v2-result.json (Thôn 1, overall 76.67 %) and a copy moved to
Thôn 2 by hand and stamped again (docs/result-format.md: SHA-256 of the canonical record).
Usage: import_conflict_check.py DIGIREADY DATA_DIR"""
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

CLI, DATA = sys.argv[1], sys.argv[2]


def canonical(v):
    return json.dumps(v, ensure_ascii=False, sort_keys=True, separators=(',', ':'))


def stamp(rec):
    rec = {k: v for k, v in rec.items() if k != 'checksum'}
    rec['checksum'] = hashlib.sha256(canonical(rec).encode()).hexdigest()
    return canonical(rec)


def read(path, encoding='utf-8'):
    with open(path, encoding=encoding) as f:
        return f.read()


class ImportConflict(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.surveys = os.path.join(self.tmp, 'surveys')
        os.makedirs(self.surveys)
        shutil.copy(os.path.join(DATA, 'mini-v2.json'), self.surveys)
        self.a = os.path.join(self.tmp, 'a.json')
        self.b = os.path.join(self.tmp, 'conflict-a.json')
        shutil.copy(os.path.join(DATA, 'mini-v2-result.json'), self.a)
        rec = json.loads(read(self.a))
        rec['profile']['village'] = 'Thôn 2'
        with open(self.b, 'w', encoding='utf-8') as f:
            f.write(stamp(rec))

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def run_import(self, *args, stdin=None):
        csv = os.path.join(self.tmp, 'out.csv')
        if os.path.exists(csv):
            os.remove(csv)
        run = subprocess.run([CLI, 'import', '--survey-dir', self.surveys, '--csv', csv, *args],
                             capture_output=True, text=True, input=stdin)
        rows = read(csv, 'utf-8-sig').splitlines() if os.path.exists(csv) else []
        return run, rows

    def test_reported_and_left_out_whatever_the_order(self):
        for files in ([self.a, self.b], [self.b, self.a]):
            run, rows = self.run_import(*files)
            self.assertEqual(run.returncode, 3, run.stderr)
            out = run.stdout
            self.assertIn('files: 2, verified: 0, failed: 0, duplicates: 0, changed: 0', out)
            self.assertIn('conflicts: 1 (same result in copies with other content), 1 left out until a copy is chosen', out)
            self.assertIn('conflict: result 3f43d3796ebc38e6b4edf455e97ad46e, household (no code) (', out)
            self.assertIn(f'  copy 1: {files[0]}\n', out)
            self.assertIn(f'  copy 2: {files[1]}\n', out)
            first, second = ('Thôn 1', 'Thôn 2') if files[0] == self.a else ('Thôn 2', 'Thôn 1')
            self.assertRegex(out, f': copy 1 "{first}", copy 2 "{second}"\n')
            self.assertIn('left out of every figure and file: choose the right copy with --keep FILE', out)
            self.assertNotIn('survey mini-v2', out)  # no survey has a result that counts
            self.assertEqual(rows[1:], [])  # no row: nothing counts

    def test_the_copy_chosen_counts_whatever_the_order(self):
        for files in ([self.a, self.b], [self.b, self.a]):
            run, rows = self.run_import(*files, '--keep', self.b)
            self.assertEqual(run.returncode, 0, run.stdout + run.stderr)
            self.assertIn('files: 2, verified: 1, failed: 0, duplicates: 0, changed: 0', run.stdout)
            self.assertIn('conflicts: 1 (same result in copies with other content), 0 left out', run.stdout)
            self.assertIn(f'  counted: copy {files.index(self.b) + 1} ({self.b}, chosen with --keep)', run.stdout)
            self.assertIn('survey mini-v2 2.0.0: 1 respondents, mean overall 76.67 %', run.stdout)
            self.assertEqual(len(rows), 2, rows)
            self.assertIn('Thôn 2', rows[1])
            self.assertNotIn('Thôn 1', rows[1])

    def test_standard_input_is_read_twice(self):
        lines = read(self.a).strip() + '\n' + read(self.b) + '\n'
        run, _ = self.run_import('-', stdin=lines)
        self.assertEqual(run.returncode, 3, run.stderr)
        self.assertIn('  copy 1: stdin:1\n', run.stdout)
        run, rows = self.run_import('-', '--keep', 'stdin:2', stdin=lines)
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertIn('Thôn 2', rows[1])

    def test_the_export_keeps_both_copies_of_an_undecided_conflict(self):
        out = os.path.join(self.tmp, 'all.ndjson')
        run = subprocess.run([CLI, 'import', '--survey-dir', self.surveys, '--ndjson', out, self.a, self.b],
                             capture_output=True, text=True)
        self.assertEqual(run.returncode, 3, run.stderr)
        villages = sorted(json.loads(line)['profile']['village'] for line in read(out).splitlines())
        self.assertEqual(villages, ['Thôn 1', 'Thôn 2'])  # importing it again asks again


if __name__ == '__main__':
    unittest.main(argv=sys.argv[:1], verbosity=2)
