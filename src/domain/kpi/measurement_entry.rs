//! Recording a period's figures by hand: the value as typed (or the numerator and denominator the KPI's unit
//! makes it from), commentary, the variance explanation, a note on the data's quality and a manual RAG
//! override with its reason. Every problem is reported against its field before anything changes;
//! a change to a signed-off measurement returns it to draft, because what was approved is no longer there.

use chrono::{DateTime, Utc};

use crate::domain::basics::field_problem::FieldProblem;
use crate::domain::basics::ids::KpiId;
use crate::domain::basics::period::Period;
use crate::domain::basics::unit::{Unit, parse_number};
use crate::domain::maths::rag::RagStatus;
use crate::domain::model::measurement::{Measurement, RagOverride};
use crate::domain::model::workspace::Workspace;

/// What someone typed for one period.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    /// The value as typed ("85.2", "85.2%", "£1,234"); empty for none, or when given as a fraction.
    pub value: String,
    /// The numerator as typed ("412"), with [`Entry::denominator`]; empty when the value is typed.
    pub numerator: String,
    /// The denominator as typed ("1,250"); the unit makes the value (× 100 for a percentage).
    pub denominator: String,
    /// Commentary.
    pub commentary: String,
    /// Why performance differs from target.
    pub variance_explanation: String,
    /// What a reader should know about the figure's quality (an estimate, a change of source).
    pub data_quality_note: String,
    /// A manual RAG, if the rule's rating is to be overridden.
    pub override_status: Option<RagStatus>,
    /// Why the override is justified (required with an override).
    pub override_reason: String,
}

/// The field a problem is about, so the form can point at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntryField {
    /// The value.
    Value,
    /// The numerator.
    Numerator,
    /// The denominator.
    Denominator,
    /// The variance explanation.
    VarianceExplanation,
    /// The override's reason.
    OverrideReason,
    /// The name of the person recording it.
    By,
}

/// A problem with an entry, against its field.
pub type EntryProblem = FieldProblem<EntryField>;

/// What recording an entry did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recorded {
    /// A new measurement.
    Added,
    /// An existing measurement changed (and returned to draft if it had been signed off).
    Updated,
    /// The entry matched what was there.
    Unchanged,
}

impl Entry {
    /// This entry, typed over `loaded` (what the form showed), applied to `current` (what the workspace holds
    /// now): each field the person changed takes what they typed, every other field keeps its current value.
    /// A form left open while another tab saved then writes back only what the person changed.
    pub fn rebased(&self, loaded: &Entry, current: &Entry) -> Entry {
        fn pick<T: Clone + PartialEq>(typed: &T, loaded: &T, current: &T) -> T {
            if typed == loaded { current } else { typed }.clone()
        }
        Entry {
            value: pick(&self.value, &loaded.value, &current.value),
            numerator: pick(&self.numerator, &loaded.numerator, &current.numerator),
            denominator: pick(&self.denominator, &loaded.denominator, &current.denominator),
            commentary: pick(&self.commentary, &loaded.commentary, &current.commentary),
            variance_explanation: pick(
                &self.variance_explanation,
                &loaded.variance_explanation,
                &current.variance_explanation,
            ),
            data_quality_note: pick(
                &self.data_quality_note,
                &loaded.data_quality_note,
                &current.data_quality_note,
            ),
            override_status: pick(
                &self.override_status,
                &loaded.override_status,
                &current.override_status,
            ),
            override_reason: pick(
                &self.override_reason,
                &loaded.override_reason,
                &current.override_reason,
            ),
        }
    }
}

/// The entry for a period as the form shows it: from the measurement, or blank.
pub fn entry_for(workspace: &Workspace, kpi: &KpiId, period: Period) -> Entry {
    let Some(measurement) = workspace
        .measurements
        .iter()
        .find(|m| &m.kpi == kpi && m.period == period)
    else {
        return Entry::default();
    };
    let figure = |number: Option<f64>| number.map(|n| n.to_string()).unwrap_or_default();
    // A value recorded as a fraction shows its parts; a typed value stands alone.
    let part = |number: Option<f64>| match measurement.value {
        Some(_) => String::new(),
        None => figure(number),
    };
    Entry {
        value: figure(measurement.value),
        numerator: part(measurement.numerator),
        denominator: part(measurement.denominator),
        commentary: measurement.commentary.clone(),
        variance_explanation: measurement.variance_explanation.clone(),
        data_quality_note: measurement.data_quality_note.clone(),
        override_status: measurement.rag_override.as_ref().map(|o| o.status),
        override_reason: measurement
            .rag_override
            .as_ref()
            .map(|o| o.reason.clone())
            .unwrap_or_default(),
    }
}

/// Records `entry` for `kpi` at `period`, made by `by` at `now`. Nothing changes when there is a problem.
pub fn record(
    workspace: &mut Workspace,
    kpi: &KpiId,
    period: Period,
    entry: &Entry,
    by: &str,
    now: DateTime<Utc>,
) -> Result<Recorded, Vec<EntryProblem>> {
    let mut problems = Vec::new();
    let problem = |field, message: &str| EntryProblem {
        field,
        message: message.to_owned(),
    };
    let Some(definition) = workspace.kpi(kpi) else {
        return Err(vec![problem(
            EntryField::Value,
            "this KPI is no longer in the workspace",
        )]);
    };
    if period.frequency() != definition.frequency {
        problems.push(problem(
            EntryField::Value,
            "the period does not match how often this KPI is reported",
        ));
    }
    let value = parse_number(&entry.value, false).unwrap_or_else(|message| {
        problems.push(EntryProblem {
            field: EntryField::Value,
            message: format!("{message}: enter a number such as 85.2"),
        });
        None
    });
    let fraction = fraction_of(entry, definition.unit, value.is_some(), &mut problems);
    let value_or_fraction = value.is_some() || fraction.is_some();
    let existing = workspace
        .measurements
        .iter()
        .position(|m| &m.kpi == kpi && m.period == period);
    if !value_or_fraction
        && entry.commentary.trim().is_empty()
        && existing.is_none()
        && problems.is_empty()
    {
        problems.push(problem(
            EntryField::Value,
            "enter a value, or commentary saying why there is none",
        ));
    }
    if entry.override_status.is_some() && entry.override_reason.trim().is_empty() {
        problems.push(problem(
            EntryField::OverrideReason,
            "say why the rating is being set by hand: the committee sees this reason",
        ));
    }
    let override_is_new = entry.override_status.is_some()
        && !existing
            .and_then(|i| workspace.measurements[i].rag_override.as_ref())
            .is_some_and(|o| {
                Some(o.status) == entry.override_status && o.reason == entry.override_reason.trim()
            });
    if override_is_new && by.trim().is_empty() {
        problems.push(problem(
            EntryField::By,
            "choose who you are: an override records who set it",
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut measurement = existing
        .map(|i| workspace.measurements[i].clone())
        .unwrap_or_else(|| {
            let mut fresh = Measurement::new(kpi.clone(), period, 0.0);
            fresh.value = None;
            fresh
        });
    let before = measurement.clone();
    measurement.value = value;
    measurement.numerator = fraction.map(|(numerator, _)| numerator);
    measurement.denominator = fraction.map(|(_, denominator)| denominator);
    measurement.commentary = entry.commentary.trim().to_owned();
    measurement.variance_explanation = entry.variance_explanation.trim().to_owned();
    measurement.data_quality_note = entry.data_quality_note.trim().to_owned();
    let kept_override = before.rag_override.as_ref().filter(|o| {
        Some(o.status) == entry.override_status && o.reason == entry.override_reason.trim()
    });
    measurement.rag_override = match (kept_override, entry.override_status) {
        (Some(same), _) => Some(same.clone()),
        (None, Some(status)) => Some(RagOverride {
            status,
            reason: entry.override_reason.trim().to_owned(),
            by: by.trim().to_owned(),
            at: now,
        }),
        (None, None) => None,
    };
    if measurement == before && existing.is_some() {
        return Ok(Recorded::Unchanged);
    }
    measurement.reopen();
    match existing {
        Some(i) => {
            workspace.measurements[i] = measurement;
            Ok(Recorded::Updated)
        }
        None => {
            workspace.measurements.push(measurement);
            Ok(Recorded::Added)
        }
    }
}

/// The numerator and denominator `entry` gives, when it gives them; a fraction is the whole figure, so it
/// cannot come with a typed value (`value_typed`), needs both its parts, and a denominator the unit can divide by.
fn fraction_of(
    entry: &Entry,
    unit: Unit,
    value_typed: bool,
    problems: &mut Vec<EntryProblem>,
) -> Option<(f64, f64)> {
    if entry.numerator.trim().is_empty() && entry.denominator.trim().is_empty() {
        return None;
    }
    let mut part = |typed: &str, field: EntryField, name: &str| match parse_number(typed, false) {
        Ok(Some(number)) => Some(number),
        Ok(None) => {
            problems.push(EntryProblem {
                field,
                message: format!("give the {name} too, or neither and type the value"),
            });
            None
        }
        Err(message) => {
            problems.push(EntryProblem {
                field,
                message: format!("{message}: enter a number such as 412"),
            });
            None
        }
    };
    let numerator = part(&entry.numerator, EntryField::Numerator, "numerator");
    let denominator = part(&entry.denominator, EntryField::Denominator, "denominator");
    if value_typed {
        problems.push(EntryProblem {
            field: EntryField::Value,
            message: "give the value or its numerator and denominator, not both".to_owned(),
        });
    }
    let (numerator, denominator) = (numerator?, denominator?);
    if unit.from_fraction(numerator, denominator).is_none() {
        problems.push(EntryProblem {
            field: EntryField::Denominator,
            message: "the denominator cannot be 0: nothing can be divided by it".to_owned(),
        });
        return None;
    }
    (!value_typed).then_some((numerator, denominator))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_rebased_entry_writes_only_the_fields_the_person_changed() {
        let loaded = Entry {
            value: "92.3".to_owned(),
            commentary: "Old words".to_owned(),
            ..Entry::default()
        };
        // Another tab has since saved a new value; this form still shows 92.3 and the person edits only
        // the commentary.
        let current = Entry {
            value: "95".to_owned(),
            ..loaded.clone()
        };
        let typed = Entry {
            commentary: "New words".to_owned(),
            ..loaded.clone()
        };
        assert_eq!(
            typed.rebased(&loaded, &current),
            Entry {
                value: "95".to_owned(),
                commentary: "New words".to_owned(),
                ..Entry::default()
            }
        );
        // A field the person did change wins over the other tab's.
        let typed = Entry {
            value: "90".to_owned(),
            ..loaded.clone()
        };
        assert_eq!(typed.rebased(&loaded, &current).value, "90");
    }

    use chrono::{NaiveDate, TimeZone};

    use super::*;
    use crate::demo::demo_workspace;
    use crate::domain::basics::period::Frequency;
    use crate::domain::model::measurement::ValidationState;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap()
    }

    fn setup() -> (Workspace, KpiId, Period) {
        let workspace = demo_workspace(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
        let kpi = workspace
            .kpis
            .iter()
            .find(|k| k.frequency == Frequency::Monthly)
            .unwrap()
            .id
            .clone();
        (workspace, kpi, Period::parse("Oct 2026").unwrap())
    }

    /// The measurement of `kpi` at `period`, which the test has recorded.
    fn measurement_of<'w>(
        workspace: &'w Workspace,
        kpi: &KpiId,
        period: Period,
    ) -> &'w Measurement {
        workspace
            .measurements
            .iter()
            .find(|m| &m.kpi == kpi && m.period == period)
            .unwrap()
    }

    fn typed(value: &str) -> Entry {
        Entry {
            value: value.to_owned(),
            ..Entry::default()
        }
    }

    #[test]
    fn a_new_period_is_added_as_a_draft() {
        let (mut workspace, kpi, _) = setup();
        let period = Period::parse("Apr 2020").unwrap();
        let result = record(&mut workspace, &kpi, period, &typed("81.5%"), "Ann", now());
        assert_eq!(result, Ok(Recorded::Added));
        let added = measurement_of(&workspace, &kpi, period);
        assert_eq!(added.value, Some(81.5));
        assert_eq!(added.validation.state, ValidationState::Draft);
    }

    #[test]
    fn changing_an_approved_value_returns_it_to_draft_and_the_same_entry_changes_nothing() {
        let (mut workspace, kpi, period) = setup();
        let before = entry_for(&workspace, &kpi, period);
        assert_eq!(
            record(&mut workspace, &kpi, period, &before, "Ann", now()),
            Ok(Recorded::Unchanged)
        );
        let mut changed = before.clone();
        changed.value = "12.5".to_owned();
        assert_eq!(
            record(&mut workspace, &kpi, period, &changed, "Ann", now()),
            Ok(Recorded::Updated)
        );
        let m = measurement_of(&workspace, &kpi, period);
        assert_eq!(m.value, Some(12.5));
        assert_eq!(m.validation.state, ValidationState::Draft);
        assert_eq!(entry_for(&workspace, &kpi, period).value, "12.5");
    }

    #[test]
    fn every_problem_is_reported_against_its_field_and_nothing_changes() {
        let (mut workspace, kpi, period) = setup();
        let copy = workspace.clone();
        let entry = Entry {
            value: "NaN".to_owned(),
            override_status: Some(RagStatus::Green),
            ..Entry::default()
        };
        let problems = record(&mut workspace, &kpi, period, &entry, " ", now()).unwrap_err();
        let fields: Vec<EntryField> = problems.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            [
                EntryField::Value,
                EntryField::OverrideReason,
                EntryField::By
            ]
        );
        assert!(problems[0].message.contains("\"NaN\" is not a number"));
        assert!(workspace == copy, "nothing changed");
    }

    #[test]
    fn a_value_given_as_a_fraction_is_kept_as_its_parts_with_a_note_on_its_quality() {
        let (mut workspace, kpi, period) = setup();
        let index = workspace.kpis.iter().position(|k| k.id == kpi).unwrap();
        workspace.kpis[index].unit = Unit::Percent;
        let entry = Entry {
            numerator: "412".to_owned(),
            denominator: "480".to_owned(),
            data_quality_note: " Estimated: one team's return is late. ".to_owned(),
            ..Entry::default()
        };
        assert_eq!(
            record(&mut workspace, &kpi, period, &entry, "Ann", now()),
            Ok(Recorded::Updated)
        );
        let m = measurement_of(&workspace, &kpi, period);
        // 412 of 480 as a percentage: 412 / 480 × 100 = 85.8333…
        assert_eq!(
            (m.value, m.numerator, m.denominator),
            (None, Some(412.0), Some(480.0))
        );
        assert!((m.resolved_value(Unit::Percent).unwrap() - 85.833_333).abs() < 1e-6);
        assert_eq!(m.data_quality_note, "Estimated: one team's return is late.");
        // The form shows the parts again, not a value, and saving it unchanged changes nothing.
        let shown = entry_for(&workspace, &kpi, period);
        assert_eq!(
            (
                shown.value.as_str(),
                shown.numerator.as_str(),
                shown.denominator.as_str()
            ),
            ("", "412", "480")
        );
        assert_eq!(
            record(&mut workspace, &kpi, period, &shown, "Ann", now()),
            Ok(Recorded::Unchanged)
        );
        // A value typed over it replaces the fraction.
        let typed_over = Entry {
            value: "86".to_owned(),
            numerator: String::new(),
            denominator: String::new(),
            ..shown
        };
        record(&mut workspace, &kpi, period, &typed_over, "Ann", now()).unwrap();
        let m = measurement_of(&workspace, &kpi, period);
        assert_eq!(
            (m.value, m.numerator, m.denominator),
            (Some(86.0), None, None)
        );
    }

    #[test]
    fn a_fraction_with_a_value_beside_it_a_missing_part_or_a_zero_denominator_is_refused() {
        let (mut workspace, kpi, period) = setup();
        let copy = workspace.clone();
        let problems = |entry: Entry, workspace: &mut Workspace| -> Vec<(EntryField, String)> {
            record(workspace, &kpi, period, &entry, "Ann", now())
                .unwrap_err()
                .into_iter()
                .map(|p| (p.field, p.message))
                .collect()
        };
        // (value, numerator, denominator) typed, and the one problem each gives.
        let cases = [
            (
                "85",
                "412",
                "480",
                EntryField::Value,
                "give the value or its numerator and denominator, not both",
            ),
            (
                "",
                "412",
                "ten",
                EntryField::Denominator,
                "\"ten\" is not a number: enter a number such as 412",
            ),
            (
                "",
                "",
                "0",
                EntryField::Numerator,
                "give the numerator too, or neither and type the value",
            ),
            (
                "",
                "3",
                "0",
                EntryField::Denominator,
                "the denominator cannot be 0: nothing can be divided by it",
            ),
        ];
        for (value, numerator, denominator, field, message) in cases {
            let entry = Entry {
                value: value.to_owned(),
                numerator: numerator.to_owned(),
                denominator: denominator.to_owned(),
                ..Entry::default()
            };
            assert_eq!(
                problems(entry, &mut workspace),
                [(field, message.to_owned())],
                "{value:?} {numerator:?}/{denominator:?}"
            );
        }
        assert!(workspace == copy, "nothing changed");
    }

    #[test]
    fn an_empty_entry_for_a_new_period_asks_for_a_value_or_a_reason() {
        let (mut workspace, kpi, _) = setup();
        let problems = record(
            &mut workspace,
            &kpi,
            Period::parse("Apr 2020").unwrap(),
            &typed(" "),
            "Ann",
            now(),
        )
        .unwrap_err();
        assert_eq!(problems[0].field, EntryField::Value);
        assert!(problems[0].message.contains("commentary"));
    }

    #[test]
    fn an_override_records_who_when_and_why_and_survives_an_unchanged_save() {
        let (mut workspace, kpi, period) = setup();
        let mut entry = entry_for(&workspace, &kpi, period);
        entry.override_status = Some(RagStatus::Amber);
        entry.override_reason = " Data late from the provider ".to_owned();
        record(&mut workspace, &kpi, period, &entry, "Ann Other", now()).unwrap();
        let saved = |w: &Workspace| {
            measurement_of(w, &kpi, period)
                .rag_override
                .clone()
                .unwrap()
        };
        let first = saved(&workspace);
        assert_eq!(
            (
                first.status,
                first.reason.as_str(),
                first.by.as_str(),
                first.at
            ),
            (
                RagStatus::Amber,
                "Data late from the provider",
                "Ann Other",
                now()
            )
        );
        let later = now() + chrono::Duration::hours(1);
        let again = entry_for(&workspace, &kpi, period);
        assert_eq!(
            record(&mut workspace, &kpi, period, &again, "Bob", later),
            Ok(Recorded::Unchanged)
        );
        assert_eq!(
            saved(&workspace),
            first,
            "an unchanged override keeps who set it"
        );
        let mut edited = entry_for(&workspace, &kpi, period);
        edited.commentary = "Updated commentary".to_owned();
        assert_eq!(
            record(&mut workspace, &kpi, period, &edited, "", later),
            Ok(Recorded::Updated),
            "an override someone else set needs no name to keep"
        );
        assert_eq!(saved(&workspace), first);
    }

    #[test]
    fn a_period_of_the_wrong_frequency_is_refused() {
        let (mut workspace, kpi, _) = setup();
        let quarter = Period::parse("Q1 2026/27").unwrap();
        let problems =
            record(&mut workspace, &kpi, quarter, &typed("10"), "Ann", now()).unwrap_err();
        assert!(problems[0].message.contains("does not match"));
    }
}
