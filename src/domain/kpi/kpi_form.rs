//! Editing a KPI's definition from a form: every field the file format has for it but its id, status (the
//! KPI cycle's), service and directorate (a structure move) and targets (`target_profile`). The form holds what a person chose
//! and typed; [`edit_kpi`] checks the whole form and reports every problem against its field before anything
//! changes. Saving confirms what the form showed, so the "not set — please review" marks of the fields it holds
//! are cleared.

use crate::domain::basics::field_problem::FieldProblem;
use crate::domain::basics::ids::{AmbitionId, CommitteeId, KpiId, PersonId, TeamId};
use crate::domain::basics::period::Frequency;
use crate::domain::basics::typed_text::one_line;
use crate::domain::basics::unit::{Unit, parse_number};
use crate::domain::basics::unit_label::UnitLabel;
use crate::domain::maths::aggregation::{MeasureType, SnapshotSummary};
use crate::domain::maths::rag::Polarity;
use crate::domain::model::kpi::{
    DefaultedField, IndicatorTiming, KpiDefinition, KpiLevel, MetricCategory, Perspective,
    PmfComponent,
};
use crate::domain::model::workspace::Workspace;
use crate::domain::rebase::take_changed;
use crate::domain::settings::rule_form::RuleForm;

/// The most decimal places a KPI's figures are shown to.
pub const MOST_DECIMALS: u8 = 6;

/// What the KPI editor holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KpiForm {
    /// The name as reported.
    pub name: String,
    /// How it is calculated and what counts.
    pub definition: String,
    /// The source system or return.
    pub source: String,
    /// The responsible officer.
    pub owner: Option<PersonId>,
    /// Who supplies its figures.
    pub data_coordinator: Option<PersonId>,
    /// Strategic, corporate, operational or individual.
    pub level: KpiLevel,
    /// Who it is about.
    pub perspective: Perspective,
    /// Where the metric comes from.
    pub category: MetricCategory,
    /// The PMF component it evidences.
    pub component: Option<PmfComponent>,
    /// Leading or lagging.
    pub timing: IndicatorTiming,
    /// How often it is reported.
    pub frequency: Frequency,
    /// Which way is better.
    pub polarity: Polarity,
    /// The unit (for a rate, its base is [`KpiForm::rate_per`]; for a unit of the council's own, its label
    /// is [`KpiForm::unit_label`]).
    pub unit: Unit,
    /// A rate's base as typed ("1000"), used when the unit is a rate.
    pub rate_per: String,
    /// A unit of the council's own's label as typed ("kg per household"), used when the unit is one.
    pub unit_label: String,
    /// Decimal places as typed.
    pub decimals: String,
    /// Snapshot or cumulative.
    pub measure: MeasureType,
    /// How a snapshot measure's value for a longer period is derived.
    pub snapshot_summary: SnapshotSummary,
    /// The team of its service that owns it, for a team-level KPI.
    pub team: Option<TeamId>,
    /// The ambitions it serves.
    pub ambitions: Vec<AmbitionId>,
    /// The committees it is reported to.
    pub committees: Vec<CommitteeId>,
    /// The lowest believable value as typed; blank with the highest for the unit's range.
    pub plausible_low: String,
    /// The highest believable value as typed.
    pub plausible_high: String,
    /// A rule of its own, instead of the framework's; `None` for the framework's.
    pub own_rule: Option<RuleForm>,
}

/// The field of the form a problem is about, so the form can point at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KpiField {
    /// [`KpiForm::name`].
    Name,
    /// [`KpiForm::owner`].
    Owner,
    /// [`KpiForm::data_coordinator`].
    DataCoordinator,
    /// [`KpiForm::team`].
    Team,
    /// [`KpiForm::frequency`].
    Frequency,
    /// [`KpiForm::unit`].
    Unit,
    /// [`KpiForm::rate_per`].
    RatePer,
    /// [`KpiForm::unit_label`].
    UnitLabel,
    /// [`KpiForm::decimals`].
    Decimals,
    /// [`KpiForm::ambitions`].
    Ambitions,
    /// [`KpiForm::committees`].
    Committees,
    /// [`KpiForm::plausible_low`] and [`KpiForm::plausible_high`].
    PlausibleRange,
    /// [`KpiForm::own_rule`].
    Rule,
}

/// A problem with the form, against its field.
pub type KpiProblem = FieldProblem<KpiField>;

/// The fields the form holds of those a sheet may leave to a default: saving the form confirms them.
const CONFIRMED: [DefaultedField; 8] = [
    DefaultedField::Level,
    DefaultedField::Perspective,
    DefaultedField::Category,
    DefaultedField::Measure,
    DefaultedField::Timing,
    DefaultedField::Frequency,
    DefaultedField::Polarity,
    DefaultedField::Unit,
];

impl KpiForm {
    /// The form showing `kpi` as it is.
    pub fn of(kpi: &KpiDefinition) -> Self {
        let (unit, rate_per, unit_label) = match kpi.unit {
            Unit::RatePer { per } => (Unit::RatePer { per: 0 }, per.to_string(), String::new()),
            Unit::Custom { label } => (
                Unit::Custom {
                    label: UnitLabel::UNSET,
                },
                String::new(),
                label.to_string(),
            ),
            unit => (unit, String::new(), String::new()),
        };
        let (plausible_low, plausible_high) = kpi
            .plausible_range
            .map(|(low, high)| (low.to_string(), high.to_string()))
            .unwrap_or_default();
        Self {
            name: kpi.name.clone(),
            definition: kpi.definition.clone(),
            source: kpi.source.clone(),
            owner: kpi.owner.clone(),
            data_coordinator: kpi.data_coordinator.clone(),
            level: kpi.level,
            perspective: kpi.perspective,
            category: kpi.category,
            component: kpi.component,
            timing: kpi.timing,
            frequency: kpi.frequency,
            polarity: kpi.polarity,
            unit,
            rate_per,
            unit_label,
            decimals: kpi.decimals.to_string(),
            measure: kpi.measure,
            snapshot_summary: kpi.snapshot_summary,
            team: kpi.team.clone(),
            ambitions: kpi.ambitions.clone(),
            committees: kpi.committees.clone(),
            plausible_low,
            plausible_high,
            own_rule: kpi.rag_rule.as_ref().map(RuleForm::of),
        }
    }

    /// This form, typed over `loaded` (what the form showed), applied to `current` (what the KPI holds now):
    /// each field the person changed takes what they typed, every other field keeps its current value. A form
    /// left open while another tab saved then writes back only what the person changed.
    pub fn rebased(&self, loaded: &KpiForm, current: &KpiForm) -> KpiForm {
        let mut merged = current.clone();
        take_changed!(merged, self, loaded;
            name,
            definition,
            source,
            owner,
            data_coordinator,
            level,
            perspective,
            category,
            component,
            timing,
            frequency,
            polarity,
            unit,
            rate_per,
            unit_label,
            decimals,
            measure,
            snapshot_summary,
            team,
            ambitions,
            committees,
            plausible_low,
            plausible_high,
            own_rule
        );
        merged
    }
}

/// Saves `form` as the definition of KPI `id`. Nothing changes when there is a problem: every problem is
/// returned, against its field.
pub fn edit_kpi(
    workspace: &mut Workspace,
    id: &KpiId,
    form: &KpiForm,
) -> Result<(), Vec<KpiProblem>> {
    let Some(index) = workspace.kpis.iter().position(|k| &k.id == id) else {
        return Err(vec![KpiProblem {
            field: KpiField::Name,
            message: format!("There is no KPI with the id {id} in this workspace."),
        }]);
    };
    let edited = checked(workspace, &workspace.kpis[index], form)?;
    workspace.kpis[index] = edited;
    Ok(())
}

/// The KPI `kpi` becomes with `form`, or every problem with the form.
fn checked(
    workspace: &Workspace,
    kpi: &KpiDefinition,
    form: &KpiForm,
) -> Result<KpiDefinition, Vec<KpiProblem>> {
    let mut problems = Vec::new();
    let mut problem =
        |field: KpiField, message: String| problems.push(KpiProblem { field, message });
    let name = one_line(&form.name);
    if name.is_empty() {
        problem(KpiField::Name, "Give the KPI a name.".to_owned());
    } else if name != kpi.name
        && workspace
            .kpis
            .iter()
            .any(|other| other.id != kpi.id && other.name.eq_ignore_ascii_case(&name))
    {
        problem(
            KpiField::Name,
            format!(
                "Another KPI is called \u{201c}{name}\u{201d}: give this one a name of its own."
            ),
        );
    }
    for (person, now, field, role) in [
        (
            &form.owner,
            &kpi.owner,
            KpiField::Owner,
            "responsible officer",
        ),
        (
            &form.data_coordinator,
            &kpi.data_coordinator,
            KpiField::DataCoordinator,
            "data co-ordinator",
        ),
    ] {
        let Some(person) = person else { continue };
        match workspace.person(person) {
            None => problem(
                field,
                format!("The {role} chosen ({person}) is not among the workspace's people."),
            ),
            // A leaver stays where they already are (until handed over), but is chosen nowhere new.
            Some(found) if !found.active && now.as_ref() != Some(person) => problem(
                field,
                format!(
                    "{} has left: choose a {role} who is still here.",
                    found.name
                ),
            ),
            Some(_) => {}
        }
    }
    if let Some(team) = &form.team {
        let service = workspace.service_of_kpi(kpi);
        match workspace.teams.iter().find(|t| &t.id == team) {
            None => problem(
                KpiField::Team,
                format!("There is no team {team} in the framework."),
            ),
            Some(found) if service.is_some_and(|s| s != &found.service) => problem(
                KpiField::Team,
                format!(
                    "{} is not a team of the service that reports this KPI: move the KPI to its service first \
                     (Manage the framework).",
                    found.name
                ),
            ),
            Some(_) => {}
        }
    }
    if form.frequency != kpi.frequency {
        let figures = workspace
            .measurements
            .iter()
            .filter(|m| m.kpi == kpi.id)
            .count();
        let targets = kpi
            .targets
            .iter()
            .filter(|t| t.period.frequency() == kpi.frequency && kpi.frequency != Frequency::Annual)
            .count();
        if figures + targets > 0 {
            problem(
                KpiField::Frequency,
                format!(
                    "It is reported {} and has {}: its frequency can change only before it has figures or \
                     targets for its periods.",
                    kpi.frequency.label().to_lowercase(),
                    counted(&[(figures, "figure"), (targets, "period target")])
                ),
            );
        }
    }
    let unit = match form.unit {
        Unit::RatePer { .. } => match form.rate_per.trim().replace(',', "").parse::<u32>() {
            Ok(per) if per > 0 => Some(Unit::RatePer { per }),
            _ => {
                problem(
                    KpiField::RatePer,
                    format!(
                        "A rate is per a whole number of people or things (1,000 or 100,000), not \u{201c}{}\u{201d}.",
                        form.rate_per.trim()
                    ),
                );
                None
            }
        },
        Unit::Custom { .. } => match UnitLabel::new(&form.unit_label) {
            Ok(label) => Some(Unit::Custom { label }),
            Err(why) => {
                problem(KpiField::UnitLabel, format!("{why}."));
                None
            }
        },
        unit => Some(unit),
    };
    // A figure recorded as a numerator and denominator becomes a value through its unit (× 100 for a percentage,
    // × the base for a rate): a unit that scales them differently would silently change those figures.
    if let Some(new) = unit
        && new.from_fraction(1.0, 1.0) != kpi.unit.from_fraction(1.0, 1.0)
    {
        let fractions = workspace
            .measurements
            .iter()
            .filter(|m| m.kpi == kpi.id && m.value.is_none() && m.numerator.is_some())
            .count();
        if fractions > 0 {
            problem(
                KpiField::Unit,
                format!(
                    "{} recorded as a numerator and denominator would change with the unit ({} to {}): record \
                     {} as a value first, or keep the unit.",
                    counted(&[(fractions, "figure")]),
                    kpi.unit.label(),
                    new.label(),
                    if fractions == 1 { "it" } else { "them" }
                ),
            );
        }
    }
    let decimals = match form.decimals.trim().parse::<u8>() {
        Ok(places) if places <= MOST_DECIMALS => Some(places),
        _ => {
            problem(
                KpiField::Decimals,
                format!(
                    "Decimal places are a whole number from 0 to {MOST_DECIMALS}, not \u{201c}{}\u{201d}.",
                    form.decimals.trim()
                ),
            );
            None
        }
    };
    if form.level == KpiLevel::Strategic && form.ambitions.is_empty() {
        problem(
            KpiField::Ambitions,
            "A strategic KPI links directly to the corporate ambitions: choose at least one."
                .to_owned(),
        );
    }
    if let Some(missing) = form
        .ambitions
        .iter()
        .find(|a| !workspace.ambitions.iter().any(|known| &known.id == *a))
    {
        problem(
            KpiField::Ambitions,
            format!("There is no ambition {missing} in the framework."),
        );
    }
    if let Some(missing) = form
        .committees
        .iter()
        .find(|c| !workspace.committees.iter().any(|known| &known.id == *c))
    {
        problem(
            KpiField::Committees,
            format!("There is no committee {missing} in the framework."),
        );
    }
    let plausible_range = plausible_range(form).unwrap_or_else(|message| {
        problem(KpiField::PlausibleRange, message);
        None
    });
    let rule = match form.own_rule.as_ref().map(RuleForm::rule) {
        Some(Ok(rule)) => Some(rule),
        Some(Err(messages)) => {
            for message in messages {
                problem(KpiField::Rule, message);
            }
            None
        }
        None => None,
    };
    let (Some(unit), Some(decimals)) = (unit, decimals) else {
        return Err(problems);
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut edited = kpi.clone();
    edited.name = name;
    edited.definition = form.definition.trim().to_owned();
    edited.source = form.source.trim().to_owned();
    edited.owner.clone_from(&form.owner);
    edited.data_coordinator.clone_from(&form.data_coordinator);
    edited.level = form.level;
    edited.perspective = form.perspective;
    edited.category = form.category;
    edited.component = form.component;
    edited.timing = form.timing;
    edited.frequency = form.frequency;
    edited.polarity = form.polarity;
    edited.unit = unit;
    edited.decimals = decimals;
    edited.measure = form.measure;
    edited.snapshot_summary = form.snapshot_summary;
    edited.team.clone_from(&form.team);
    edited.ambitions.clone_from(&form.ambitions);
    edited.committees.clone_from(&form.committees);
    edited.plausible_range = plausible_range;
    edited.rag_rule = rule;
    edited.defaulted.retain(|field| !CONFIRMED.contains(field));
    Ok(edited)
}

/// The believable range the form gives: none when both ends are blank, else both ends, lower first.
fn plausible_range(form: &KpiForm) -> Result<Option<(f64, f64)>, String> {
    let end = |typed: &str, which: &str| {
        parse_number(typed, false)
            .map_err(|problem| format!("The {which} believable value: {problem}."))
    };
    match (end(&form.plausible_low, "lowest")?, end(&form.plausible_high, "highest")?) {
        (None, None) => Ok(None),
        (Some(low), Some(high)) if low < high => Ok(Some((low, high))),
        (Some(low), Some(high)) if low == high => Err(format!(
            "The lowest and highest believable values are both {low}: give a range, or leave both blank."
        )),
        (Some(low), Some(high)) => Err(format!(
            "The believable range runs from {low} down to {high}: give the lowest value first."
        )),
        _ => Err("Give both the lowest and the highest believable values, or neither (the unit's own range).".to_owned()),
    }
}

/// "14 figures and 2 period targets": the counts that are not zero, each with its noun.
fn counted(counts: &[(usize, &str)]) -> String {
    counts
        .iter()
        .filter(|(count, _)| *count > 0)
        .map(|(count, noun)| format!("{count} {noun}{}", if *count == 1 { "" } else { "s" }))
        .collect::<Vec<_>>()
        .join(" and ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::basics::period::Period;
    use crate::domain::maths::rag::RagRule;
    use crate::domain::model::measurement::Measurement;
    use crate::domain::thread::tree::tests::hand_drawn;

    fn k(id: &str) -> KpiId {
        KpiId::new(id).unwrap()
    }

    #[test]
    fn every_field_is_saved_and_the_not_set_marks_of_the_fields_shown_are_cleared() {
        let mut workspace = hand_drawn();
        workspace.kpis[1].defaulted = vec![DefaultedField::Unit, DefaultedField::Status];
        let mut form = KpiForm::of(&workspace.kpis[1]);
        form.name = "  Potholes   repaired within 28 days ".to_owned();
        form.definition = "Category 2 defects repaired within 28 days of report ".to_owned();
        form.source = "Highways asset system".to_owned();
        form.owner = Some(PersonId::new("p-ann").unwrap());
        form.data_coordinator = Some(PersonId::new("p-bob").unwrap());
        form.unit = Unit::RatePer { per: 0 };
        form.rate_per = "1,000".to_owned();
        form.decimals = "2".to_owned();
        form.team = Some(TeamId::new("t1").unwrap());
        form.snapshot_summary = SnapshotSummary::Mean;
        form.plausible_low = "0".to_owned();
        form.plausible_high = "50".to_owned();
        form.own_rule = Some(RuleForm {
            green_within: "2".to_owned(),
            amber_within: "15".to_owned(),
            ..RuleForm::of(&RagRule::default())
        });
        edit_kpi(&mut workspace, &k("k2"), &form).unwrap();
        let kpi = &workspace.kpis[1];
        assert_eq!(kpi.name, "Potholes repaired within 28 days");
        assert_eq!(
            kpi.definition,
            "Category 2 defects repaired within 28 days of report"
        );
        assert_eq!(kpi.owner, Some(PersonId::new("p-ann").unwrap()));
        assert_eq!(kpi.data_coordinator, Some(PersonId::new("p-bob").unwrap()));
        assert_eq!(kpi.unit, Unit::RatePer { per: 1000 });
        assert_eq!(kpi.decimals, 2);
        // Road safety (t1) is a team of Highways (s1), k2's service.
        assert_eq!(kpi.team, Some(TeamId::new("t1").unwrap()));
        assert_eq!(kpi.snapshot_summary, SnapshotSummary::Mean);
        assert_eq!(kpi.plausible_range, Some((0.0, 50.0)));
        let rule = kpi.rag_rule.unwrap();
        assert_eq!((rule.green_within, rule.amber_within), (2.0, 15.0));
        // The status is not on the form: its mark stays until the KPI cycle sets it.
        assert_eq!(kpi.defaulted, [DefaultedField::Status]);
        // The form shows what was saved.
        assert_eq!(KpiForm::of(kpi).rate_per, "1000");
    }

    #[test]
    fn every_problem_is_reported_against_its_field_and_nothing_changes() {
        let mut workspace = hand_drawn();
        let before = workspace.clone();
        let mut form = KpiForm::of(&workspace.kpis[1]);
        form.name = "   ".to_owned();
        form.owner = Some(PersonId::new("p-nobody").unwrap());
        form.team = Some(TeamId::new("t9").unwrap());
        form.unit = Unit::RatePer { per: 0 };
        form.rate_per = "lots".to_owned();
        form.decimals = "7".to_owned();
        form.ambitions = vec![];
        form.plausible_low = "5".to_owned();
        form.own_rule = Some(RuleForm {
            amber_within: "ten".to_owned(),
            ..RuleForm::of(&RagRule::default())
        });
        let problems = edit_kpi(&mut workspace, &k("k2"), &form).unwrap_err();
        let fields: Vec<KpiField> = problems.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            [
                KpiField::Name,
                KpiField::Owner,
                KpiField::Team,
                KpiField::RatePer,
                KpiField::Decimals,
                KpiField::Ambitions,
                KpiField::PlausibleRange,
                KpiField::Rule,
            ]
        );
        assert_eq!(
            problems[4].message,
            "Decimal places are a whole number from 0 to 6, not \u{201c}7\u{201d}."
        );
        assert_eq!(
            problems[6].message,
            "Give both the lowest and the highest believable values, or neither (the unit's own range)."
        );
        assert!(
            problems[7].message.starts_with("The amber band: \"ten\""),
            "{}",
            problems[7].message
        );
        assert_eq!(workspace, before);
    }

    #[test]
    fn a_unit_of_the_councils_own_is_saved_with_its_label_or_refused_without_one() {
        let mut workspace = hand_drawn();
        let mut form = KpiForm::of(&workspace.kpis[1]);
        form.unit = Unit::Custom {
            label: UnitLabel::UNSET,
        };
        form.unit_label = "   ".to_owned();
        let problems = edit_kpi(&mut workspace, &k("k2"), &form).unwrap_err();
        assert_eq!(
            problems
                .iter()
                .map(|p| (p.field, p.message.as_str()))
                .collect::<Vec<_>>(),
            [(
                KpiField::UnitLabel,
                "A unit of the council's own needs a label, such as \"kg per household\"."
            )]
        );
        form.unit_label = " kg per household ".to_owned();
        edit_kpi(&mut workspace, &k("k2"), &form).unwrap();
        let kpi = &workspace.kpis[1];
        assert_eq!(kpi.unit.format(412.0, 0), "412 kg per household");
        // The form shows the label again, under the choice of a unit of the council's own.
        let shown = KpiForm::of(kpi);
        assert_eq!(
            (shown.unit.kind(), shown.unit_label.as_str()),
            ("custom", "kg per household")
        );
    }

    #[test]
    fn a_team_of_another_service_is_refused_with_where_to_move_the_kpi() {
        let mut workspace = hand_drawn();
        workspace
            .teams
            .push(crate::domain::model::golden_thread::Team {
                id: TeamId::new("t2").unwrap(),
                name: "Recycling".to_owned(),
                service: crate::domain::basics::ids::ServiceId::new("s2").unwrap(),
                manager: None,
                active: true,
            });
        let mut form = KpiForm::of(&workspace.kpis[1]);
        form.team = Some(TeamId::new("t2").unwrap());
        let problems = edit_kpi(&mut workspace, &k("k2"), &form).unwrap_err();
        assert_eq!(
            problems[0].message,
            "Recycling is not a team of the service that reports this KPI: move the KPI to its service first \
             (Manage the framework)."
        );
    }

    #[test]
    fn the_frequency_cannot_change_once_the_kpi_has_figures_and_the_message_counts_them() {
        let mut workspace = hand_drawn();
        let period = |code: &str| Period::parse(code).unwrap();
        workspace.measurements = vec![
            Measurement::new(k("k2"), period("Apr 2026"), 80.0),
            Measurement::new(k("k2"), period("May 2026"), 82.0),
            Measurement::new(k("k3"), period("May 2026"), 82.0),
        ];
        workspace.kpis[1].targets = vec![crate::domain::model::kpi::Target {
            period: period("Jun 2026"),
            value: 85.0,
        }];
        let mut form = KpiForm::of(&workspace.kpis[1]);
        form.frequency = Frequency::Quarterly;
        let problems = edit_kpi(&mut workspace, &k("k2"), &form).unwrap_err();
        // k2's two figures (k3's is another KPI's) and its one June target.
        assert_eq!(
            problems,
            [KpiProblem {
                field: KpiField::Frequency,
                message: "It is reported monthly and has 2 figures and 1 period target: its frequency can change \
                          only before it has figures or targets for its periods."
                    .to_owned()
            }]
        );
        // A KPI with nothing recorded yet can change.
        // (k4 is strategic with no ambition: it is made operational, or the form would be refused for that.)
        let mut form = KpiForm::of(&workspace.kpis[3]);
        form.frequency = Frequency::Quarterly;
        form.level = KpiLevel::Operational;
        edit_kpi(&mut workspace, &k("k4"), &form).unwrap();
        assert_eq!(workspace.kpis[3].frequency, Frequency::Quarterly);
    }

    #[test]
    fn a_unit_that_would_rescale_figures_kept_as_fractions_is_refused() {
        let mut workspace = hand_drawn();
        let period = |code: &str| Period::parse(code).unwrap();
        // 45 of 60 as a percentage is 75%; as a count it would read 0.75.
        let mut fraction = Measurement::new(k("k2"), period("Apr 2026"), 0.0);
        fraction.value = None;
        fraction.numerator = Some(45.0);
        fraction.denominator = Some(60.0);
        workspace.measurements = vec![fraction];
        let mut form = KpiForm::of(&workspace.kpis[1]);
        form.unit = Unit::Count;
        let problems = edit_kpi(&mut workspace, &k("k2"), &form).unwrap_err();
        assert_eq!(
            problems[0].message,
            "1 figure recorded as a numerator and denominator would change with the unit (Percentage to Number): \
             record it as a value first, or keep the unit."
        );
        // A count and a score scale a fraction alike: the change is taken.
        workspace.kpis[1].unit = Unit::Count;
        let mut form = KpiForm::of(&workspace.kpis[1]);
        form.unit = Unit::Score;
        edit_kpi(&mut workspace, &k("k2"), &form).unwrap();
    }

    #[test]
    fn a_name_another_kpi_has_is_refused_but_keeping_a_shared_name_is_not() {
        let mut workspace = hand_drawn();
        let mut form = KpiForm::of(&workspace.kpis[1]);
        form.name = "kpi K3".to_owned();
        let problems = edit_kpi(&mut workspace, &k("k2"), &form).unwrap_err();
        assert_eq!(
            problems[0].message,
            "Another KPI is called \u{201c}kpi K3\u{201d}: give this one a name of its own."
        );
        // Two KPIs imported with one name can still be edited without renaming either.
        workspace.kpis[1].name = "KPI k3".to_owned();
        let mut form = KpiForm::of(&workspace.kpis[1]);
        form.source = "Return".to_owned();
        edit_kpi(&mut workspace, &k("k2"), &form).unwrap();
    }

    #[test]
    fn a_form_left_open_while_another_tab_saved_writes_back_only_what_was_changed_in_it() {
        let workspace = hand_drawn();
        let loaded = KpiForm::of(&workspace.kpis[1]);
        let mut typed = loaded.clone();
        typed.name = "Renamed here".to_owned();
        let mut current = loaded.clone();
        current.definition = "Defined in the other tab".to_owned();
        let merged = typed.rebased(&loaded, &current);
        assert_eq!(merged.name, "Renamed here");
        assert_eq!(merged.definition, "Defined in the other tab");
    }

    #[test]
    fn a_leaver_is_chosen_nowhere_new_but_stays_where_they_are() {
        let mut workspace = hand_drawn();
        // Ann owns k1; Bob has left.
        workspace.people[3].active = false;
        workspace.people[2].active = false;
        let kept = KpiForm::of(workspace.kpi(&k("k1")).unwrap());
        assert!(edit_kpi(&mut workspace, &k("k1"), &kept).is_ok());
        let mut form = KpiForm::of(workspace.kpi(&k("k2")).unwrap());
        form.owner = Some(PersonId::new("p-bob").unwrap());
        let problems = edit_kpi(&mut workspace, &k("k2"), &form).unwrap_err();
        assert_eq!(
            problems,
            [KpiProblem::new(
                KpiField::Owner,
                "Bob has left: choose a responsible officer who is still here."
            )]
        );
    }
}
