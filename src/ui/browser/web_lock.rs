//! The Web Locks API (`navigator.locks`), so two tabs never save at the same moment. Read through
//! `js_sys::Reflect`: browsers without it (older Safari) run the work at once instead.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// Runs `work` while holding the lock called `name`, shared by every tab of this site; at once where the
/// browser has no Web Locks. `work` is synchronous, so the lock is held for exactly as long as it runs.
pub fn with_web_lock(name: &str, work: impl FnOnce() + 'static) {
    let work = Rc::new(Cell::new(Some(work)));
    let run = {
        let work = Rc::clone(&work);
        move || {
            if let Some(work) = work.take() {
                work();
            }
        }
    };
    let requested = web_sys::window().is_some_and(|window| {
        let locks = js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("locks"))
            .ok()
            .filter(|locks| locks.is_object());
        let request = locks.as_ref().and_then(|locks| {
            js_sys::Reflect::get(locks, &JsValue::from_str("request"))
                .ok()?
                .dyn_into::<js_sys::Function>()
                .ok()
        });
        match (locks, request) {
            (Some(locks), Some(request)) => {
                let callback = Closure::once_into_js(move |_lock: JsValue| run());
                request
                    .call2(&locks, &JsValue::from_str(name), &callback)
                    .is_ok()
            }
            _ => false,
        }
    });
    if !requested && let Some(work) = work.take() {
        work();
    }
}
