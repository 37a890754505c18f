// @ts-check
/* Every table in the page that is scoring knowledge, in one place, so that
 * it can be replaced by data from the core (the profile and the report)
 * without touching the views. The values mirror the core: the level names
 * are the qualitative levels of S14–S17, the statuses `report::Status`, the
 * finding kinds `audit`'s stable ids, the grades the built-in profiles'. */

/** @typedef {import('./types').Status} Status */
/** @typedef {import('./types').FindingKind} FindingKind */

/** The qualitative levels a user may choose (S14), in order. */
export const LEVELS = ['达成', '部分达成', '未达成'];

/** The level of a qualitative row whose text could not be read (S17). */
export const PENDING_LEVEL = '待判定';

/** The direction of a qualitative row (`rows[].direction`). */
export const QUALITATIVE = '定性';

/** @type {Record<Status, string>} `rows[].status` → the badge's text. */
export const STATUS_LABEL = { ok: '正常', review: '需复核', pending: '待判定', error: '错误' };

/** @type {Record<string, string>} grade → CSS class (the built-in profiles' grades). */
export const GRADE_CLASS = { '优': 'grade-a', '良': 'grade-b', '中': 'grade-c', '差': 'grade-d' };

/** @type {Record<FindingKind, string>} `audit[].kind` → what was compared. */
export const FINDING_KIND = {
  row_score: '指标得分', over_weight: '得分超过分值', band: '定性档次', total_sum: '总分合计',
  total: '总分', exec_rate: '预算执行率', exec_score: '执行率得分', weight_sum: '分值合计',
  no_reason: '偏差原因', weights_missing: '未给出分值', over_budget: '执行数超预算', targets_low: '指标值偏低',
};

/** Findings about the execution row and the total row (the others name an indicator row or none). */
const EXEC_KINDS = ['exec_rate', 'exec_score', 'over_budget'];
const TOTAL_KINDS = ['total', 'total_sum'];

/** Where a finding is shown in the table: 'exec', 'total', an indicator's row number, or null (the whole form).
 * @param {import('./types').Finding} f @returns {string | null} */
export function findingPlace(f) {
  if (EXEC_KINDS.indexOf(f.kind) >= 0) return 'exec';
  if (TOTAL_KINDS.indexOf(f.kind) >= 0) return 'total';
  return f.row === null || f.row === undefined ? null : String(f.row);
}

/** Findings that say a row's stated 得分 differs from the rules' (the 填报得分 cell is coloured). */
export const SCORE_KINDS = ['row_score', 'over_weight', 'band', 'exec_score', 'total'];

/** @param {string | null | undefined} grade */
export function gradeClass(grade) {
  return (grade && GRADE_CLASS[grade]) || '';
}

/** @param {string} status */
export function statusLabel(status) {
  return STATUS_LABEL[/** @type {Status} */ (status)] || status;
}

/** @param {string} kind */
export function findingLabel(kind) {
  return FINDING_KIND[/** @type {FindingKind} */ (kind)] || kind || '';
}
