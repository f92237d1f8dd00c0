#!/usr/bin/python3
"""The CSV files open in a real spreadsheet with Vietnamese intact (issue #9): LibreOffice Calc
(Debian's libreoffice-calc-nogui, headless) opens `digiready indicators --csv` and the per-survey
household tables of `digiready import --csv` for results of all four surveys, and saves them as
.xlsx; openpyxl reads what the spreadsheet made of each cell.

LibreOffice asks for the character set when it opens a CSV file (Excel reads the BOM by itself);
the test answers as a person would in that dialog: Unicode (UTF-8), comma, quote ". Told nothing,
headless LibreOffice reads the file as Western Europe and the Vietnamese is garbled, which is why
docs/indicators.md says to choose UTF-8 there, and why the organiser's spreadsheet is the .xlsx export.

Usage: csv_spreadsheet_check.py DIGIREADY DIGIREADY_GEN SURVEY_DIR"""
import csv
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

import openpyxl

CLI, GEN, SURVEYS = sys.argv[1], sys.argv[2], sys.argv[3]
FOUR = ['household-digital-skills', 'online-payment', 'ecommerce-readiness', 'sme-dx-readiness']
NUMBER = re.compile(r'-?(0|[1-9][0-9]*)(\.[0-9]+)?$')  # a number as the CSV writes it (no leading zero)


def run(*args):
    done = subprocess.run(list(args), capture_output=True, text=True)
    if done.returncode != 0:
        raise AssertionError(f'{args[0]} failed ({done.returncode}): {done.stderr}')
    return done.stdout


def open_in_calc(tmp, files):
    """LibreOffice opens each CSV (UTF-8, comma, quote ") and saves it as .xlsx; openpyxl reads that back."""
    out = os.path.join(tmp, 'calc')
    profile = 'file://' + os.path.join(tmp, 'lo-profile')  # its own profile: ctest may run two at once
    run('soffice', f'-env:UserInstallation={profile}', '--headless', '--infilter=CSV:44,34,76,1',
        '--convert-to', 'xlsx', '--outdir', out, *files)
    sheets = {}
    for f in files:
        book = openpyxl.load_workbook(os.path.join(out, os.path.basename(f)[:-4] + '.xlsx'))
        sheets[f] = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    return sheets


def read_csv(path):
    with open(path, encoding='utf-8-sig', newline='') as f:
        return list(csv.reader(f))


class CsvInSpreadsheet(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp()
        results = os.path.join(cls.tmp, 'results')
        run(GEN, '40', '--seed', '9', *[a for s in FOUR for a in ('--survey', os.path.join(SURVEYS, s + '.json'))],
            '--dir', results)
        cls.indicators_csv = os.path.join(cls.tmp, 'indicators.csv')
        cls.indicators_out = run(CLI, 'indicators', results, '--survey-dir', SURVEYS, '--csv', cls.indicators_csv)
        run(CLI, 'import', results, '--survey-dir', SURVEYS, '--csv', os.path.join(cls.tmp, 'households.csv'))
        cls.household_csvs = sorted(glob.glob(os.path.join(cls.tmp, 'households-*.csv')))
        cls.sheets = open_in_calc(cls.tmp, [cls.indicators_csv, *cls.household_csvs])

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def assert_same_table(self, path):
        """Every cell the spreadsheet shows is the CSV's: text exactly (Vietnamese intact), numbers as numbers."""
        want, got = read_csv(path), self.sheets[path]
        self.assertEqual(len(got), len(want), path)
        for r, (w, g) in enumerate(zip(want, got)):
            self.assertEqual(len(g), len(want[0]), f'{path} row {r + 1}: split into {len(g)} columns')
            for c, (wc, gc) in enumerate(zip(w, g)):
                where = f'{os.path.basename(path)} row {r + 1} column {want[0][c]}'
                if wc == '':
                    self.assertIsNone(gc, where)
                elif NUMBER.match(wc):
                    self.assertIsInstance(gc, (int, float), where)
                    self.assertAlmostEqual(gc, float(wc), places=9, msg=where)
                elif re.fullmatch(r'0[0-9]+', wc):
                    # A code with a leading zero (an indicator's source report, "004") is read as a
                    # number by any spreadsheet opening a CSV; the .xlsx export keeps it as text.
                    self.assertEqual(gc, int(wc), where)
                else:
                    self.assertEqual(gc, wc, where)

    def test_one_household_table_per_survey(self):
        self.assertEqual([os.path.basename(p) for p in self.household_csvs],
                         sorted(f'households-{s}.csv' for s in FOUR))

    def test_indicator_table_opens_with_vietnamese_and_numbers(self):
        self.assert_same_table(self.indicators_csv)
        head = self.sheets[self.indicators_csv][0]
        self.assertEqual(head[:3], ['Địa bàn / Place (place)', 'Mã chỉ tiêu / Code (id)', 'Chỉ tiêu / Indicator (title)'])

    def test_spreadsheet_figures_are_the_ones_the_cli_reports(self):
        # "adult_smartphone: 12 of 20 (60 %, 10 records)" on the CLI is n, N, % and records in the sheet.
        rows = self.sheets[self.indicators_csv]
        col = {name.split('(')[-1].rstrip(')'): i for i, name in enumerate(rows[0])}
        by_id = {r[col['id']]: r for r in rows[1:]}
        lines = re.findall(r'^(\w+): (\d+) of (\d+) \(([\d.]+) %, (\d+) records\)', self.indicators_out, re.M)
        self.assertGreaterEqual(len(lines), 10, self.indicators_out)
        for ident, n, big_n, pct, records in lines:
            r = by_id[ident]
            self.assertEqual((r[col['n']], r[col['N']], r[col['records']]), (int(n), int(big_n), int(records)), ident)
            self.assertAlmostEqual(r[col['percent']], float(pct), places=2, msg=ident)

    def test_household_tables_open_with_vietnamese_and_numbers(self):
        for path in self.household_csvs:
            with self.subTest(path=os.path.basename(path)):
                self.assert_same_table(path)
        # Vietnamese beyond the headers: the place names and levels the generator wrote.
        text = ' '.join(str(c) for p in self.household_csvs for row in self.sheets[p][1:] for c in row if c)
        self.assertTrue(re.search('[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]', text),
                        'no Vietnamese letter in the household tables: ' + text[:200])


if __name__ == '__main__':
    unittest.main(argv=sys.argv[:1], verbosity=2)
