#!/usr/bin/python3
"""Prints an .xlsx file as JSON, read by openpyxl (Debian's python3-openpyxl): an independent reader
for the browser test. {"sheets": [{"title", "rows", "number_formats"}]}; a date-time cell becomes
{"datetime": "YYYY-MM-DDTHH:MM:SS"}, numbers stay numbers and text stays text.
Usage: read_xlsx.py FILE.xlsx"""
import datetime
import json
import sys

import openpyxl


def cell(v):
    return {'datetime': v.isoformat()} if isinstance(v, datetime.datetime) else v


book = openpyxl.load_workbook(sys.argv[1])
out = {'sheets': [{
    'title': ws.title,
    'freeze': ws.freeze_panes,
    'rows': [[cell(v) for v in row] for row in ws.iter_rows(values_only=True)],
    'number_formats': [c.number_format for c in ws[3]] if ws.max_row >= 3 else [],
} for ws in book.worksheets]}
json.dump(out, sys.stdout, ensure_ascii=False)
