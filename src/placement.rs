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
        x: x.clamp(MARGIN, (viewport_width - size - MARGIN).max(MARGIN)),
        y: y.clamp(MARGIN, (viewport_height - size - MARGIN).max(MARGIN)),
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
