#!/usr/bin/python3
"""Prints an .xlsx file as JSON, read by openpyxl (Debian's python3-openpyxl): an independent reader
for the browser test. {"sheets": [{"title", "rows", "number_formats"}]}; a date-time cell becomes
{"datetime": "YYYY-MM-DDTHH:MM:SS"}, numbers stay numbers and text stays text.
A .csv file is first opened by a real spreadsheet, headless LibreOffice Calc (UTF-8, comma, as its
import dialog is answered: docs/export.md), and what it made of the cells is printed the same way.
Usage: read_xlsx.py FILE.xlsx|FILE.csv"""
import datetime
import json
import os
import subprocess
import sys
import tempfile

import openpyxl


def cell(v):
    return {'datetime': v.isoformat()} if isinstance(v, datetime.datetime) else v


def calc(csv_path, tmp):
    subprocess.run(['soffice', f'-env:UserInstallation=file://{tmp}/profile', '--headless',
                    '--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', tmp, csv_path],
                   check=True, capture_output=True)
    return os.path.join(tmp, os.path.basename(csv_path)[:-4] + '.xlsx')


with tempfile.TemporaryDirectory() as tmp:
    path = calc(sys.argv[1], tmp) if sys.argv[1].endswith('.csv') else sys.argv[1]
    book = openpyxl.load_workbook(path)
out = {'sheets': [{
    'title': ws.title,
    'freeze': ws.freeze_panes,
    'rows': [[cell(v) for v in row] for row in ws.iter_rows(values_only=True)],
    'number_formats': [c.number_format for c in ws[3]] if ws.max_row >= 3 else [],
} for ws in book.worksheets]}
json.dump(out, sys.stdout, ensure_ascii=False)
