//! A KPI's name as a link to its page: how every table names a KPI.

use leptos::prelude::*;

use crate::ui::address::served_path::link;
use crate::ui::routes::kpi_path;

/// The link to the page of the KPI with id `id`, reading `name`.
pub fn kpi_link(id: &str, name: String) -> AnyView {
    view! { <a href=link(&kpi_path(id))>{name}</a> }.into_any()
}
