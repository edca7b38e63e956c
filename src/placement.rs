//! Where a beacon sits beside its anchor: pure geometry, so it is tested natively.
//!
//! A beacon marks the top-right corner of its feature. Near the viewport's right or top edge
//! it flips to the left or bottom corner, so it is never cut off.

/// A rectangle in viewport coordinates (CSS pixels), as `getBoundingClientRect` gives it.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    pub fn right(&self) -> f64 {
        self.left + self.width
    }
    pub fn bottom(&self) -> f64 {
        self.top + self.height
    }
}

/// `x` kept within `low..=high`, `low` winning when the range is empty. Not `f64::clamp`:
/// its panic message prints floats, which brings Rust's float printer (12 KB) into the wasm.
fn within(x: f64, low: f64, high: f64) -> f64 {
    x.min(high).max(low)
}

/// A length in CSS pixels, to a hundredth of a pixel, written in integer arithmetic: Rust's
/// float printer would cost the wasm 12 KB for this alone.
pub fn px(x: f64) -> String {
    let hundredths = (x * 100.0).round() as i64;
    let sign = if hundredths < 0 { "-" } else { "" };
    let n = hundredths.unsigned_abs();
    match n % 100 {
        0 => format!("{sign}{}px", n / 100),
        f if f % 10 == 0 => format!("{sign}{}.{}px", n / 100, f / 10),
        f => format!("{sign}{}.{f:02}px", n / 100),
    }
}

/// The CSS transform that moves an element's top-left corner to (`x`, `y`).
pub fn translate(x: f64, y: f64) -> String {
    format!("translate({},{})", px(x), px(y))
}

/// Where the beacon goes: its top-left corner, and which way it flipped.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BeaconSpot {
    pub x: f64,
    pub y: f64,
    pub flipped_x: bool,
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
    Below,
    Above,
    /// Beside the feature, after it in the reading direction of the page (its right).
    Right,
    Left,
    /// On a narrow screen: a sheet along the bottom edge...
    SheetBottom,
    /// ...or along the top edge when the bottom one would cover the feature.
    SheetTop,
}

/// The card's top-left corner and side.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CardSpot {
    pub x: f64,
    pub y: f64,
    pub side: CardSide,
}

/// Below this viewport width the card becomes a bottom sheet.
pub const NARROW: f64 = 640.0;
const GAP: f64 = 10.0;

/// The spot for a `width`×`height` card beside `anchor`: below it if it fits, else above,
/// else to its right or left; on narrow screens a sheet that never covers the anchor.
pub fn card_spot(
    anchor: Rect,
    width: f64,
    height: f64,
    viewport_width: f64,
    viewport_height: f64,
) -> CardSpot {
    if viewport_width < NARROW {
        // Along the bottom unless that covers the feature; along the top if that does not;
        // else wherever less of the feature is covered.
        let sheet_top = (viewport_height - height).max(0.0);
        let under_bottom = (anchor.bottom().min(viewport_height) - sheet_top).max(0.0);
        let under_top = (height.min(anchor.bottom()) - anchor.top.max(0.0)).max(0.0);
        return if under_bottom > 0.0 && under_top < under_bottom {
            CardSpot {
                x: 0.0,
                y: 0.0,
                side: CardSide::SheetTop,
            }
        } else {
            CardSpot {
                x: 0.0,
                y: sheet_top,
                side: CardSide::SheetBottom,
            }
        };
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
            390.0,
            320.0,
            390.0,
            844.0,
        );
        assert_eq!((high.side, high.y), (CardSide::SheetBottom, 524.0));
    }

    proptest! {
        #[test]
        fn the_card_never_covers_its_anchor_when_one_side_has_room(
            left in 0.0..1200.0f64, top in 0.0..760.0f64, w in 10.0..200.0f64, h in 10.0..80.0f64,
            vw in 320.0..1600.0f64, vh in 480.0..1000.0f64,
        ) {
            let anchor = Rect { left, top, width: w, height: h };
            let (cw, ch) = (vw.min(380.0), 260.0);
            let spot = card_spot(anchor, cw, ch, vw, vh);
            let card = Rect { left: spot.x, top: spot.y, width: cw, height: ch };
            let room = if vw < NARROW {
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
    }
}
