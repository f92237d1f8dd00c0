#!/usr/bin/python3
"""`digiready export` writes each organiser tab as .xlsx; openpyxl (Debian's python3-openpyxl, an
independent reader) reads the files back: Vietnamese text, numbers as numbers, local date-times.

Worked example: tests/core/data/mini-v2-result.json, a household in Thôn 1, Tân Lập (Hải Dương),
completed 2026-11-29T16:38:52Z, overall 76.67 % (level "Cơ bản"), 2 of its 3 adults with a smartphone.
Usage: xlsx_check.py DIGIREADY DATA_DIR"""
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import openpyxl

CLI, DATA = sys.argv[1], sys.argv[2]
RESULT = os.path.join(DATA, 'mini-v2-result.json')


def export(tmp, tab, *extra):
    surveys = os.path.join(tmp, 'surveys')
    if not os.path.isdir(surveys):
        os.makedirs(surveys)
        shutil.copy(os.path.join(DATA, 'mini-v2.json'), surveys)
    out = os.path.join(tmp, f'{tab}{"-".join(extra)}.xlsx')
    run = subprocess.run([CLI, 'export', RESULT, '--survey-dir', surveys, '--tab', tab, '--xlsx', out, *extra],
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise AssertionError(f'digiready export failed: {run.stderr}')
    book = openpyxl.load_workbook(out)
    assert len(book.worksheets) == 1, book.sheetnames
    return book.worksheets[0]


def rows(ws):
    return [list(r) for r in ws.iter_rows(values_only=True)]


class XlsxExport(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def column(self, ws, code):
        codes = rows(ws)[1]
        self.assertIn(code, codes)
        return codes.index(code)

    def test_list_who_where_level_scores_first_then_answers(self):
        ws = export(self.tmp, 'list', '--utc-offset', '+07:00')
        self.assertEqual(ws.title, 'Danh sách')
        head, codes, row = rows(ws)
        self.assertEqual(codes[:9], ['who', 'province', 'commune', 'village', 'level', 'overall', 'dev', 'pay', 'safe'])
        self.assertEqual(head[:6], ['Mã hộ / tên', 'Tỉnh', 'Xã / phường', 'Thôn / ấp', 'Mức', 'Tổng %'])
        self.assertTrue(all(len(h) <= 40 for h in head), head)  # short headers
        # No household code in this record: the result id names it, as on the training list.
        self.assertEqual(row[:9], ['3f43d3796ebc38e6b4edf455e97ad46e', 'Hải Dương', 'Tân Lập', 'Thôn 1', 'Cơ bản',
                                   76.67, 66.67, 50, 100])
        # Completed 16:38:52 UTC is 23:38:52 in Vietnam, a real date-time cell.
        self.assertEqual(row[self.column(ws, 'completed')], datetime.datetime(2026, 11, 29, 23, 38, 52))
        self.assertEqual(ws.cell(3, self.column(ws, 'completed') + 1).number_format, 'dd/mm/yyyy hh:mm')
        # Counts are numbers; a multiple choice is one 1/0 column per option; choices in words.
        self.assertEqual(row[self.column(ws, 'adults')], 3)
        self.assertEqual(row[self.column(ws, 'phone_use.zalo')], 1)
        self.assertEqual(row[self.column(ws, 'phone_use.bank')], 0)
        self.assertEqual(row[self.column(ws, 'otp')], 'Không đọc, gọi lại số của ngân hàng')
        self.assertEqual(ws.freeze_panes, 'B3')

    def test_local_time_follows_the_offset(self):
        ws = export(self.tmp, 'list', '--utc-offset', '-05:00')
        self.assertEqual(rows(ws)[2][self.column(ws, 'completed')], datetime.datetime(2026, 11, 29, 11, 38, 52))

    def test_summary_counts_and_means_are_numbers(self):
        ws = export(self.tmp, 'summary')
        self.assertEqual(ws.title, 'Tổng hợp')
        self.assertEqual(rows(ws), [
            ['Lĩnh vực', 'Số người', 'Trung bình %', 'Bắt đầu', 'Cơ bản', 'Thành thạo'],
            ['area', 'count', 'mean', 'level.l0', 'level.l1', 'level.l2'],
            ['Tổng', 1, 76.67, 0, 1, 0],
            ['Thiết bị', 1, 66.67, 0, 1, 0],
            ['Thanh toán', 1, 50, 0, 1, 0],
            ['An toàn', 1, 100, 0, 0, 1]])

    def test_training_lists_the_areas_below_the_level(self):
        ws = export(self.tmp, 'training')
        self.assertEqual(ws.title, 'Cần học')
        # Each score with the survey it came from (an area scored by several surveys is one list).
        self.assertEqual(rows(ws)[1][5], 'sources')
        self.assertEqual(rows(ws)[2:], [
            ['3f43d3796ebc38e6b4edf455e97ad46e', 'Thôn 1', 'Thiết bị', 66.67, 'dev', 'Khảo sát nhỏ, phiên bản 2 66.67%'],
            ['3f43d3796ebc38e6b4edf455e97ad46e', 'Thôn 1', 'Thanh toán', 50, 'pay', 'Khảo sát nhỏ, phiên bản 2 50%']])

    def test_indicators_n_of_N_percent_and_target(self):
        ws = export(self.tmp, 'indicators')
        self.assertEqual(ws.title, 'Chỉ tiêu')
        first = rows(ws)[2]
        self.assertEqual(first[:8], ['Người từ 15 tuổi có điện thoại thông minh', 'Tất cả', 2, 3, 66.67, 80,
                                     'Chưa đạt', 'người từ 15 tuổi (adult)'])
        self.assertEqual(first[8], 'adult_smartphone')

    def test_villages_side_by_side_with_n_per_cell(self):
        ws = export(self.tmp, 'villages')
        self.assertEqual(ws.title, 'Theo thôn')
        head, codes, row = rows(ws)
        self.assertEqual(codes[:8], ['village', 'results', 'dev', 'dev.n', 'pay', 'pay.n', 'safe', 'safe.n'])
        self.assertEqual(head[:4], ['Thôn', 'Số kết quả', 'Thiết bị %', 'Số người (n)'])
        self.assertEqual(row[:8], ['Thôn 1', 1, 66.67, 1, 50, 1, 100, 1])
        # A province indicator: its %, then n of N (2 of the household's 3 adults have a smartphone).
        at = codes.index('ind.adult_smartphone')
        self.assertEqual(codes[at:at + 3], ['ind.adult_smartphone', 'ind.adult_smartphone.n', 'ind.adult_smartphone.N'])
        self.assertEqual(head[at + 1:at + 3], ['Tử số', 'Mẫu số'])
        self.assertEqual(row[at:at + 3], [66.67, 2, 3])

    def test_dates_are_local_days(self):
        # Completed 16:38:52 UTC: 29 November at +07:00, already 30 November at +08:00.
        ws = export(self.tmp, 'list', '--from', '30-11-2026', '--utc-offset', '+07:00')
        self.assertEqual(len(rows(ws)), 2)  # the two header rows, no result
        ws = export(self.tmp, 'list', '--from', '30-11-2026', '--to', '2026-11-30', '--utc-offset', '+08:00')
        self.assertEqual(len(rows(ws)), 3)
        ws = export(self.tmp, 'villages', '--to', '28-11-2026', '--utc-offset', '+07:00')
        self.assertEqual(len(rows(ws)), 2)

    def test_english_headers_keep_the_codes(self):
        ws = export(self.tmp, 'summary', '--lang', 'en')
        self.assertEqual(ws.title, 'Totals')
        self.assertEqual(rows(ws)[0][:3], ['Area', 'People', 'Mean %'])
        self.assertEqual(rows(ws)[1][:3], ['area', 'count', 'mean'])

    def test_a_survey_without_results_is_refused_in_words(self):
        out = os.path.join(self.tmp, 'none.xlsx')
        os.makedirs(os.path.join(self.tmp, 'surveys'))
        shutil.copy(os.path.join(DATA, 'mini-v2.json'), os.path.join(self.tmp, 'surveys'))
        run = subprocess.run([CLI, 'export', RESULT, '--survey-dir', os.path.join(self.tmp, 'surveys'),
                              '--survey', 'no-such-survey', '--xlsx', out], capture_output=True, text=True)
        self.assertNotEqual(run.returncode, 0)
        self.assertIn('no results of survey no-such-survey', run.stderr)
        self.assertFalse(os.path.exists(out))


if __name__ == '__main__':
    unittest.main(argv=sys.argv[:1], verbosity=2)
