//! An element built with DOM calls rather than the view macro, placed in a view as it is.

use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::view::{Position, PositionState, Render, RenderHtml};
use send_wrapper::SendWrapper;
use web_sys::Element;

/// An element built with DOM calls, for a view. Its one use, the clip, is built by a few
/// lines of JavaScript: a typed view or a directive costs the widget more than the player.
/// Client-side only: the widget never renders on a server.
pub struct DomNode(SendWrapper<Element>);

impl DomNode {
    /// `element`, for a view.
    pub fn new(element: Element) -> DomNode {
        DomNode(SendWrapper::new(element))
    }
}

impl Render for DomNode {
    type State = Element;

    fn build(self) -> Element {
        self.0.take()
    }

    fn rebuild(self, state: &mut Element) {
        use leptos::tachys::view::Mountable;
        let mut element = self.0.take();
        if element != *state {
            state.insert_before_this(&mut element);
            state.unmount();
            *state = element;
        }
    }
}

leptos::tachys::no_attrs!(DomNode);

impl RenderHtml for DomNode {
    type AsyncOutput = Self;
    type Owned = Self;
    const MIN_LENGTH: usize = 0;

    fn dry_resolve(&mut self) {}

    async fn resolve(self) -> Self {
        self
    }

    fn to_html_with_buf(
        self,
        _buf: &mut String,
        _position: &mut Position,
        _escape: bool,
        _mark_branches: bool,
        _extra_attrs: Vec<AnyAttribute>,
    ) {
    }

    fn hydrate<const FROM_SERVER: bool>(
        self,
        _cursor: &Cursor,
        _position: &PositionState,
    ) -> Element {
        self.0.take()
    }

    fn into_owned(self) -> Self {
        self
    }
}
