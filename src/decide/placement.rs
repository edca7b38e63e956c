//! Where a beacon sits beside its anchor: pure geometry, so it is tested natively.
//!
//! A beacon marks the top-right corner of its feature. Near the viewport's right or top edge
//! it flips to the left or bottom corner, so it is never cut off.

/// A rectangle in viewport coordinates (CSS pixels), as `getBoundingClientRect` gives it.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    /// Distance from the viewport's left edge, in CSS pixels.
    pub left: f64,
    /// Distance from the viewport's top edge, in CSS pixels.
    pub top: f64,
    /// Width in CSS pixels.
    pub width: f64,
    /// Height in CSS pixels.
    pub height: f64,
}

impl Rect {
    /// The right edge, in CSS pixels from the viewport's left.
    pub fn right(&self) -> f64 {
        self.left + self.width
    }
    /// The bottom edge, in CSS pixels from the viewport's top.
    pub fn bottom(&self) -> f64 {
        self.top + self.height
    }
}

/// `x` kept within `low..=high`, `low` winning when the range is empty. Not `f64::clamp`:
/// its panic message prints floats, which brings Rust's float printer (12 KB) into the wasm.
fn within(x: f64, low: f64, high: f64) -> f64 {
    x.min(high).max(low)
}

/// `x` written to `places` decimals, trailing zeros dropped, in integer arithmetic: Rust's
/// float printer would cost the wasm 12 KB for this alone.
fn decimal(x: f64, places: u32) -> String {
    let unit = 10u64.pow(places);
    let scaled = (x * unit as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let n = scaled.unsigned_abs();
    let (whole, mut fraction, mut digits) = (n / unit, n % unit, places as usize);
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    while fraction % 10 == 0 {
        fraction /= 10;
        digits -= 1;
    }
    format!("{sign}{whole}.{fraction:0digits$}")
}

/// A length in CSS pixels, to a hundredth of a pixel.
pub fn px(x: f64) -> String {
    decimal(x, 2) + "px"
}

/// The CSS transform that moves an element's top-left corner to (`x`, `y`).
pub fn translate(x: f64, y: f64) -> String {
    format!("translate({},{})", px(x), px(y))
}

/// The part of the page on screen: the visual viewport, in CSS pixels from the layout
/// viewport's corner (where `position: fixed` and `getBoundingClientRect` measure from), and
/// its pinch-zoom scale. On a phone the two differ: a page wider than the screen widens the
/// layout viewport past the screen's edge, pinch zoom and the on-screen keyboard shrink the
/// visual one.
///
/// The widget draws into one layer laid over this area and counter-scaled, so it keeps its
/// size on screen whatever the zoom: everything the widget places is in the layer's pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Visible {
    left: f64,
    top: f64,
    width: f64,
    height: f64,
    scale: f64,
}

impl Visible {
    /// A scale the browser cannot mean (zero, negative, not a number) counts as 1.
    pub fn new(left: f64, top: f64, width: f64, height: f64, scale: f64) -> Visible {
        let scale = if scale > 0.0 && scale.is_finite() {
            scale
        } else {
            1.0
        };
        Visible {
            left,
            top,
            width,
            height,
            scale,
        }
    }

    /// The layer's width in its own pixels, which are the screen's.
    pub fn layer_width(&self) -> f64 {
        self.width * self.scale
    }

    /// The layer's height in its own pixels, which are the screen's.
    pub fn layer_height(&self) -> f64 {
        self.height * self.scale
    }

    /// A box on the page, as `getBoundingClientRect` gives it, in the layer's pixels.
    pub fn to_layer(&self, r: Rect) -> Rect {
        Rect {
            left: (r.left - self.left) * self.scale,
            top: (r.top - self.top) * self.scale,
            width: r.width * self.scale,
            height: r.height * self.scale,
        }
    }

    /// The layer's CSS transform: onto the visible area, then shrunk by the zoom. Four
    /// decimals: at a 3× zoom, two would leave the layer 1% (4 px) short of the edge.
    pub fn layer_transform(&self) -> String {
        format!(
            "translate({},{}) scale({})",
            px(self.left),
            px(self.top),
            decimal(1.0 / self.scale, 4)
        )
    }
}

/// Where the beacon goes: its top-left corner, and which way it flipped.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BeaconSpot {
    /// The Beacon's left edge, from the viewport's left.
    pub x: f64,
    /// The Beacon's top edge, from the viewport's top.
    pub y: f64,
    /// The Beacon moved to the Anchor's left corner, as the right one had no room.
    pub flipped_x: bool,
    /// The Beacon moved to the Anchor's bottom corner, as the top one had no room.
    pub flipped_y: bool,
}

/// Keeps beacons this far inside the viewport.
const MARGIN: f64 = 4.0;

/// The spot for a beacon of `size` px on `anchor`, or `None` when the anchor has no box or
/// is wholly outside the viewport.
pub fn beacon_spot(
    anchor: Rect,
    viewport_width: f64,
    viewport_height: f64,
    size: f64,
) -> Option<BeaconSpot> {
    let outside = anchor.right() <= 0.0
        || anchor.bottom() <= 0.0
        || anchor.left >= viewport_width
        || anchor.top >= viewport_height;
    if anchor.width <= 0.0 || anchor.height <= 0.0 || outside {
        return None;
    }
    let half = size / 2.0;
    let mut x = anchor.right() - half;
    let mut y = anchor.top - half;
    let flipped_x = x + size > viewport_width - MARGIN;
    if flipped_x {
        x = anchor.left - half;
    }
    let flipped_y = y < MARGIN;
    if flipped_y {
        y = anchor.bottom() - half;
    }
    Some(BeaconSpot {
        x: within(x, MARGIN, viewport_width - size - MARGIN),
        y: within(y, MARGIN, viewport_height - size - MARGIN),
        flipped_x,
        flipped_y,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(left: f64, top: f64, width: f64, height: f64) -> Rect {
        Rect {
            left,
            top,
            width,
            height,
        }
    }

    #[test]
    fn sits_on_the_top_right_corner() {
        let spot = beacon_spot(rect(100.0, 200.0, 80.0, 30.0), 1280.0, 800.0, 16.0).unwrap();
        assert_eq!(
            (spot.x, spot.y, spot.flipped_x, spot.flipped_y),
            (172.0, 192.0, false, false)
        );
    }

    #[test]
    fn flips_left_at_the_right_edge_and_down_at_the_top() {
        let spot = beacon_spot(rect(1200.0, 2.0, 78.0, 30.0), 1280.0, 800.0, 16.0).unwrap();
        assert!(spot.flipped_x && spot.flipped_y);
        assert_eq!((spot.x, spot.y), (1192.0, 24.0));
    }

    #[test]
    fn no_spot_without_a_box_or_outside_the_viewport() {
        assert_eq!(
            beacon_spot(rect(10.0, 10.0, 0.0, 0.0), 800.0, 600.0, 16.0),
            None
        );
        assert_eq!(
            beacon_spot(rect(10.0, 700.0, 50.0, 20.0), 800.0, 600.0, 16.0),
            None
        );
        assert_eq!(
            beacon_spot(rect(-90.0, 10.0, 50.0, 20.0), 800.0, 600.0, 16.0),
            None
        );
    }
}

/// Where a lesson card sits relative to its feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardSide {
    /// Under the feature, the first choice.
    Below,
    /// Over the feature, when there is no room below.
    Above,
    /// Beside the feature, after it in the reading direction of the page (its right).
    Right,
    /// Beside the feature, before it in the reading direction of the page (its left).
    Left,
    /// On a narrow screen: a sheet along the bottom edge...
    SheetBottom,
    /// ...or along the top edge when the bottom one would cover the feature.
    SheetTop,
}

/// The card's top-left corner and side.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CardSpot {
    /// The card's left edge, from the viewport's left.
    pub x: f64,
    /// The card's top edge, from the viewport's top.
    pub y: f64,
    /// Which side of the feature the card is on, for its arrow.
    pub side: CardSide,
}

/// The size of a beacon, in the layer's pixels. 24: the least a touch target may be
/// (WCAG 2.5.8). build.rs writes it, [`NARROW`] and [`SHORT`] into the stylesheets where
/// they say `{{NAME}}px`, so the code and the CSS cannot drift apart.
pub const BEACON_SIZE: f64 = 24.0;

/// Below this width, or this height (a phone in landscape), the card becomes a sheet.
pub const NARROW: f64 = 640.0;
/// The height under which a card becomes a sheet, as [`NARROW`] says.
pub const SHORT: f64 = 480.0;
const GAP: f64 = 10.0;

/// Whether cards on a screen this size are sheets along its edge.
pub fn sheets(viewport_width: f64, viewport_height: f64) -> bool {
    viewport_width < NARROW || viewport_height < SHORT
}

/// The spot for a `width`×`height` card beside `anchor`: below it if it fits, else above,
/// else to its right or left; on phones a sheet that never covers the anchor, nor
/// the field the learner is typing in (`focused`), when it has the room.
pub fn card_spot(
    anchor: Rect,
    focused: Option<Rect>,
    width: f64,
    height: f64,
    viewport_width: f64,
    viewport_height: f64,
) -> CardSpot {
    if sheets(viewport_width, viewport_height) {
        let side = sheet_side(anchor, focused, height, viewport_height);
        let y = if side == CardSide::SheetTop {
            0.0
        } else {
            (viewport_height - height).max(0.0)
        };
        return CardSpot { x: 0.0, y, side };
    }
    let max_x = (viewport_width - width - MARGIN).max(MARGIN);
    let max_y = (viewport_height - height - MARGIN).max(MARGIN);
    let x = within(anchor.left, MARGIN, max_x);
    if anchor.bottom() + GAP + height <= viewport_height - MARGIN {
        return CardSpot {
            x,
            y: (anchor.bottom() + GAP).max(MARGIN),
            side: CardSide::Below,
        };
    }
    if anchor.top - GAP - height >= MARGIN {
        return CardSpot {
            x,
            y: anchor.top - GAP - height,
            side: CardSide::Above,
        };
    }
    let y = within(anchor.top, MARGIN, max_y);
    if anchor.right() + GAP + width <= viewport_width - MARGIN {
        return CardSpot {
            x: anchor.right() + GAP,
            y,
            side: CardSide::Right,
        };
    }
    if anchor.left - GAP - width >= MARGIN {
        return CardSpot {
            x: anchor.left - GAP - width,
            y,
            side: CardSide::Left,
        };
    }
    // Nothing fits beside a feature this large: below, as far as the viewport allows.
    CardSpot {
        x,
        y: max_y,
        side: CardSide::Below,
    }
}

/// Along the bottom edge, unless that covers more than the top edge would: of the field the
/// learner is typing in first (what they type must stay in sight above the keyboard), then of
/// the feature.
fn sheet_side(anchor: Rect, focused: Option<Rect>, height: f64, viewport_height: f64) -> CardSide {
    // How much of `r`, as far as it is on screen, lies between `from` and `to`.
    let within_band = |r: Rect, from: f64, to: f64| {
        (r.bottom().min(to).min(viewport_height) - r.top.max(from).max(0.0)).max(0.0)
    };
    let covered = |from: f64, to: f64| {
        (
            focused.map_or(0.0, |f| within_band(f, from, to)),
            within_band(anchor, from, to),
        )
    };
    let bottom_edge = (viewport_height - height).max(0.0);
    if covered(0.0, height) < covered(bottom_edge, viewport_height) {
        CardSide::SheetTop
    } else {
        CardSide::SheetBottom
    }
}

#[cfg(test)]
mod card_tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn lengths_are_written_to_a_hundredth_of_a_pixel() {
        assert_eq!(px(12.0), "12px");
        assert_eq!(px(-3.5), "-3.5px");
        assert_eq!(px(0.125), "0.13px");
        assert_eq!(px(-0.004), "0px");
        assert_eq!(translate(10.05, -7.0), "translate(10.05px,-7px)");
    }

    fn overlaps(a: Rect, b: Rect) -> bool {
        a.left < b.right() && b.left < a.right() && a.top < b.bottom() && b.top < a.bottom()
    }

    #[test]
    fn prefers_below_then_above_then_beside() {
        let card = (380.0, 300.0);
        let below = card_spot(
            Rect {
                left: 100.0,
                top: 100.0,
                width: 120.0,
                height: 40.0,
            },
            None,
            card.0,
            card.1,
            1280.0,
            800.0,
        );
        assert_eq!((below.side, below.y), (CardSide::Below, 150.0));
        let above = card_spot(
            Rect {
                left: 100.0,
                top: 600.0,
                width: 120.0,
                height: 40.0,
            },
            None,
            card.0,
            card.1,
            1280.0,
            800.0,
        );
        assert_eq!((above.side, above.y), (CardSide::Above, 290.0));
        let tall = card_spot(
            Rect {
                left: 100.0,
                top: 250.0,
                width: 120.0,
                height: 300.0,
            },
            None,
            card.0,
            card.1,
            1280.0,
            800.0,
        );
        assert_eq!((tall.side, tall.x), (CardSide::Right, 230.0));
    }

    #[test]
    fn a_sheet_on_a_phone_moves_to_the_top_rather_than_cover_its_anchor() {
        let low = card_spot(
            Rect {
                left: 20.0,
                top: 700.0,
                width: 100.0,
                height: 40.0,
            },
            None,
            390.0,
            320.0,
            390.0,
            844.0,
        );
        assert_eq!(low.side, CardSide::SheetTop);
        let high = card_spot(
            Rect {
                left: 20.0,
                top: 100.0,
                width: 100.0,
                height: 40.0,
            },
            None,
            390.0,
            320.0,
            390.0,
            844.0,
        );
        assert_eq!((high.side, high.y), (CardSide::SheetBottom, 524.0));
    }

    #[test]
    fn the_layer_lies_over_the_visible_area_and_undoes_the_zoom() {
        let zoomed = Visible::new(100.0, 250.5, 180.0, 370.0, 2.0);
        assert_eq!(
            zoomed.layer_transform(),
            "translate(100px,250.5px) scale(0.5)"
        );
        assert_eq!(
            (zoomed.layer_width(), zoomed.layer_height()),
            (360.0, 740.0)
        );
        let corner = zoomed.to_layer(Rect {
            left: 100.0,
            top: 250.5,
            width: 10.0,
            height: 5.0,
        });
        assert_eq!(
            corner,
            Rect {
                left: 0.0,
                top: 0.0,
                width: 20.0,
                height: 10.0
            }
        );
        assert_eq!(
            Visible::new(0.0, 0.0, 1.0, 1.0, 3.0).layer_transform(),
            "translate(0px,0px) scale(0.3333)"
        );
        // A scale no browser means leaves the layer unscaled rather than collapsed or huge.
        for nonsense in [0.0, -2.0, f64::NAN, f64::INFINITY] {
            assert_eq!(
                Visible::new(0.0, 0.0, 390.0, 844.0, nonsense).layer_width(),
                390.0
            );
        }
    }

    #[test]
    fn a_sheet_keeps_the_field_being_typed_in_above_the_keyboard() {
        // The keyboard left 400 px; the feature is near the top, the field being typed in near
        // the bottom: the field wins, the sheet goes to the top.
        let feature = Rect {
            left: 20.0,
            top: 40.0,
            width: 100.0,
            height: 40.0,
        };
        let field = Rect {
            left: 20.0,
            top: 300.0,
            width: 300.0,
            height: 40.0,
        };
        let spot = card_spot(feature, Some(field), 390.0, 248.0, 390.0, 400.0);
        assert_eq!(spot.side, CardSide::SheetTop);
        // With nothing focused it stays at the bottom, clear of the feature.
        let spot = card_spot(feature, None, 390.0, 248.0, 390.0, 400.0);
        assert_eq!((spot.side, spot.y), (CardSide::SheetBottom, 152.0));
    }

    proptest! {
        #[test]
        fn the_card_never_covers_its_anchor_when_one_side_has_room(
            left in 0.0..1200.0f64, top in 0.0..760.0f64, w in 10.0..200.0f64, h in 10.0..80.0f64,
            vw in 320.0..1600.0f64, vh in 300.0..1000.0f64,
        ) {
            let anchor = Rect { left, top, width: w, height: h };
            let (cw, ch) = (vw.min(380.0), 260.0);
            let spot = card_spot(anchor, None, cw, ch, vw, vh);
            let card = Rect { left: spot.x, top: spot.y, width: cw, height: ch };
            let room = if sheets(vw, vh) {
                anchor.bottom() <= vh - ch || anchor.top >= ch
            } else {
                anchor.bottom() + GAP + ch <= vh - MARGIN
                    || anchor.top - GAP - ch >= MARGIN
                    || anchor.right() + GAP + cw <= vw - MARGIN
                    || anchor.left - GAP - cw >= MARGIN
            };
            let inside = anchor.right() <= vw && anchor.bottom() <= vh;
            if room && inside {
                prop_assert!(!overlaps(card, anchor), "{spot:?} covers {anchor:?}");
            }
        }

        #[test]
        fn a_phone_sheet_never_covers_the_focused_field_when_one_side_has_room(
            anchor_top in 0.0..900.0f64, top in 0.0..900.0f64, h in 10.0..80.0f64,
            vh in 300.0..900.0f64, ch in 100.0..600.0f64,
        ) {
            let anchor = Rect { left: 10.0, top: anchor_top, width: 80.0, height: 30.0 };
            let field = Rect { left: 10.0, top, width: 300.0, height: h };
            let ch = ch.min(vh);
            let spot = card_spot(anchor, Some(field), 390.0, ch, 390.0, vh);
            let card = Rect { left: spot.x, top: spot.y, width: 390.0, height: ch };
            let room = field.bottom() <= vh - ch || field.top >= ch;
            if room && field.bottom() <= vh {
                prop_assert!(!overlaps(card, field), "{spot:?} covers the field {field:?}");
            }
        }

        #[test]
        fn a_beacon_sits_on_its_feature_whatever_the_zoom_and_pan(
            left in -200.0..800.0f64, top in -200.0..1600.0f64, scale in 0.25..5.0f64,
            x in 0.0..1.0f64, y in 0.0..1.0f64,
        ) {
            let visible = Visible::new(left, top, 390.0 / scale, 844.0 / scale, scale);
            // A feature well inside the visible area, so the beacon neither flips nor is clamped.
            let anchor = Rect {
                left: left + (40.0 + x * 250.0) / scale,
                top: top + (40.0 + y * 700.0) / scale,
                width: 60.0 / scale,
                height: 30.0 / scale,
            };
            let spot = beacon_spot(visible.to_layer(anchor), visible.layer_width(), visible.layer_height(), 24.0).unwrap();
            // The beacon's centre, back in page pixels, is the feature's top-right corner.
            let centre_x = left + (spot.x + 12.0) / scale;
            let centre_y = top + (spot.y + 12.0) / scale;
            prop_assert!((centre_x - anchor.right()).abs() < 1e-6 && (centre_y - anchor.top).abs() < 1e-6,
                "{spot:?} is not on {anchor:?} in {visible:?}");
        }
    }
}
