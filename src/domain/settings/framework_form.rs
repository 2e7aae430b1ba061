//! The framework settings as a form holds them: the council's name, vision and reporting year, and the rules
//! every calculation follows (the RAG rule, the trend rule, the SPC rules, the roll-up rule), as typed.
//! [`edit_framework`] checks the whole form and reports every problem against its field before anything changes.

use crate::domain::basics::field_problem::FieldProblem;
use crate::domain::basics::period::FinancialYear;
use crate::domain::basics::typed_text::one_line;
use crate::domain::basics::unit::parse_number;
use crate::domain::maths::rag::RollupRule;
use crate::domain::model::framework::Framework;
use crate::domain::model::workspace::Workspace;
use crate::domain::rebase::take_changed;
use crate::domain::settings::rule_form::RuleForm;

/// What the framework settings form holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameworkForm {
    /// The council's name.
    pub council_name: String,
    /// The vision at the top of the golden thread.
    pub vision: String,
    /// The financial year being reported, as typed ("2026/27").
    pub current_year: String,
    /// The council's RAG rule.
    pub rule: RuleForm,
    /// How many of the latest periods a trend looks at.
    pub trend_window: String,
    /// The fewest points that make a trend.
    pub trend_min_points: String,
    /// The smallest change across the window that counts as a trend, in percent of the window's mean.
    pub trend_min_change: String,
    /// Whether a trend must also be statistically significant.
    pub trend_significance: bool,
    /// SPC: the run on one side of the centre line that makes a shift.
    pub spc_shift_run: String,
    /// SPC: the run of rising or falling points that makes a trend.
    pub spc_trend_run: String,
    /// SPC: whether unusually large moving ranges are left out of the limits.
    pub spc_screen: bool,
    /// SPC: the limits from the first this many points; blank for all of them.
    pub spc_baseline: String,
    /// Roll-up: the lowest score that is green, in percent.
    pub rollup_green_from: String,
    /// Roll-up: the lowest score that is amber, in percent.
    pub rollup_amber_from: String,
}

/// The field of the form a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SettingsField {
    /// [`FrameworkForm::council_name`].
    CouncilName,
    /// [`FrameworkForm::current_year`].
    CurrentYear,
    /// [`FrameworkForm::rule`].
    Rule,
    /// [`FrameworkForm::trend_window`].
    TrendWindow,
    /// [`FrameworkForm::trend_min_points`].
    TrendMinPoints,
    /// [`FrameworkForm::trend_min_change`].
    TrendMinChange,
    /// [`FrameworkForm::spc_shift_run`].
    SpcShiftRun,
    /// [`FrameworkForm::spc_trend_run`].
    SpcTrendRun,
    /// [`FrameworkForm::spc_baseline`].
    SpcBaseline,
    /// [`FrameworkForm::rollup_green_from`] and [`FrameworkForm::rollup_amber_from`].
    Rollup,
}

/// A problem with the form, against its field.
pub type SettingsProblem = FieldProblem<SettingsField>;

/// The runs of the SPC rules a council may choose (NHS England's "Making Data Count" uses 6 to 8).
const RUNS: (usize, usize) = (5, 10);
/// The fewest points a baseline for SPC limits may have: fewer give limits too unsure to judge by.
const FEWEST_BASELINE_POINTS: usize = 12;

/// A fraction as a percentage a person types: 0.05 as "5".
fn percent(fraction: f64) -> String {
    ((fraction * 100.0 * 1e9).round() / 1e9).to_string()
}

impl FrameworkForm {
    /// The form showing `framework` as it is.
    pub fn of(framework: &Framework) -> Self {
        Self {
            council_name: framework.council_name.clone(),
            vision: framework.vision.clone(),
            current_year: framework.current_year.to_string(),
            rule: RuleForm::of(&framework.rag_rule),
            trend_window: framework.trend_rule.window.to_string(),
            trend_min_points: framework.trend_rule.min_points.to_string(),
            trend_min_change: percent(framework.trend_rule.min_relative_change),
            trend_significance: framework.trend_rule.require_significance,
            spc_shift_run: framework.spc.shift_run.to_string(),
            spc_trend_run: framework.spc.trend_run.to_string(),
            spc_screen: framework.spc.screen_moving_ranges,
            spc_baseline: framework
                .spc
                .baseline_points
                .map(|points| points.to_string())
                .unwrap_or_default(),
            rollup_green_from: percent(framework.rollup.green_from),
            rollup_amber_from: percent(framework.rollup.amber_from),
        }
    }

    /// This form, typed over `loaded` (what the form showed), applied to `current` (the settings now): a form
    /// left open while another tab saved writes back only what was changed in it.
    pub fn rebased(&self, loaded: &FrameworkForm, current: &FrameworkForm) -> FrameworkForm {
        let mut merged = current.clone();
        take_changed!(merged, self, loaded;
            council_name,
            vision,
            current_year,
            rule,
            trend_window,
            trend_min_points,
            trend_min_change,
            trend_significance,
            spc_shift_run,
            spc_trend_run,
            spc_screen,
            spc_baseline,
            rollup_green_from,
            rollup_amber_from,
        );
        merged
    }
}

/// A whole number from `low` to `high` as typed, or what is wrong with it.
fn whole(typed: &str, what: &str, (low, high): (usize, usize)) -> Result<usize, String> {
    match typed.trim().parse::<usize>() {
        Ok(number) if (low..=high).contains(&number) => Ok(number),
        _ => Err(format!(
            "The {what} is a whole number from {low} to {high}, not \u{201c}{}\u{201d}.",
            typed.trim()
        )),
    }
}

/// A percentage from 0 to 100 as typed, as a fraction, or what is wrong with it.
fn fraction(typed: &str, what: &str) -> Result<f64, String> {
    match parse_number(typed, false) {
        Ok(Some(value)) if (0.0..=100.0).contains(&value) => Ok(value / 100.0),
        Ok(Some(value)) => Err(format!(
            "The {what} is a percentage from 0 to 100, not {value}."
        )),
        Ok(None) => Err(format!("Give the {what}.")),
        Err(problem) => Err(format!("The {what}: {problem}.")),
    }
}

/// Saves `form` as the framework's settings. Nothing changes when there is a problem: every problem is
/// returned, against its field.
pub fn edit_framework(
    workspace: &mut Workspace,
    form: &FrameworkForm,
) -> Result<(), Vec<SettingsProblem>> {
    let mut problems = Vec::new();
    let mut check = |field: SettingsField, result: Result<(), String>| {
        if let Err(message) = result {
            problems.push(SettingsProblem { field, message });
        }
    };
    let mut framework = workspace.framework.clone();
    let name = one_line(&form.council_name);
    check(
        SettingsField::CouncilName,
        if name.is_empty() {
            Err("Give the council's name: it heads every page and report.".to_owned())
        } else {
            Ok(())
        },
    );
    framework.council_name = name;
    framework.vision = form.vision.trim().to_owned();
    check(
        SettingsField::CurrentYear,
        FinancialYear::parse(form.current_year.trim())
            .map(|year| framework.current_year = year)
            .map_err(|_| {
                format!(
                    "The reporting year is a financial year written like 2026/27, not \u{201c}{}\u{201d}.",
                    form.current_year.trim()
                )
            }),
    );
    match form.rule.rule() {
        Ok(rule) => framework.rag_rule = rule,
        Err(messages) => {
            for message in messages {
                check(SettingsField::Rule, Err(message));
            }
        }
    }
    let window = whole(
        &form.trend_window,
        "number of periods a trend looks at",
        (3, 36),
    );
    check(
        SettingsField::TrendWindow,
        window
            .clone()
            .map(|window| framework.trend_rule.window = window),
    );
    let most_points = window.unwrap_or(36);
    check(
        SettingsField::TrendMinPoints,
        whole(
            &form.trend_min_points,
            "fewest points that make a trend",
            (3, most_points),
        )
        .map(|points| framework.trend_rule.min_points = points),
    );
    check(
        SettingsField::TrendMinChange,
        fraction(
            &form.trend_min_change,
            "smallest change that counts as a trend",
        )
        .map(|change| framework.trend_rule.min_relative_change = change),
    );
    framework.trend_rule.require_significance = form.trend_significance;
    check(
        SettingsField::SpcShiftRun,
        whole(&form.spc_shift_run, "run that makes a shift", RUNS)
            .map(|run| framework.spc.shift_run = run),
    );
    check(
        SettingsField::SpcTrendRun,
        whole(&form.spc_trend_run, "run that makes an SPC trend", RUNS)
            .map(|run| framework.spc.trend_run = run),
    );
    framework.spc.screen_moving_ranges = form.spc_screen;
    check(
        SettingsField::SpcBaseline,
        if form.spc_baseline.trim().is_empty() {
            framework.spc.baseline_points = None;
            Ok(())
        } else {
            whole(
                &form.spc_baseline,
                "number of points in the baseline",
                (FEWEST_BASELINE_POINTS, 1000),
            )
            .map(|points| framework.spc.baseline_points = Some(points))
        },
    );
    let green = fraction(&form.rollup_green_from, "lowest green score");
    let amber = fraction(&form.rollup_amber_from, "lowest amber score");
    check(
        SettingsField::Rollup,
        match (green, amber) {
            (Ok(green_from), Ok(amber_from)) if amber_from <= green_from => {
                framework.rollup = RollupRule {
                    green_from,
                    amber_from,
                };
                Ok(())
            }
            (Ok(_), Ok(_)) => {
                Err("The lowest amber score must not be above the lowest green score.".to_owned())
            }
            (Err(problem), _) | (_, Err(problem)) => Err(problem),
        },
    );
    if !problems.is_empty() {
        return Err(problems);
    }
    workspace.framework = framework;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::thread::tree::tests::hand_drawn;

    #[test]
    fn a_form_saved_as_it_was_filled_changes_nothing() {
        let mut workspace = hand_drawn();
        let before = workspace.clone();
        let form = FrameworkForm::of(&workspace.framework);
        // The defaults as a person reads them: 5% for a trend, 75% and 50% for the roll-up.
        assert_eq!(
            (
                form.trend_min_change.as_str(),
                form.rollup_green_from.as_str(),
                form.rollup_amber_from.as_str()
            ),
            ("5", "75", "50")
        );
        edit_framework(&mut workspace, &form).unwrap();
        assert_eq!(workspace, before);
    }

    #[test]
    fn every_setting_is_saved() {
        let mut workspace = hand_drawn();
        let mut form = FrameworkForm::of(&workspace.framework);
        form.council_name = " Testshire   County Council ".to_owned();
        form.current_year = "2027/28".to_owned();
        form.rule.amber_within = "15".to_owned();
        form.trend_window = "8".to_owned();
        form.trend_min_change = "2.5".to_owned();
        form.spc_trend_run = "6".to_owned();
        form.spc_baseline = "20".to_owned();
        form.rollup_green_from = "80".to_owned();
        edit_framework(&mut workspace, &form).unwrap();
        let framework = &workspace.framework;
        assert_eq!(framework.council_name, "Testshire County Council");
        assert_eq!(framework.current_year.to_string(), "2027/28");
        assert_eq!(framework.rag_rule.amber_within, 15.0);
        assert_eq!(framework.trend_rule.window, 8);
        assert_eq!(framework.trend_rule.min_relative_change, 0.025);
        assert_eq!(
            (framework.spc.trend_run, framework.spc.baseline_points),
            (6, Some(20))
        );
        assert_eq!(framework.rollup.green_from, 0.8);
    }

    #[test]
    fn every_problem_is_reported_against_its_field_and_nothing_changes() {
        let mut workspace = hand_drawn();
        let before = workspace.clone();
        let mut form = FrameworkForm::of(&workspace.framework);
        form.council_name = "  ".to_owned();
        form.current_year = "2026".to_owned();
        form.rule.green_within = "x".to_owned();
        form.trend_window = "4".to_owned();
        form.trend_min_points = "5".to_owned();
        form.spc_shift_run = "3".to_owned();
        form.spc_baseline = "8".to_owned();
        form.rollup_amber_from = "90".to_owned();
        let problems = edit_framework(&mut workspace, &form).unwrap_err();
        let fields: Vec<SettingsField> = problems.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            [
                SettingsField::CouncilName,
                SettingsField::CurrentYear,
                SettingsField::Rule,
                SettingsField::TrendMinPoints,
                SettingsField::SpcShiftRun,
                SettingsField::SpcBaseline,
                SettingsField::Rollup,
            ]
        );
        // A trend of at least 5 points cannot come from a window of 4.
        assert_eq!(
            problems[3].message,
            "The fewest points that make a trend is a whole number from 3 to 4, not \u{201c}5\u{201d}."
        );
        assert_eq!(
            problems[5].message,
            "The number of points in the baseline is a whole number from 12 to 1000, not \u{201c}8\u{201d}."
        );
        assert_eq!(
            problems[6].message,
            "The lowest amber score must not be above the lowest green score."
        );
        assert_eq!(workspace, before);
    }

    #[test]
    fn a_form_left_open_while_another_tab_saved_writes_back_only_what_was_changed_in_it() {
        let framework = hand_drawn().framework;
        let loaded = FrameworkForm::of(&framework);
        let mut typed = loaded.clone();
        typed.spc_trend_run = "6".to_owned();
        let mut current = loaded.clone();
        current.vision = "Set in the other tab".to_owned();
        let merged = typed.rebased(&loaded, &current);
        assert_eq!(
            (merged.spc_trend_run.as_str(), merged.vision.as_str()),
            ("6", "Set in the other tab")
        );
    }
}
