//! Risks: likelihood × impact on 5-point scales, bands, and the review cycle (the roles framework, the 2020 PMF refresh and the eight-part PMF).
//!
//! Score = likelihood × impact (a 25-cell matrix); bands by score, configurable (default 1–6 green,
//! 8–12 amber, 15–25 red). Reviews (the roles framework): red quarterly, amber half-yearly, green annually; the senior
//! team reviews strategic risks on an eight-week cycle.

use crate::domain::basics::shared_sort::SharedSort;
use std::fmt;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::basics::ids::{AmbitionId, DirectorateId, KpiId, PersonId, RiskId};
use crate::domain::maths::rag::RagStatus;
use crate::domain::model::framework::Framework;

/// A point on a 1-to-5 scale (likelihood or impact).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "u8")]
pub struct Scale(u8);

impl Scale {
    /// `value` if it is from 1 to 5.
    pub fn new(value: u8) -> Option<Self> {
        (1..=5).contains(&value).then_some(Self(value))
    }

    /// The number, 1 to 5.
    pub fn get(self) -> u8 {
        self.0
    }
}

/// Read from any whole number, so one out of range (0, 6 or 300) gets the scale's own rule as its message.
impl TryFrom<i64> for Scale {
    type Error = String;
    fn try_from(value: i64) -> Result<Self, String> {
        u8::try_from(value)
            .ok()
            .and_then(Scale::new)
            .ok_or_else(|| format!("must be a whole number from 1 to 5; found {value}"))
    }
}

impl From<Scale> for u8 {
    fn from(scale: Scale) -> u8 {
        scale.0
    }
}

/// A likelihood and impact pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskAssessment {
    /// How likely, 1 (rare) to 5 (almost certain).
    pub likelihood: Scale,
    /// How severe, 1 (negligible) to 5 (catastrophic).
    pub impact: Scale,
}

impl RiskAssessment {
    /// An assessment from two numbers, if both are 1 to 5.
    pub fn new(likelihood: u8, impact: u8) -> Option<Self> {
        Some(Self {
            likelihood: Scale::new(likelihood)?,
            impact: Scale::new(impact)?,
        })
    }

    /// likelihood × impact, 1 to 25.
    pub fn score(self) -> u8 {
        self.likelihood.0 * self.impact.0
    }
}

/// Score bands, configurable. Default: 1–6 green, 8–12 amber, 15–25 red.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RiskBands {
    /// The highest green score. Default 6.
    pub green_max: u8,
    /// The highest amber score. Default 12.
    pub amber_max: u8,
}

impl Default for RiskBands {
    fn default() -> Self {
        Self {
            green_max: 6,
            amber_max: 12,
        }
    }
}

impl RiskBands {
    /// Checks the bands split the scores 1 to 25 into three non-empty bands: green from 1, amber above it,
    /// red above amber up to 25.
    pub fn check(self) -> Result<(), String> {
        if self.green_max >= 1 && self.green_max < self.amber_max && self.amber_max < 25 {
            Ok(())
        } else {
            Err(format!(
                "The bands must run green from 1, then amber, then red up to 25: green up to {} and amber up to {} do not.",
                self.green_max, self.amber_max
            ))
        }
    }

    /// The band of a score.
    pub fn band(self, score: u8) -> RagStatus {
        if score <= self.green_max {
            RagStatus::Green
        } else if score <= self.amber_max {
            RagStatus::Amber
        } else {
            RagStatus::Red
        }
    }
}

/// The level of a risk register.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskLevel {
    /// The corporate (strategic) risk register.
    Strategic,
    /// A directorate register.
    Directorate,
    /// A service's operational register.
    Operational,
}

impl RiskLevel {
    /// The level's name.
    pub const fn label(self) -> &'static str {
        match self {
            RiskLevel::Strategic => "Strategic",
            RiskLevel::Directorate => "Directorate",
            RiskLevel::Operational => "Operational",
        }
    }
}

/// How often risks at a level are reviewed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "cycle", rename_all = "snake_case")]
pub enum ReviewCycle {
    /// A fixed number of weeks, whatever the band (strategic risks: eight).
    EveryWeeks {
        /// Weeks between reviews.
        weeks: u32,
    },
    /// By band: red, amber and green risks every so many months.
    ByBand {
        /// Months between reviews of a red risk. The roles framework: 3.
        red_months: u32,
        /// Months between reviews of an amber risk. The roles framework: 6.
        amber_months: u32,
        /// Months between reviews of a green risk. The roles framework: 12.
        green_months: u32,
    },
}

impl ReviewCycle {
    /// The roles framework's cycle: red quarterly, amber half-yearly, green annually.
    pub const BY_BAND: ReviewCycle = ReviewCycle::ByBand {
        red_months: 3,
        amber_months: 6,
        green_months: 12,
    };

    /// The date the next review is due after one on `last`, for a risk in `band`.
    pub fn next_due(self, last: NaiveDate, band: RagStatus) -> NaiveDate {
        match self {
            ReviewCycle::EveryWeeks { weeks } => last + chrono::Days::new(7 * u64::from(weeks)),
            ReviewCycle::ByBand {
                red_months,
                amber_months,
                green_months,
            } => {
                let months = match band {
                    RagStatus::Red => red_months,
                    RagStatus::Amber => amber_months,
                    RagStatus::Green => green_months,
                };
                last.checked_add_months(Months::new(months))
                    .unwrap_or(NaiveDate::MAX)
            }
        }
    }
}

/// The risk settings of a framework.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RiskSettings {
    /// Score bands.
    pub bands: RiskBands,
    /// Review cycle of strategic risks. Default every eight weeks.
    pub strategic_review: ReviewCycle,
    /// Review cycle of directorate risks. Default by band.
    pub directorate_review: ReviewCycle,
    /// Review cycle of operational risks. Default by band.
    pub operational_review: ReviewCycle,
}

impl Default for RiskSettings {
    fn default() -> Self {
        Self {
            bands: RiskBands::default(),
            strategic_review: ReviewCycle::EveryWeeks { weeks: 8 },
            directorate_review: ReviewCycle::BY_BAND,
            operational_review: ReviewCycle::BY_BAND,
        }
    }
}

impl RiskSettings {
    /// The review cycle of a level.
    pub fn cycle(&self, level: RiskLevel) -> ReviewCycle {
        match level {
            RiskLevel::Strategic => self.strategic_review,
            RiskLevel::Directorate => self.directorate_review,
            RiskLevel::Operational => self.operational_review,
        }
    }
}

/// A recorded review of a risk.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskReview {
    /// When it was reviewed.
    pub date: NaiveDate,
    /// Who reviewed it.
    pub by: String,
    /// What was concluded.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The residual assessment after the review.
    pub residual: RiskAssessment,
}

/// A risk on a register.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    /// Stable id.
    pub id: RiskId,
    /// A short title.
    pub title: String,
    /// Cause, event and effect.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The register it is on.
    pub level: RiskLevel,
    /// The directorate whose register holds it (none for the strategic register).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub directorate: Option<DirectorateId>,
    /// The risk owner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<PersonId>,
    /// Before any mitigation.
    pub inherent: RiskAssessment,
    /// Now, with the mitigations in place.
    pub residual: RiskAssessment,
    /// Where the council aims to bring it.
    pub target: RiskAssessment,
    /// What is being done about it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mitigations: Vec<String>,
    /// When it must be escalated, and when it can be accepted as business as usual (the 2020 PMF refresh).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub escalation_criteria: String,
    /// When it was first recorded.
    pub opened: NaiveDate,
    /// Reviews, oldest first; the latest sets the next due date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<RiskReview>,
    /// KPIs whose performance bears on it (a red KPI is itself a risk to delivery).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kpis: Vec<KpiId>,
    /// Ambitions it threatens.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ambitions: Vec<AmbitionId>,
    /// When it was closed, if it has been.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<NaiveDate>,
}

/// Where a risk stands against its review cycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewStatus {
    /// Not due yet.
    DueIn {
        /// Days until due (0 = due today).
        days: i64,
        /// The due date.
        due: NaiveDate,
    },
    /// Past its due date.
    Overdue {
        /// Days past due.
        days: i64,
        /// The due date.
        due: NaiveDate,
    },
}

impl Risk {
    /// The band of the current (residual) score.
    pub fn band(&self, settings: &RiskSettings) -> RagStatus {
        settings.bands.band(self.residual.score())
    }

    /// The date of the last review, or the date the risk was opened.
    pub fn last_reviewed(&self) -> NaiveDate {
        self.reviews
            .last()
            .map_or(self.opened, |review| review.date)
    }

    /// When the next review is due: the cycle's date, moved on to the next working day when it falls on a
    /// weekend or one of the framework's bank holidays.
    pub fn next_review_due(&self, framework: &Framework) -> NaiveDate {
        let settings = &framework.risk;
        let due = settings
            .cycle(self.level)
            .next_due(self.last_reviewed(), self.band(settings));
        framework.calendar.working_day_from(due)
    }

    /// Where the risk stands against its review cycle on `today`.
    pub fn review_status(&self, framework: &Framework, today: NaiveDate) -> ReviewStatus {
        let due = self.next_review_due(framework);
        let days = (due - today).num_days();
        if days < 0 {
            ReviewStatus::Overdue { days: -days, due }
        } else {
            ReviewStatus::DueIn { days, due }
        }
    }

    /// Records a review: the history keeps it and the residual assessment takes its scores.
    pub fn record_review(&mut self, review: RiskReview) {
        self.residual = review.residual;
        self.reviews.push(review);
        self.reviews.shared_sort_by_key(|r| r.date);
    }
}

impl fmt::Display for RiskAssessment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "likelihood {} × impact {} = {}",
            self.likelihood.0,
            self.impact.0,
            self.score()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn assessment(likelihood: u8, impact: u8) -> RiskAssessment {
        RiskAssessment::new(likelihood, impact).unwrap()
    }

    #[test]
    fn bands_must_leave_each_of_green_amber_and_red_some_scores() {
        assert_eq!(RiskBands::default().check(), Ok(()));
        for (green_max, amber_max) in [(0, 12), (6, 6), (12, 8), (6, 25)] {
            assert!(
                RiskBands {
                    green_max,
                    amber_max
                }
                .check()
                .is_err(),
                "{green_max}/{amber_max}"
            );
        }
        let narrow = RiskBands {
            green_max: 4,
            amber_max: 9,
        };
        assert_eq!(narrow.check(), Ok(()));
        assert_eq!(
            (
                narrow.band(4),
                narrow.band(5),
                narrow.band(9),
                narrow.band(10)
            ),
            (
                RagStatus::Green,
                RagStatus::Amber,
                RagStatus::Amber,
                RagStatus::Red
            )
        );
    }

    fn risk(level: RiskLevel, residual: RiskAssessment) -> Risk {
        Risk {
            id: RiskId::new("r1").unwrap(),
            title: "Adult social care market fragility".to_owned(),
            description: String::new(),
            level,
            directorate: None,
            owner: None,
            inherent: assessment(5, 5),
            residual,
            target: assessment(2, 3),
            mitigations: vec![],
            escalation_criteria: String::new(),
            opened: day("2024-04-01"),
            reviews: vec![],
            kpis: vec![],
            ambitions: vec![],
            closed: None,
        }
    }

    #[test]
    fn the_score_is_likelihood_times_impact() {
        assert_eq!(assessment(4, 5).score(), 20);
        assert_eq!(assessment(4, 5).to_string(), "likelihood 4 × impact 5 = 20");
        assert_eq!(RiskAssessment::new(0, 3), None);
        assert_eq!(RiskAssessment::new(3, 6), None);
        let error =
            serde_json::from_str::<RiskAssessment>(r#"{"likelihood":6,"impact":2}"#).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("must be a whole number from 1 to 5; found 6"),
            "{error}"
        );
    }

    #[test]
    fn default_bands_are_1_to_6_green_8_to_12_amber_15_to_25_red() {
        let bands = RiskBands::default();
        for (score, band) in [
            (1, RagStatus::Green),
            (6, RagStatus::Green),
            (8, RagStatus::Amber),
            (12, RagStatus::Amber),
            (15, RagStatus::Red),
            (25, RagStatus::Red),
        ] {
            assert_eq!(bands.band(score), band, "score {score}");
        }
    }

    /// The default framework: the default review cycles and no bank holidays.
    fn framework() -> Framework {
        Framework::new(
            "Testshire",
            crate::domain::basics::period::FinancialYear::starting(2024).unwrap(),
        )
    }

    #[test]
    fn operational_reviews_red_quarterly_amber_half_yearly_green_annually() {
        let framework = framework();
        let red = risk(RiskLevel::Operational, assessment(4, 4));
        assert_eq!(red.next_review_due(&framework), day("2024-07-01"));
        let amber = risk(RiskLevel::Operational, assessment(3, 3));
        assert_eq!(amber.next_review_due(&framework), day("2024-10-01"));
        let green = risk(RiskLevel::Directorate, assessment(1, 5));
        assert_eq!(green.next_review_due(&framework), day("2025-04-01"));
    }

    #[test]
    fn strategic_risks_are_reviewed_every_eight_weeks_on_a_working_day() {
        let strategic = risk(RiskLevel::Strategic, assessment(1, 1));
        // Opened Monday 1 April 2024: eight weeks on is Monday 27 May 2024.
        assert_eq!(strategic.next_review_due(&framework()), day("2024-05-27"));
        // That Monday is the spring bank holiday in England: the review falls on Tuesday 28 May.
        let mut with_holiday = framework();
        with_holiday.calendar.bank_holidays = vec![day("2024-05-27")];
        assert_eq!(strategic.next_review_due(&with_holiday), day("2024-05-28"));
    }

    #[test]
    fn a_review_resets_the_clock_and_keeps_the_history() {
        let framework = framework();
        let settings = framework.risk;
        let mut red = risk(RiskLevel::Operational, assessment(4, 4));
        assert_eq!(
            red.review_status(&framework, day("2024-07-11")),
            ReviewStatus::Overdue {
                days: 10,
                due: day("2024-07-01")
            }
        );
        red.record_review(RiskReview {
            date: day("2024-07-11"),
            by: "Director of Adults".to_owned(),
            note: "New framework contract in place".to_owned(),
            residual: assessment(3, 3),
        });
        assert_eq!(red.band(&settings), RagStatus::Amber);
        assert_eq!(red.reviews.len(), 1);
        // Amber: six months from Thursday 11 July 2024 is Saturday 11 January 2025; the review falls on the
        // Monday, 13 January, 186 days on.
        assert_eq!(
            red.review_status(&framework, day("2024-07-11")),
            ReviewStatus::DueIn {
                days: 186,
                due: day("2025-01-13")
            }
        );
    }

    #[test]
    fn month_ends_roll_back_to_the_last_day_of_a_shorter_month() {
        assert_eq!(
            ReviewCycle::BY_BAND.next_due(day("2024-11-30"), RagStatus::Red),
            day("2025-02-28")
        );
    }
}
