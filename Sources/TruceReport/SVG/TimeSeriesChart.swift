import Foundation
import TruceCore
import TruceEngine

/// Violations per day as stacked bars by evidence level, with possible violations as a line, the agreement's
/// window shaded and its status changes marked.
public struct TimeSeriesChart: Sendable {
    public var days: [DayCount]
    /// The first and last day of the agreement's window within the chart, `YYYY-MM-DD`.
    public var window: (first: String, last: String)?
    /// Status changes: day and label.
    public var markers: [(day: String, label: String)]

    public init(days: [DayCount], window: (first: String, last: String)?, markers: [(day: String, label: String)]) {
        self.days = days
        self.window = window
        self.markers = markers
    }

    public func svg(title: String) -> String {
        let width = 720.0
        let left = 48.0
        let right = 16.0
        let bottom = 58.0
        let plotHeight = 218.0
        let plotWidth = width - left - right
        let slot = plotWidth / Double(max(days.count, 1))
        func x(_ index: Int) -> Double { left + Double(index) * slot }
        let index = Dictionary(days.enumerated().map { ($1.date, $0) }, uniquingKeysWith: { first, _ in first })
        // Status labels go above the plot, in as many rows as they need, so they cross no bar.
        let labels = statusLabels(at: { index[$0].map { x($0) + slot / 2 } }, right: width - right)
        let top = 14 + Double(labels.map(\.row).max().map { $0 + 1 } ?? 1) * 12
        let height = top + plotHeight + bottom
        var svg = SVG(width: width, height: height)
        let maximum = max(1, days.map { max($0.totalViolations, $0.possibleViolations) }.max() ?? 1)
        let step = niceStep(Double(maximum))
        let top_ = (Double(maximum) / step).rounded(.up) * step
        func y(_ value: Double) -> Double { top + plotHeight - value / top_ * plotHeight }

        if let window, let first = index[window.first], let last = index[window.last] {
            svg.add(
                "rect",
                [
                    ("class", "window"), ("x", format(x(first))), ("y", format(top)), ("width", format(Double(last - first + 1) * slot)),
                    ("height", format(plotHeight)), ("fill", "#F0E442"), ("fill-opacity", "0.25"),
                ])
        }
        var tick = 0.0
        while tick <= top_ {
            svg.add(
                "line",
                [("x1", format(left)), ("x2", format(width - right)), ("y1", format(y(tick))), ("y2", format(y(tick))), ("stroke", "#dddddd")])
            svg.add("text", [("x", format(left - 6)), ("y", format(y(tick) + 4)), ("text-anchor", "end")], text: String(Int(tick)))
            tick += step
        }
        for (position, day) in days.enumerated() {
            var base = 0.0
            for level in EvidenceLevel.allCases {
                let count = Double(day.violations[level.rawValue] ?? 0)
                guard count > 0 else { continue }
                svg.add(
                    "rect",
                    [
                        ("class", "bar \(level.rawValue)"), ("x", format(x(position) + slot * 0.15)), ("y", format(y(base + count))),
                        ("width", format(slot * 0.7)), ("height", format(y(base) - y(base + count))), ("fill", Palette.evidence[level.rawValue]!),
                    ], text: nil)
                base += count
            }
        }
        let points = days.enumerated().map { "\(format(x($0.offset) + slot / 2)),\(format(y(Double($0.element.possibleViolations))))" }
        if days.contains(where: { $0.possibleViolations > 0 }) {
            svg.add(
                "polyline",
                [
                    ("class", "possible"), ("points", points.joined(separator: " ")), ("fill", "none"), ("stroke", Palette.blue),
                    ("stroke-width", "2"), ("stroke-dasharray", "4 2"),
                ])
        }
        for marker in markers {
            guard let position = index[marker.day] else { continue }
            let at = x(position) + slot / 2
            svg.add(
                "line",
                [
                    ("class", "status-change"), ("x1", format(at)), ("x2", format(at)), ("y1", format(top - 4)), ("y2", format(top + plotHeight)),
                    ("stroke", "#333333"), ("stroke-dasharray", "2 2"),
                ])
        }
        for label in labels {
            svg.add(
                "text", [("class", "marker-label"), ("x", format(label.x)), ("y", format(12 + Double(label.row) * 12)), ("font-size", "10")],
                text: label.text)
        }
        // Day labels: as many as fit without touching, on a regular step; with the year when the days cross one.
        let withYear = days.first.map { $0.date.prefix(4) } != days.last.map { $0.date.prefix(4) }
        let labelEvery = Self.labelStep(slot: slot, labelWidth: Self.textWidth(withYear ? "2025-03-31" : "03-31", fontSize: 10), gap: 6)
        for (position, day) in days.enumerated() where position % labelEvery == 0 {
            svg.add(
                "text",
                [
                    ("class", "tick-label"), ("x", format(x(position) + slot / 2)), ("y", format(top + plotHeight + 14)), ("text-anchor", "middle"),
                    ("font-size", "10"),
                ], text: withYear ? day.date : String(day.date.dropFirst(5)))
        }
        svg.add(
            "line",
            [
                ("x1", format(left)), ("x2", format(width - right)), ("y1", format(top + plotHeight)), ("y2", format(top + plotHeight)),
                ("stroke", "#333333"),
            ])
        svg.add(
            "text", [("x", format(left + plotWidth / 2)), ("y", format(height - 26)), ("text-anchor", "middle")], text: "day (agreement's local time)"
        )
        svg.add(
            "text",
            [
                ("x", "12"), ("y", format(top + plotHeight / 2)), ("transform", "rotate(-90 12 \(format(top + plotHeight / 2)))"),
                ("text-anchor", "middle"),
            ], text: "events per day")
        var legendX = left
        for level in EvidenceLevel.allCases {
            svg.add(
                "rect",
                [("x", format(legendX)), ("y", format(height - 14)), ("width", "10"), ("height", "10"), ("fill", Palette.evidence[level.rawValue]!)])
            svg.add("text", [("x", format(legendX + 14)), ("y", format(height - 5))], text: level.rawValue.replacingOccurrences(of: "_", with: " "))
            legendX += 110
        }
        svg.add(
            "line",
            [
                ("x1", format(legendX)), ("x2", format(legendX + 14)), ("y1", format(height - 9)), ("y2", format(height - 9)),
                ("stroke", Palette.blue), ("stroke-width", "2"), ("stroke-dasharray", "4 2"),
            ])
        svg.add("text", [("x", format(legendX + 18)), ("y", format(height - 5))], text: "possible violations")
        return svg.document(title: title, cssClass: "chart time-series")
    }
}

extension TimeSeriesChart {
    /// The status labels, one status to a line: each starts at its marker (or ends at `right`) on the first row,
    /// below its marker's earlier lines, where it clears the labels before it by 10 px.
    func statusLabels(at position: (String) -> Double?, right: Double) -> [(text: String, x: Double, row: Int)] {
        var rowEnds: [Double] = []
        var labels: [(text: String, x: Double, row: Int)] = []
        for marker in markers {
            guard let at = position(marker.day) else { continue }
            var row = 0
            for part in marker.label.components(separatedBy: ", ") {
                let width = Self.textWidth(part, fontSize: 10)
                let startX = min(at + 3, right - width)
                while row < rowEnds.count && rowEnds[row] + 10 > startX { row += 1 }
                if row == rowEnds.count { rowEnds.append(0) }
                rowEnds[row] = startX + width
                labels.append((part, startX, row))
                row += 1
            }
        }
        return labels
    }

    /// A generous estimate of a label's width in a sans-serif font: digits and most letters are narrower
    /// than 0.62 em.
    static func textWidth(_ text: String, fontSize: Double) -> Double { Double(text.count) * fontSize * 0.62 }

    /// Every how many day slots a label fits with `gap` to spare: 1, 2, 7, 14, 28 or more days.
    static func labelStep(slot: Double, labelWidth: Double, gap: Double) -> Int {
        let needed = Int(((labelWidth + gap) / max(slot, 0.01)).rounded(.up))
        return [1, 2, 7, 14, 28].first { $0 >= needed } ?? needed
    }
}

/// A round step for axis ticks: 1, 2 or 5 times a power of ten, giving about five ticks.
func niceStep(_ maximum: Double) -> Double {
    let raw = max(maximum / 5, 1)
    let power = pow(10, (log10(raw)).rounded(.down))
    for factor in [1.0, 2, 5, 10] where factor * power >= raw { return factor * power }
    return 10 * power
}

/// Horizontal bars with labels and counts: violation events per party or per target category.
public struct BarChart: Sendable {
    /// One bar: its label, its length, and a note after the value (e.g. `7 records`).
    public struct Bar: Sendable {
        public var label: String
        public var value: Int
        public var note: String?

        public init(label: String, value: Int, note: String? = nil) {
            self.label = label
            self.value = value
            self.note = note
        }
    }

    public var bars: [Bar]
    public var unit: String

    public init(bars: [Bar], unit: String) {
        self.bars = bars
        self.unit = unit
    }

    /// The longest label drawn whole; longer ones end in an ellipsis (the full text is in the bar's title).
    static let longestLabel = 22

    public func svg(title: String) -> String {
        let rowHeight = 22.0
        let left = 150.0
        let width = 480.0
        let height = Double(max(bars.count, 1)) * rowHeight + 40
        var svg = SVG(width: width, height: height)
        let maximum = Double(max(1, bars.map(\.value).max() ?? 1))
        for (position, bar) in bars.enumerated() {
            let y = 8 + Double(position) * rowHeight
            let label = bar.label.count > Self.longestLabel ? String(bar.label.prefix(Self.longestLabel - 1)) + "…" : bar.label
            svg.add("text", [("x", format(left - 8)), ("y", format(y + 14)), ("text-anchor", "end")], text: label)
            let value = bar.note.map { "\(bar.value) (\($0))" } ?? String(bar.value)
            let length = Double(bar.value) / maximum * (width - left - 10 - TimeSeriesChart.textWidth(value, fontSize: 11))
            svg.raw(
                "<rect class=\"bar\" x=\"\(format(left))\" y=\"\(format(y + 3))\" width=\"\(format(max(length, 1)))\" height=\"14\" fill=\"\(Palette.blue)\">"
                    + "<title>\(SVG.escape(bar.label)): \(SVG.escape(value))</title></rect>\n")
            svg.add("text", [("x", format(left + length + 6)), ("y", format(y + 14))], text: value)
        }
        if bars.isEmpty { svg.add("text", [("x", format(left)), ("y", "22")], text: "none") }
        svg.add("text", [("x", "8"), ("y", format(height - 8))], text: unit)
        return svg.document(title: title, cssClass: "chart bars")
    }
}
