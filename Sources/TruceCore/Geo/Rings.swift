import Foundation

/// Plane geometry on rings of coordinates (longitude as x, latitude as y), enough to place a reported point
/// in an outline.
public enum Rings {
    /// Ray casting: whether `point` lies inside `ring` (closed or not).
    public static func contains(_ ring: [Coordinate], _ point: Coordinate) -> Bool {
        var inside = false
        var previous = ring.count - 1
        for index in ring.indices {
            let (a, b) = (ring[index], ring[previous])
            if (a.latitude > point.latitude) != (b.latitude > point.latitude),
                point.longitude < (b.longitude - a.longitude) * (point.latitude - a.latitude) / (b.latitude - a.latitude) + a.longitude
            {
                inside.toggle()
            }
            previous = index
        }
        return inside
    }

    /// Kilometres from `point` to the nearest edge of `ring`, measured on a plane scaled to the point's
    /// latitude (within a few per cent over a few hundred kilometres, which is all a place's precision needs).
    public static func distance(from point: Coordinate, to ring: [Coordinate]) -> Double {
        let kilometresPerDegree = 111.32
        let scale = cos(point.latitude * .pi / 180)
        func planar(_ coordinate: Coordinate) -> (x: Double, y: Double) {
            ((coordinate.longitude - point.longitude) * scale * kilometresPerDegree, (coordinate.latitude - point.latitude) * kilometresPerDegree)
        }
        var nearest = Double.infinity
        var previous = ring.count - 1
        for index in ring.indices {
            let (a, b) = (planar(ring[previous]), planar(ring[index]))
            let (dx, dy) = (b.x - a.x, b.y - a.y)
            let length = dx * dx + dy * dy
            // The nearest point of the edge to the origin (the point itself).
            let t = length == 0 ? 0 : max(0, min(1, -(a.x * dx + a.y * dy) / length))
            let (x, y) = (a.x + t * dx, a.y + t * dy)
            nearest = min(nearest, (x * x + y * y).squareRoot())
            previous = index
        }
        return nearest
    }
}
