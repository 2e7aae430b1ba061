//! Offline use: registers the service worker (`src/service-worker.js`, copied into the build), which keeps the
//! app's files so it opens with no network after the first visit, and reports when a new release has been
//! downloaded and is waiting, so the page can offer to reload into it. Release builds only: during
//! development a worker would keep serving the previous build.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

use crate::ui::address::served_path::link;

/// The worker's address under the app's base.
const WORKER: &str = "/service-worker.js";

/// The browser's service workers, if it offers them here: a page served over plain `http://` from a host other
/// than this machine has none (`navigator.serviceWorker` is undefined), and the app then works online only.
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let container = js_sys::Reflect::get(&navigator, &"serviceWorker".into()).ok()?;
    (!container.is_undefined() && !container.is_null()).then(|| container.unchecked_into())
}

/// Whether a page is already controlled by a worker (a waiting worker is then an update, not the first).
fn controlled() -> bool {
    container().and_then(|c| c.controller()).is_some()
}

/// Sets `waiting` when `registration` has, or comes to have, a new release installed and waiting.
fn watch(
    registration: &ServiceWorkerRegistration,
    waiting: RwSignal<Option<ServiceWorkerRegistration>>,
) {
    if registration.waiting().is_some() && controlled() {
        waiting.set(Some(registration.clone()));
    }
    let found = registration.clone();
    let on_update_found = Closure::<dyn FnMut()>::new(move || {
        let Some(installing) = found.installing() else {
            return;
        };
        let registration = found.clone();
        let worker = installing.clone();
        let on_state = Closure::<dyn FnMut()>::new(move || {
            if worker.state() == ServiceWorkerState::Installed && controlled() {
                waiting.set(Some(registration.clone()));
            }
        });
        installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        // The handler lives as long as the worker it watches, which is as long as the page.
        on_state.forget();
    });
    registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    on_update_found.forget();
}

/// Registers the worker and returns a signal holding the registration while a new release waits.
pub fn register() -> RwSignal<Option<ServiceWorkerRegistration>> {
    let waiting = RwSignal::new(None);
    if cfg!(debug_assertions) {
        return waiting;
    }
    let Some(container) = container() else {
        web_sys::console::warn_1(
            &"Offline use is not available: this browser offers no service workers here.".into(),
        );
        return waiting;
    };
    let promise = container.register(&link(WORKER));
    leptos::task::spawn_local(async move {
        match JsFuture::from(promise).await {
            Ok(registration) => watch(&registration.unchecked_into(), waiting),
            // Without a worker the app still works online; the console says why it could not register.
            Err(error) => web_sys::console::warn_2(&"Offline use is not available:".into(), &error),
        }
    });
    waiting
}

/// Moves the page to the waiting release: the worker takes over, then the page reloads once it has.
pub fn update(registration: &ServiceWorkerRegistration) {
    let Some(container) = container() else {
        return;
    };
    let reload = Closure::<dyn FnMut()>::new(move || {
        if let Some(window) = web_sys::window() {
            // A failed reload leaves the page as it is; the person can reload by hand.
            let _ = window.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    if let Some(worker) = registration.waiting() {
        // A failed message leaves the new release waiting until every tab of the app is closed.
        let _ = worker.post_message(&"take-over".into());
    }
}
