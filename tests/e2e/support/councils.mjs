// Small councils written for a test, as workspace files to import: their figures can be worked out by hand.

/** A corporate monthly percentage KPI with a 2026/27 year-end target of 80 and `value` for September 2026. */
function kpi(id, name, value) {
  return {
    kpi: {
      id, name, level: 'corporate', perspective: 'residents', category: 'local_authority', frequency: 'monthly',
      polarity: 'higher_is_better', unit: { kind: 'percent' }, decimals: 1, measure: 'snapshot', status: 'active',
      timing: 'lagging', targets: [{ period: '2026/27', value: 80 }],
    },
    measurement: { kpi: id, period: '2026-09', value },
  };
}

/**
 * Testshire: three corporate KPIs rated at September 2026 (the latest month on DEMO_DAY) against a target of 80,
 * as a workspace file to choose on the Data page.
 */
export function threeKpiCouncil() {
  const kpis = [
    // 76 is (80 − 76) / 80 = 5% short: amber within the default 10%, red beyond 4%.
    kpi('k-short', 'Calls answered in 15 seconds', 76),
    // 79 is 1.25% short: amber under either rule.
    kpi('k-close', 'Invoices paid within 30 days', 79),
    // 85 is on target: green.
    kpi('k-met', 'Complaints answered in time', 85),
  ];
  const workspace = {
    framework: { council_name: 'Testshire County Council', current_year: '2026/27' },
    kpis: kpis.map((k) => k.kpi),
    measurements: kpis.map((k) => k.measurement),
  };
  const file = { format: 'council-pmf-workspace', schema_version: 1, workspace };
  return { name: 'testshire.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) };
}

/**
 * Spcshire: one corporate monthly KPI (higher is better, a 2026/27 target of 40) with thirteen months of figures
 * to September 2026, the latest month on DEMO_DAY: 50 and 52 in turn from September 2025, then 60. Worked by
 * hand (XmR): mean 672 / 13 = 51.69; moving ranges eleven of 2 and one of 8, mean 2.5; process limits
 * 51.69 ± 2.66 × 2.5 = 45.04 to 58.34. September's 60 is above the upper limit: a special cause, an improvement
 * (high); the target of 40 lies below the lower limit: consistently passed.
 */
export function spcCouncil() {
  const months = ['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05',
    '2026-06', '2026-07', '2026-08', '2026-09'];
  const workspace = {
    framework: { council_name: 'Spcshire Council', current_year: '2026/27' },
    kpis: [{
      id: 'k-spc', name: 'Repairs done right first time', level: 'corporate', perspective: 'residents',
      category: 'local_authority', frequency: 'monthly', polarity: 'higher_is_better', unit: { kind: 'percent' },
      decimals: 1, measure: 'snapshot', status: 'active', timing: 'lagging',
      targets: [{ period: '2026/27', value: 40 }],
    }],
    measurements: months.map((period, index) => ({
      kpi: 'k-spc', period, value: index === 12 ? 60 : (index % 2 === 0 ? 50 : 52),
    })),
  };
  const file = { format: 'council-pmf-workspace', schema_version: 1, workspace };
  return { name: 'spcshire.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) };
}
