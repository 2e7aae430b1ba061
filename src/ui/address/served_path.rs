//! Where the app is served from: the root of its host, or a sub-path such as `/pmf/` on a council's own web
//! server. The router matches addresses below it; every link the app draws must start with it.

use std::sync::OnceLock;

static SERVED_UNDER: OnceLock<String> = OnceLock::new();

/// `path` (an app address such as `/risks?review=r1`) under `base` (`""` or `/pmf`); anything that is not
/// an absolute address (a `#fragment`) is left as it is.
pub fn with_base(base: &str, path: &str) -> String {
    if path.starts_with('/') {
        format!("{base}{path}")
    } else {
        path.to_owned()
    }
}

/// The path the app is served under, without its trailing slash (`""` at the root), read once from the
/// page's `<base href>`, where Trunk writes the build's public URL; a page with no `<base>` is at the root.
pub fn served_under() -> &'static str {
    SERVED_UNDER.get_or_init(|| {
        let window = web_sys::window();
        let origin = window.as_ref().and_then(|w| w.location().origin().ok());
        window
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("base[href]").ok().flatten())
            .and_then(|base| base.get_attribute("href"))
            .zip(origin)
            .and_then(|(href, origin)| web_sys::Url::new_with_base(&href, &origin).ok())
            .map(|url| url.pathname().trim_end_matches('/').to_owned())
            .unwrap_or_default()
    })
}

/// An app address as a link's `href`: under the path the app is served from.
pub fn link(path: &str) -> String {
    with_base(served_under(), path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_go_under_the_base_and_fragments_stay() {
        assert_eq!(with_base("", "/risks?review=r1"), "/risks?review=r1");
        assert_eq!(
            with_base("/pmf", "/risks?review=r1"),
            "/pmf/risks?review=r1"
        );
        assert_eq!(with_base("/pmf", "/"), "/pmf/");
        assert_eq!(with_base("/pmf", "#entry-value"), "#entry-value");
    }
}
