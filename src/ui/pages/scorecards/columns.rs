//! The scorecard's columns and which of them are shown. The Cambridgeshire PMF's Appendix C has thirteen, and
//! the app adds the Making Data Count icons and the forecast: fifteen columns do not fit a laptop or a tablet.
//! By default the table shows the columns a meeting reads (the KPI, its target, this period's figure, the
//! change, the RAG, the trend and the commentary); a person can show any other, or all, and the choice is in
//! the address. The CSV always has every column. Plain Rust, tested natively.

use crate::domain::scorecard::filter::SortColumn;
use crate::ui::address::value_code::code;

/// A column of the scorecard table: one a scorecard can be sorted by, or one that sorts nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScorecardColumn {
    /// A column whose heading sorts the table by it.
    Sorted(SortColumn),
    /// The Making Data Count icons.
    Spc,
    /// The commentary.
    Commentary,
}

use ScorecardColumn::{Commentary, Sorted, Spc};

impl ScorecardColumn {
    /// Every column, in the table's order (Appendix C's, with the icons and the forecast before the
    /// commentary).
    pub const ALL: [Self; 15] = [
        Sorted(SortColumn::Perspective),
        Sorted(SortColumn::Kpi),
        Sorted(SortColumn::Category),
        Sorted(SortColumn::Frequency),
        Sorted(SortColumn::LastUpdated),
        Sorted(SortColumn::Target),
        Sorted(SortColumn::Direction),
        Sorted(SortColumn::Current),
        Sorted(SortColumn::Previous),
        Sorted(SortColumn::Change),
        Sorted(SortColumn::Rag),
        Sorted(SortColumn::Trend),
        Spc,
        Sorted(SortColumn::Forecast),
        Commentary,
    ];

    /// The column's heading.
    pub const fn heading(self) -> &'static str {
        match self {
            Sorted(SortColumn::Perspective) => "Perspective",
            Sorted(SortColumn::Kpi) => "KPI",
            Sorted(SortColumn::Category) => "Metric category",
            Sorted(SortColumn::Frequency) => "Reporting frequency",
            Sorted(SortColumn::LastUpdated) => "Last updated",
            Sorted(SortColumn::Target) => "Target",
            Sorted(SortColumn::Direction) => "Direction for improvement",
            Sorted(SortColumn::Current) => "Performance (current period)",
            Sorted(SortColumn::Previous) => "Performance (previous period)",
            Sorted(SortColumn::Change) => "Change in performance",
            Sorted(SortColumn::Rag) => "RAG rating",
            Sorted(SortColumn::Trend) => "Trend analysis",
            Sorted(SortColumn::Forecast) => "Forecast RAG (year end)",
            Sorted(SortColumn::Register) => "Register order",
            Spc => "Variation and assurance (SPC)",
            Commentary => "Comments / commentary",
        }
    }

    /// The sort its heading chooses (none for the icons and the commentary).
    pub const fn sort(self) -> Option<SortColumn> {
        match self {
            Sorted(sort) => Some(sort),
            Spc | Commentary => None,
        }
    }

    /// The column's word in the address: its sort's word, or "spc" or "commentary".
    pub fn code(self) -> String {
        match self {
            Sorted(sort) => code(&sort).unwrap_or_default(),
            Spc => "spc".to_owned(),
            Commentary => "commentary".to_owned(),
        }
    }

    /// Shown whatever is chosen: the KPI names the row and the RAG is what a scorecard is for.
    pub const fn always_shown(self) -> bool {
        matches!(self, Sorted(SortColumn::Kpi | SortColumn::Rag))
    }

    /// Shown until a person chooses otherwise.
    const fn shown_by_default(self) -> bool {
        matches!(
            self,
            Sorted(
                SortColumn::Kpi
                    | SortColumn::Target
                    | SortColumn::Current
                    | SortColumn::Change
                    | SortColumn::Rag
                    | SortColumn::Trend
            ) | Commentary
        )
    }
}

/// The columns a scorecard shows, in the table's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownColumns(Vec<ScorecardColumn>);

impl Default for ShownColumns {
    fn default() -> Self {
        Self::keeping(|c| c.shown_by_default())
    }
}

impl ShownColumns {
    fn keeping(keep: impl Fn(ScorecardColumn) -> bool) -> Self {
        Self(
            ScorecardColumn::ALL
                .into_iter()
                .filter(|c| c.always_shown() || keep(*c))
                .collect(),
        )
    }

    /// Every column.
    pub fn all() -> Self {
        Self::keeping(|_| true)
    }

    /// The columns an address names (`cols=target.current.rag`, or `all`); words it does not know are ignored.
    pub fn from_code(text: &str) -> Self {
        if text == "all" {
            return Self::all();
        }
        let named: Vec<&str> = text.split('.').collect();
        Self::keeping(|c| named.contains(&c.code().as_str()))
    }

    /// The address's word for these columns; `None` for the default.
    pub fn code(&self) -> Option<String> {
        if *self == Self::default() {
            None
        } else if *self == Self::all() {
            Some("all".to_owned())
        } else {
            Some(
                self.0
                    .iter()
                    .map(|c| c.code())
                    .collect::<Vec<_>>()
                    .join("."),
            )
        }
    }

    /// The columns, in order.
    pub fn columns(&self) -> &[ScorecardColumn] {
        &self.0
    }

    /// Whether `column` is shown.
    pub fn shows(&self, column: ScorecardColumn) -> bool {
        self.0.contains(&column)
    }

    /// These columns with `column` shown if it was hidden, hidden if it was shown (never one always shown).
    pub fn toggled(&self, column: ScorecardColumn) -> Self {
        Self::keeping(|c| {
            if c == column {
                !self.shows(c)
            } else {
                self.shows(c)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_shows_what_a_meeting_reads_and_the_address_says_only_a_change() {
        let shown = ShownColumns::default();
        let headings: Vec<&str> = shown.columns().iter().map(|c| c.heading()).collect();
        assert_eq!(
            headings,
            [
                "KPI",
                "Target",
                "Performance (current period)",
                "Change in performance",
                "RAG rating",
                "Trend analysis",
                "Comments / commentary"
            ]
        );
        assert_eq!(shown.code(), None);
        assert_eq!(ShownColumns::all().columns().len(), 15);
        assert_eq!(ShownColumns::all().code().as_deref(), Some("all"));
    }

    #[test]
    fn a_choice_reads_back_from_its_address_and_keeps_the_kpi_and_rag() {
        let chosen = ShownColumns::default()
            .toggled(Sorted(SortColumn::Perspective))
            .toggled(Commentary)
            .toggled(Sorted(SortColumn::Rag));
        let code = chosen.code().unwrap();
        assert_eq!(code, "perspective.kpi.target.current.change.rag.trend");
        assert_eq!(ShownColumns::from_code(&code), chosen);
        assert!(
            chosen.shows(Sorted(SortColumn::Rag)),
            "the RAG cannot be hidden"
        );
        assert_eq!(
            ShownColumns::from_code("nonsense").columns(),
            [Sorted(SortColumn::Kpi), Sorted(SortColumn::Rag)]
        );
    }
}
