// Result files for the organiser tests and `make report`: a few real records scored by the native CLI
// (build/native/src/cli/digiready score), then copied per household with a fresh id, code and place
// and the checksum stamped again (docs/result-format.md: SHA-256 of the canonical record), plus the
// bad cases an organiser meets: hand-edited scores, damaged, truncated, another version, duplicates.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './lib.mjs';

const CLI = path.join(ROOT, 'build/native/src/cli/digiready');
// The templates below are answer sets of version 1.0.0 (kept in assets/surveys/archive/ beside 2.0.0).
const SURVEYS = path.join(ROOT, 'assets/surveys');

const PLACE = { province: 'an_giang', commune: 'Xã Tân Phú', age_group: 'a35_44', gender: 'female' };
// Answer sets per survey, from weakest to strongest (each valid for its survey).
const TEMPLATES = {
  'household-digital-skills': [
    { household_size: 4, phone: 'basic', info_search: 'no', comm_any: 'no', vneid: 'no', dvc_done: 'no', k_sms: 'reply', k_otp: 'confirm', prob_help: 'give_up' },
    { household_size: 3, phone: 'smart_shared', internet: 'data', dev_install: 'yes', dev_settings: 'no', dev_rating: 3, info_search: 'yes', info_video: 'yes', info_rating: 3, comm_any: 'yes', comm_video: 'yes', comm_group: 'no', comm_photo: 'yes', comm_rating: 3, vneid: 'level1', vneid_use: 'no', dvc_done: 'no', dvc_rating: 2, sec_lock: 'yes', k_sms: 'scam', k_otp: 'unsure', prob_fix: 'no', prob_update: 'yes', prob_help: 'others_do', prob_rating: 2 },
    { household_size: 5, phone: 'smart_own', internet: 'both', dev_install: 'yes', dev_settings: 'yes', dev_rating: 5, info_search: 'yes', info_video: 'yes', info_official: 'yes', info_check: 'verify', info_rating: 5, comm_any: 'yes', comm_video: 'yes', comm_group: 'yes', comm_photo: 'yes', comm_rating: 5, vneid: 'level2', vneid_use: 'yes', dvc_done: 'yes', dvc_who: 'self', dvc_track: 'yes', dvc_rating: 5, sec_lock: 'yes', sec_told_code: 'no', k_sms: 'scam', k_otp: 'unsure', k_police: 'no', k_qr: ['sticker', 'name'], sec_rating: 5, prob_fix: 'yes', prob_update: 'yes', prob_help: 'self', prob_team: 'yes', prob_rating: 5, want_learn: ['pay', 'sell'] },
  ],
  'online-payment': [
    { smartphone: 'no', pay_accounts: ['none'], no_account_why: ['dont_know', 'far'], tr_transfer: 'no', sells: 'no', k_otp_call: 'read', k_after_scam: ['hide'] },
    { smartphone: 'yes', pay_accounts: ['bank', 'ewallet'], app_installed: 'yes', app_login: 'yes', app_balance: 'yes', tr_transfer: 'yes', tr_qr: 'yes', tr_apps: ['bank_app', 'momo'], k_confirm: 'details', tr_online_buy: 'yes', tr_rating: 4, sells: 'no', bills: ['electric', 'water'], bill_aware: 'yes', bill_rating: 4, k_otp_call: 'hang_up', k_pin: 'no', k_fake_qr: 'stop', k_after_scam: ['call_bank', 'police'], sec_app_lock: 'yes', sec_share: 'no', sec_rating: 4 },
  ],
  // A small business before and after a year of work (before/after view).
  'sme-dx-readiness': [
    { cx_channels: ['fanpage'], st_plan: 'idea', inf_tools: ['email'], op_sales: 'paper', cu_training: 'none', dt_customers: 'scattered' },
    { cx_channels: ['fanpage', 'zalo_oa', 'marketplace'], st_plan: 'written', st_leader: 'yes', inf_tools: ['einvoice', 'accounting', 'sales', 'email'], op_sales: 'software', cu_training: 'some', dt_customers: 'sheet' },
  ],
};
const SME_PROFILE = { business_name: 'HTX Rau Sạch', province: 'an_giang', commune: 'Xã Tân Phú', sector: 'agriculture', size: 's10_49', years_operating: 5, respondent_role: 'owner' };

// Keys sorted, no whitespace (JSON.stringify writes numbers in shortest round-trip form, as the core).
export function canonical(v) {
  if (Array.isArray(v)) return '[' + v.map(canonical).join(',') + ']';
  if (v && typeof v === 'object') {
    return '{' + Object.keys(v).sort().map((k) => JSON.stringify(k) + ':' + canonical(v[k])).join(',') + '}';
  }
  return JSON.stringify(v);
}

export function stamp(rec) {
  const r = { ...rec };
  delete r.checksum;
  r.checksum = crypto.createHash('sha256').update(canonical(r)).digest('hex');
  return canonical(r);
}

let cache = null;
// The scored templates: { surveyId: [record, ...] } (weakest first).
export function baseRecords() {
  if (cache) return cache;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'digiready-batch-'));
  cache = {};
  for (const [survey, sets] of Object.entries(TEMPLATES)) {
    cache[survey] = sets.map((answers, i) => {
      const file = path.join(dir, `${survey}-${i}.json`);
      const profile = survey === 'sme-dx-readiness' ? SME_PROFILE : { household_code: 'HH-0000', village: 'Thôn Đông', ...PLACE };
      fs.writeFileSync(file, JSON.stringify({ ...profile, ...answers }));
      return JSON.parse(execFileSync(CLI, ['score', path.join(SURVEYS, 'archive', survey + '-1.0.0.json'), file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    });
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return cache;
}

const hex = (n) => n.toString(16).padStart(32, '0');

// One household's record: a copy of template `t` with its own id, code and place.
export function household(survey, t, n, { village = 'Thôn Đông', commune = PLACE.commune } = {}) {
  const rec = structuredClone(baseRecords()[survey][t]);
  rec.id = hex(0xd0000000 + n + (survey === 'online-payment' ? 0x100000 : 0));
  rec.profile = { ...rec.profile, household_code: `HH-${String(n).padStart(4, '0')}`, village, commune };
  return stamp(rec);
}

// The business's result of `completed` (template 0 = a year ago, 1 = now).
export function smeRecord(t, completed) {
  const rec = structuredClone(baseRecords()['sme-dx-readiness'][t]);
  rec.id = hex(0xe0000000 + t);
  rec.started = rec.updated = rec.completed = completed;
  return stamp(rec);
}

// The mixed batch of the browser test; `expect` holds what the organiser must then show.
export function mixedBatch() {
  const files = [];
  const add = (name, text) => files.push({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  const villages = ['Thôn Đông', 'Thôn Tây', 'Ấp "Mới", số 2'];  // a comma and quotes, for the CSV
  // 12 valid households: templates 0,1,2 in turn, villages in turn.
  for (let n = 1; n <= 12; n++) add(`hh-${n}.json`, household('household-digital-skills', (n - 1) % 3, n, { village: villages[(n - 1) % 3] }));
  // 2 hand-edited scores, checksum stamped again (kept, flagged "changed"); 1 edited without (fails).
  for (const n of [13, 14]) {
    const rec = JSON.parse(household('household-digital-skills', 0, n));
    rec.scores.overall = 95; rec.scores.level = 'confident'; rec.scores.dimensions.devices = 100;
    add(`edited-${n}.json`, stamp(rec));
  }
  const tampered = JSON.parse(household('household-digital-skills', 0, 15));
  tampered.scores.overall = 99;
  add('tampered.json', JSON.stringify(tampered));
  add('malformed.json', '{"format":"digiready-result", this is not JSON');
  const whole = household('household-digital-skills', 1, 16);
  add('truncated.json', whole.slice(0, Math.floor(whole.length / 2)));
  const wrong = JSON.parse(household('household-digital-skills', 1, 17));
  wrong.survey.version = '9.0.0'; wrong.survey.sha256 = '0'.repeat(64);
  add('other-version.json', stamp(wrong));
  const future = JSON.parse(household('household-digital-skills', 1, 18));
  future.format_version = 3;
  add('format-v3.json', stamp(future));
  // The same results sent twice (over Zalo, renamed).
  add('hh-1 (1).json', household('household-digital-skills', 0, 1, { village: villages[0] }));
  add('hh-2-copy.json', household('household-digital-skills', 1, 2, { village: villages[1] }));
  // Same result id as hh-3, other answers (redone and sent again): counted once, and said.
  add('hh-3-redone.json', household('household-digital-skills', 0, 3, { village: villages[2] }));
  // Online payment: 4 households, 3 with an account (75 %, below the 80 % target).
  for (let n = 1; n <= 4; n++) add(`pay-${n}.json`, household('online-payment', n === 1 ? 0 : 1, n));
  return {
    files,
    expect: { files: 26, imported: 18, failed: 5, duplicates: 3, conflicts: 1, changed: 2, household: 14, payment: 4 },
  };
}

// `n` valid households over 25 villages in 5 communes (the scale check).
export function bigBatch(n) {
  const out = [];
  for (let i = 1; i <= n; i++) {
    out.push({ name: `hh-${i}.json`, text: household('household-digital-skills', i % 3, i, { village: `Thôn ${i % 25}`, commune: `Xã ${i % 5}` }) });
  }
  return out;
}
