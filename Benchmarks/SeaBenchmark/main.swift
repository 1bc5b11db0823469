import Foundation
import TruceCore

// Sea benchmark: how long placing a point in the shipped Black Sea outline takes, for points known exactly
// (inside or not) and for region-level points (within 300 km of the edge or not), over 1,000,000 seeded
// points around the Black Sea (scripts/bench-seas). Also checks the indexed answers against every edge
// measured, on a sample, and times building the outline.

let path = CommandLine.arguments.dropFirst().first ?? "data/boundaries/seas.geojson"
let seas = try SeaOutlines(geoJSON: Data(contentsOf: URL(fileURLWithPath: path)), file: path)
guard let black = seas["black_sea"] else { fatalError("\(path): no black_sea") }

/// SplitMix64, seeded, so every run places the same points.
struct SplitMix {
    var state: UInt64

    mutating func next() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }
}
var random = SplitMix(state: 2025)
let points = (0..<1_000_000).map { _ in Coordinate(latitude: 40 + 12 * random.next(), longitude: 22 + 23 * random.next()) }
let clock = ContinuousClock()
func seconds(_ duration: Duration) -> String {
    String(format: "%.3f s", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
}

var inside = 0
let exact = clock.measure { for point in points where black.contains(point) { inside += 1 } }
var placed = 0
let coarse = clock.measure {
    for point in points where black.isFar(from: point, by: 300) || !black.isEdge(within: 300, of: point) { placed += 1 }
}
var measured = 0
let plain = clock.measure {
    for point in points.prefix(100_000) where black.distanceToEdge(from: point) > 300 { measured += 1 }
}
var mismatches = 0
for point in points.prefix(20_000) {
    let parity = black.rings.filter { Rings.contains($0, point) }.count % 2 == 1
    if black.contains(point) != parity { mismatches += 1 }
    let distance = black.distanceToEdge(from: point)
    for reach in [25.0, 60, 300] where black.isEdge(within: reach, of: point) != (distance <= reach) { mismatches += 1 }
}
let build = clock.measure { _ = SeaOutline(rings: black.rings, coasts: black.coasts) }

print("1,000,000 points in 40-52 N, 22-45 E; Black Sea outline of \(black.rings.map(\.count).reduce(0, +)) points")
print("exact points:        \(seconds(exact)) (\(inside) in the Black Sea)")
print("region-level points: \(seconds(coarse)) (\(placed) farther than 300 km from the edge)")
print("every edge measured: \(seconds(plain)) for 100,000 region-level points (\(measured) farther than 300 km)")
print("indexes against every edge measured, 20,000 points: \(mismatches) mismatches")
print("building the outline and its indexes: \(seconds(build))")
