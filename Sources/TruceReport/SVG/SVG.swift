import Foundation

/// A small SVG writer: elements appended as text, every attribute value and text escaped.
struct SVG {
    let width: Double
    let height: Double
    private(set) var body = ""

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    mutating func add(_ element: String, _ attributes: [(String, String)], text: String? = nil) {
        let rendered = attributes.map { " \($0.0)=\"\(Self.escape($0.1))\"" }.joined()
        if let text {
            body += "<\(element)\(rendered)>\(Self.escape(text))</\(element)>\n"
        } else {
            body += "<\(element)\(rendered)/>\n"
        }
    }

    mutating func raw(_ markup: String) { body += markup }

    /// The document, with a title for screen readers and a class for styling.
    func document(title: String, cssClass: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" class="\(Self.escape(cssClass))" viewBox="0 0 \(format(width)) \(format(height))" \
        width="\(format(width))" height="\(format(height))" role="img" aria-label="\(Self.escape(title))" font-family="sans-serif" font-size="11">
        <title>\(Self.escape(title))</title>
        \(body)</svg>
        """
    }

    /// `text` as HTML or SVG text or attribute value: `& < > "` as entities and hidden characters removed
    /// (see ``DisplayText/keepingLines(_:)``).
    static func escape(_ text: String) -> String {
        var result = ""
        for character in DisplayText.keepingLines(text) {
            if let entity = HTMLEntities.entity(for: character) { result += entity } else { result.append(character) }
        }
        return result
    }
}

/// A number with at most two decimals, for coordinates.
func format(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
}

/// The Okabe–Ito palette, distinguishable with the common forms of colour blindness.
enum Palette {
    static let orange = "#E69F00", skyBlue = "#56B4E9", green = "#009E73", yellow = "#F0E442"
    static let blue = "#0072B2", vermillion = "#D55E00", purple = "#CC79A7", grey = "#999999"

    /// One colour per evidence level, from weakest to strongest.
    static let evidence = ["single_claim": skyBlue, "contested": orange, "corroborated": vermillion, "verified": purple]
    /// One colour per verdict.
    static let verdict = [
        "violation": vermillion, "possible_violation": orange, "not_a_violation": blue, "insufficient_information": grey,
        "out_of_scope": green,
    ]
}
