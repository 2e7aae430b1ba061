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
